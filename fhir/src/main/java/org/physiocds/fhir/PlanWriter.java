package org.physiocds.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.RequestGroup.RequestStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RequestGroup.RequestGroupActionComponent;
import org.hl7.fhir.r4.model.RequestGroup.RequestIntent;
import org.hl7.fhir.r4.model.RequestGroup.RequestPriority;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Severity;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.WhatIf;
import org.physiocds.json.JsonCodec;
import org.physiocds.text.TextReport;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Writes an {@link Evaluation} as FHIR R4 (see {@code docs/fhir-mapping.md}, "Output"): a Bundle
 * of type collection holding a RequestGroup (the plan), one DetectedIssue per flag and, when the
 * patient was screened, an Observation of the STarT Back result. Driven by the typed signals
 * (urgency, restriction, severity, side, topic, the exercise hold), never by parsing text.
 * Deterministic: ids are name-based UUIDs of the evaluation's own content. Stateless.
 */
final class PlanWriter {

    private static final JsonCodec JSON = new JsonCodec();
    private static final Pattern URL = Pattern.compile("https://[^\\s,;)]+");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private PlanWriter() {
    }

    /**
     * @param asOf the date the evaluation is as of: the effective date of the STarT Back
     *             Observation; {@code null} writes none
     */
    static Bundle write(Evaluation evaluation, LocalDate asOf) {
        String seed = JSON.writeEvaluationLine(evaluation);
        Ids ids = new Ids(seed);
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);

        RequestGroup plan = new RequestGroup();
        plan.setId(ids.next());
        stamp(plan, evaluation.knowledgeBase());
        plan.addExtension(thresholds(evaluation.thresholds()));
        if (evaluation.exerciseWithheld() != null) {
            Extension hold = new Extension(Codes.EXT_EXERCISE_WITHHELD);
            hold.addExtension("urgency", new Coding(Codes.CS_URGENCY, evaluation.exerciseWithheld().urgency().name(), null));
            hold.addExtension("rule", new StringType(evaluation.exerciseWithheld().rule()));
            plan.addExtension(hold);
        }
        // The PlanDefinition this plan was made by, at the knowledge base's version (FhirMapping.planDefinition).
        plan.addInstantiatesCanonical(FhirMapping.planDefinitionUrl() + "|" + evaluation.knowledgeBase().version());
        plan.setStatus(RequestStatus.ACTIVE);
        plan.setIntent(RequestIntent.PROPOSAL);
        Reference subject = subject(evaluation.patientId());
        if (subject != null) {
            plan.setSubject(subject);
        }
        for (Phase phase : Phase.values()) {
            List<Recommendation> items = evaluation.recommendations().stream().filter(r -> r.phase() == phase).toList();
            if (items.isEmpty()) {
                continue;
            }
            RequestGroupActionComponent group = plan.addAction();
            group.setTitle(words(phase.name()));
            group.addCode(new CodeableConcept(new Coding(Codes.CS_PLAN_SECTION, phase.name(), words(phase.name()))));
            items.forEach(r -> recommendation(plan, group.addAction(), r, subject));
        }
        if (!evaluation.suppressed().isEmpty()) {
            RequestGroupActionComponent group = plan.addAction();
            group.setTitle("Withheld");
            group.setDescription("Advice a rule proposed and a contraindication overruled: kept so that both sides of"
                    + " the conflict can be seen, never to be carried out.");
            group.addCode(new CodeableConcept(new Coding(Codes.CS_PLAN_SECTION, "WITHHELD", "Withheld")));
            evaluation.suppressed().forEach(s -> suppressed(plan, group.addAction(), s, subject));
        }
        if (evaluation.missingData() != null) {
            // What could change this advice (evaluate --what-if): one note per supposition, most important first.
            for (WhatIf w : evaluation.missingData()) {
                plan.addNote(new Annotation(new MarkdownType("What could change this advice (" + words(w.rank().name())
                        + "): " + TextReport.render(w))));
            }
        }
        plan.setText(narrative(planNarrative(plan)));
        bundle.addEntry().setFullUrl("urn:uuid:" + plan.getIdElement().getIdPart()).setResource(plan);

        for (Flag flag : evaluation.flags()) {
            DetectedIssue issue = new DetectedIssue();
            issue.setId(ids.next());
            stamp(issue, evaluation.knowledgeBase());
            issue.addExtension(explanation(Codes.EXT_EXPLANATION, flag.explanation(), true));
            flag.alsoSupportedBy().forEach(e -> issue.addExtension(explanation(Codes.EXT_ALSO_SUPPORTED_BY, e, true)));
            issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
            issue.setCode(new CodeableConcept(new Coding(Codes.CS_FLAG, flag.code().name(), words(flag.code().name()))));
            issue.setSeverity(severity(flag.severity()));
            if (subject != null) {
                issue.setPatient(subject.copy());
            }
            issue.setDetail(flag.explanation().rationale());
            issue.setText(narrative("<p><b>" + xml(words(flag.code().name())) + "</b> (" + xml(issue.getSeverity().toCode())
                    + ")</p><p>" + xml(flag.explanation().rationale()) + "</p>"));
            bundle.addEntry().setFullUrl("urn:uuid:" + issue.getIdElement().getIdPart()).setResource(issue);
        }

        if (evaluation.startBack() != null) {
            Observation screening = startBack(evaluation.startBack());
            screening.setId(ids.next());
            stamp(screening, evaluation.knowledgeBase());
            if (subject != null) {
                screening.setSubject(subject.copy());
            }
            if (asOf != null) {
                screening.setEffective(new DateTimeType(asOf.toString()));
            }
            StartBackResult sb = evaluation.startBack();
            screening.setText(narrative("<p>STarT Back Screening risk level: <b>" + xml(words(sb.stratum().name()))
                    + "</b> (total score " + sb.total() + ", distress subscore " + sb.psychosocial() + ")</p>"));
            String url = "urn:uuid:" + screening.getIdElement().getIdPart();
            plan.addReasonReference(new Reference(url));
            bundle.addEntry().setFullUrl(url).setResource(screening);
        }
        return bundle;
    }

    // ---------------------------------------------------------------- items

    /**
     * The request a leaf action stands for (a RequestGroup's leaf action must name one): a
     * contained Task, proposed (draft) or, for withheld advice, cancelled with the reason.
     */
    private static void task(RequestGroup plan, RequestGroupActionComponent action, String description,
            RequestPriority priority, Reference subject, String withheldBecause) {
        Task task = new Task();
        task.setId("task-" + (plan.getContained().size() + 1));
        task.setStatus(withheldBecause == null ? Task.TaskStatus.DRAFT : Task.TaskStatus.CANCELLED);
        if (withheldBecause != null) {
            task.setStatusReason(new CodeableConcept().setText(withheldBecause));
        }
        task.setIntent(Task.TaskIntent.PROPOSAL);
        if (priority != null) {
            task.setPriority(Task.TaskPriority.fromCode(priority.toCode()));
        }
        task.setDescription(description);
        if (subject != null) {
            task.setFor(subject.copy());
        }
        plan.addContained(task);
        action.setResource(new Reference("#" + task.getId()));
    }

    private static void recommendation(RequestGroup plan, RequestGroupActionComponent action, Recommendation r,
            Reference subject) {
        action.setTitle(title(r.action(), r.target(), r.side(), r.topic(), r.referral()));
        action.setDescription(r.explanation().rationale());
        codes(action, r.action(), r.target(), r.side(), r.topic(), r.phase());
        if (r.restriction() != null) {
            action.addCode(new CodeableConcept(new Coding(Codes.CS_RESTRICTION, r.restriction().name(),
                    r.restriction() == Restriction.CONTRAINDICATED ? "Contraindicated" : "Not indicated")));
        }
        if (r.referral() != null) {
            action.addCode(new CodeableConcept(new Coding(Codes.CS_REFERRAL_REASON, r.referral().reason().name(),
                    words(r.referral().reason().name()))));
            action.addCode(new CodeableConcept(new Coding(Codes.CS_URGENCY, r.referral().urgency().name(),
                    words(r.referral().urgency().name()))));
            action.setPriority(priority(r.referral().urgency()));
        }
        if (r.dosage() != null) {
            action.addExtension(Codes.EXT_DOSAGE, new StringType(r.dosage()));
        }
        action.addExtension(explanation(Codes.EXT_EXPLANATION, r.explanation(), false));
        r.alsoSupportedBy().forEach(e -> action.addExtension(explanation(Codes.EXT_ALSO_SUPPORTED_BY, e, false)));
        documentation(action, r.explanation(), r.alsoSupportedBy());
        task(plan, action, action.getTitle() + (r.dosage() == null ? "" : ": " + r.dosage()),
                r.referral() == null ? null : priority(r.referral().urgency()), subject, null);
    }

    private static void suppressed(RequestGroup plan, RequestGroupActionComponent action, SuppressedRecommendation s,
            Reference subject) {
        action.setTitle("Withheld: " + title(s.action(), s.target(), s.side(), s.topic(), null));
        action.setDescription(s.explanation().rationale() + " Withheld: " + s.suppressedBy().rationale());
        codes(action, s.action(), s.target(), s.side(), s.topic(), s.phase());
        action.addExtension(explanation(Codes.EXT_EXPLANATION, s.explanation(), false));
        action.addExtension(explanation(Codes.EXT_WITHHELD_BY, s.suppressedBy(), true));
        s.alsoSuppressedBy().forEach(e -> action.addExtension(explanation(Codes.EXT_ALSO_WITHHELD_BY, e, true)));
        documentation(action, s.explanation(), List.of());
        task(plan, action, action.getTitle(), null, subject,
                "Withheld by " + s.suppressedBy().rule() + ": " + s.suppressedBy().ruleName());
    }

    private static void codes(RequestGroupActionComponent action, Action what, Target target, Side side, Topic topic,
            Phase phase) {
        action.addCode(new CodeableConcept(new Coding(Codes.CS_ACTION, what.name(), words(what.name()))));
        action.addCode(new CodeableConcept(new Coding(Codes.CS_TARGET, target.code(), target.label())));
        if (side != null) {
            action.addCode(new CodeableConcept(new Coding(Codes.SNOMED, Codes.lateralityOf(side),
                    Codes.lateralityDisplay(side))));
        }
        if (topic != null) {
            action.addCode(new CodeableConcept(new Coding(Codes.CS_TOPIC, topic.name(), topic.label())));
        }
        action.addCode(new CodeableConcept(new Coding(Codes.CS_PLAN_SECTION, phase.name(), words(phase.name()))));
    }

    /** {@code STRETCH right hip flexors}, {@code ADVISE: sleep}, {@code REFER (emergency): red flags}. */
    private static String title(Action action, Target target, Side side, Topic topic, Referral referral) {
        StringBuilder title = new StringBuilder(action.name().replace('_', ' '));
        if (referral != null) {
            title.append(" (").append(referral.urgency().name().toLowerCase(Locale.ROOT)).append(')');
        }
        if (topic != null) {
            return title.append(": ").append(topic.label()).toString();
        }
        title.append(' ');
        if (side != null) {
            title.append(side == Side.BOTH ? "both sides, " : side.name().toLowerCase(Locale.ROOT) + " ");
        }
        return title.append(target.label()).toString();
    }

    private static RequestPriority priority(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> RequestPriority.STAT;
            case URGENT -> RequestPriority.URGENT;
            case ROUTINE, REVIEW -> RequestPriority.ROUTINE;
        };
    }

    private static DetectedIssue.DetectedIssueSeverity severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case WARNING -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            case INFO -> DetectedIssue.DetectedIssueSeverity.LOW;
        };
    }

    // ---------------------------------------------------------------- explanations and citations

    /** Rule id and name, guidance, facts, the rationale, and (where asked) the citations. */
    private static Extension explanation(String url, Explanation e, boolean withCitations) {
        Extension ext = new Extension(url);
        ext.addExtension("rule", new StringType(e.rule()));
        ext.addExtension("ruleName", new StringType(e.ruleName()));
        e.guidance().forEach(g -> ext.addExtension("guidance", new StringType(g)));
        e.facts().forEach(f -> ext.addExtension("fact", new StringType(f)));
        ext.addExtension("rationale", new StringType(e.rationale()));
        if (withCitations) {
            e.citations().forEach(c -> ext.addExtension(citation(c)));
        }
        return ext;
    }

    /** The citation as data: its source, its kind, and a quote or a summary (never both). */
    private static Extension citation(Citation c) {
        Extension ext = new Extension(Codes.EXT_CITATION);
        ext.addExtension("source", new StringType(c.source()));
        ext.addExtension("kind", new Coding(Codes.CS_SOURCE_KIND, c.kind().name(), words(c.kind().name())));
        ext.addExtension(c.isQuote() ? "quote" : "summary", new StringType(c.text()));
        return ext;
    }

    /**
     * The citations of the leading rule and of the rules that also support the item (each once), as
     * RelatedArtifacts a FHIR client shows: {@code citation} the source, {@code display} the quote or
     * summary, {@code url} the source's address when it has one; the {@code citation} extension
     * says whether the text is a verbatim quote (a seed) or a summary (never to be shown quoted).
     */
    private static void documentation(RequestGroupActionComponent action, Explanation lead, List<Explanation> others) {
        Set<Citation> citations = new LinkedHashSet<>(lead.citations());
        others.forEach(e -> citations.addAll(e.citations()));
        citations.forEach(c -> action.addDocumentation(relatedArtifact(c)));
    }

    /**
     * A citation as a RelatedArtifact (type {@code citation}): {@code citation} the source,
     * {@code display} the quote or summary, {@code label} the source's kind, {@code url} the
     * source's https address when it has one, and the {@code citation} extension saying whether the
     * text is a verbatim quote or a summary. The plan's items and the PlanDefinition's actions cite
     * alike.
     */
    static RelatedArtifact relatedArtifact(Citation c) {
        RelatedArtifact artifact = new RelatedArtifact();
        artifact.setType(RelatedArtifact.RelatedArtifactType.CITATION);
        artifact.setLabel(words(c.kind().name()));
        artifact.setDisplay(c.text());
        artifact.setCitation(c.source());
        Matcher url = URL.matcher(c.source());
        if (url.find()) {
            artifact.setUrl(url.group());
        }
        artifact.addExtension(citation(c));
        return artifact;
    }

    // ---------------------------------------------------------------- stamps

    /** The knowledge base that made the resource: name, version and content hash. */
    static void stamp(DomainResource resource, KnowledgeBaseInfo kb) {
        Extension ext = new Extension(Codes.EXT_KNOWLEDGE_BASE);
        ext.addExtension("name", new StringType(kb.name()));
        ext.addExtension("version", new StringType(kb.version()));
        ext.addExtension("contentHash", new StringType(kb.contentHash()));
        resource.addExtension(ext);
    }

    /** Every threshold with its value, whether any is past its clinical limits, and which. */
    private static Extension thresholds(Thresholds t) {
        Extension ext = new Extension(Codes.EXT_THRESHOLDS);
        ext.addExtension("recentInjuryDays", new IntegerType(t.recentInjuryDays()));
        ext.addExtension("recentSurgeryDays", new IntegerType(t.recentSurgeryDays()));
        ext.addExtension("painReturnMinutes", new IntegerType(t.painReturnMinutes()));
        ext.addExtension("consistentSessionsPerWeek", new IntegerType(t.consistentSessionsPerWeek()));
        ext.addExtension("chronicPainWeeks", new IntegerType(t.chronicPainWeeks()));
        ext.addExtension("unsafe", new BooleanType(!t.isClinicallySafe()));
        t.outsideClinicalLimits().forEach(name -> ext.addExtension("outsideClinicalLimits", new CodeType(name)));
        return ext;
    }

    private static Observation startBack(StartBackResult result) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                "survey", "Survey")));
        o.setCode(new CodeableConcept(new Coding(Codes.LOINC, "91352-5", "STarT Back Screening risk level")));
        String[] level = switch (result.stratum()) {
            case LOW -> new String[] {"LA9194-7", "Low"};
            case MEDIUM -> new String[] {"LA8982-6", "Medium"};
            case HIGH -> new String[] {"LA9193-9", "High"};
        };
        o.setValue(new CodeableConcept(new Coding(Codes.LOINC, level[0], level[1])));
        o.addComponent().setCode(new CodeableConcept(new Coding(Codes.LOINC, "91351-7", "Total score [STarT Back]")))
                .setValue(new IntegerType(result.total()));
        o.addComponent().setCode(new CodeableConcept(new Coding(Codes.LOINC, "91350-9", "Distress subscore [STarT Back]")))
                .setValue(new IntegerType(result.psychosocial()));
        return o;
    }

    /**
     * The patient, identified without a Patient resource in the Bundle: always the id as an
     * identifier (system {@code pcds:patient-id}), and {@code Patient/<id>} as well when the id is a
     * FHIR id, for the server the record came from; none without an id.
     */
    private static Reference subject(String patientId) {
        if (patientId == null) {
            return null;
        }
        Reference subject = new Reference()
                .setIdentifier(new Identifier().setSystem(Codes.BASE + "/patient-id").setValue(patientId));
        if (FHIR_ID.matcher(patientId).matches()) {
            subject.setReference("Patient/" + patientId);
        }
        return subject;
    }

    /** The plan in words: each phase with its items' titles, the withheld advice last. */
    private static String planNarrative(RequestGroup plan) {
        StringBuilder div = new StringBuilder("<p><b>Plan</b></p>");
        for (RequestGroupActionComponent group : plan.getAction()) {
            div.append("<p>").append(xml(group.getTitle())).append("</p><ul>");
            for (RequestGroupActionComponent item : group.getAction()) {
                div.append("<li>").append(xml(item.getTitle())).append("</li>");
            }
            div.append("</ul>");
        }
        if (plan.getAction().isEmpty()) {
            div.append("<p>No advice.</p>");
        }
        return div.toString();
    }

    static Narrative narrative(String xhtml) {
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml + "</div>");
        return narrative;
    }

    static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code DAILY_PRACTICE} becomes {@code Daily practice}. */
    static String words(String code) {
        String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Name-based UUIDs of the evaluation's content: the same evaluation gets the same ids. */
    private static final class Ids {
        private final String seed;
        private int n;

        Ids(String seed) {
            this.seed = seed;
        }

        String next() {
            return UUID.nameUUIDFromBytes((seed + "#" + n++).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
