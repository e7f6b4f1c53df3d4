package org.physiocds.fhir;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.ParameterDefinition;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionConditionKind;
import org.hl7.fhir.r4.model.PlanDefinition.ActionGroupingBehavior;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UsageContext;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Phase;
import org.physiocds.RuleDescription;
import org.physiocds.SourceDescription;
import org.physiocds.Thresholds;

/**
 * The knowledge base as FHIR R4 knowledge artifacts (see {@code docs/fhir-mapping.md}, "The
 * knowledge base as FHIR knowledge artifacts"): a PlanDefinition whose actions are the rules,
 * grouped by the phase of the plan their conclusions belong to, and a Library describing the
 * knowledge base (its identity, its sources, its thresholds). Made from the engine's own
 * description of its rules ({@link CdsEngine#rules()}) every time; the same knowledge base and
 * thresholds give the same resources, byte for byte (the date is the knowledge base's, never the
 * clock's). Stateless.
 */
final class KnowledgeArtifacts {

    static final String CS_RULE = Codes.BASE + "/CodeSystem/rule";
    static final String CS_GUIDANCE = Codes.BASE + "/CodeSystem/guidance";
    static final String EXT_THRESHOLD = Codes.BASE + "/StructureDefinition/threshold";
    static final String EXT_SOURCE_KIND = Codes.BASE + "/StructureDefinition/source-kind";
    static final String EXT_CONDITION_TEXT = Codes.BASE + "/StructureDefinition/condition-text";
    static final String ID_CONTENT_HASH = Codes.BASE + "/knowledge-base-content-hash";
    private static final String PUBLISHER = "PhysioCDS";
    private static final String USAGE_CONTEXT = "http://terminology.hl7.org/CodeSystem/usage-context-type";

    /** The groups of the PlanDefinition that are not a phase: what a rule does when it proposes no item. */
    static final String WITHHELD = "WITHHELD";
    static final String FLAGS = "FLAGS";
    static final String FINDINGS = "FINDINGS";

    private KnowledgeArtifacts() {
    }

    // ---------------------------------------------------------------- PlanDefinition

    static PlanDefinition planDefinition(CdsEngine engine) {
        KnowledgeBaseInfo kb = engine.knowledgeBase();
        List<RuleDescription> rules = engine.rules();
        PlanDefinition plan = new PlanDefinition();
        plan.setId(FhirMapping.PLAN_DEFINITION_ID);
        PlanWriter.stamp(plan, kb);
        plan.setUrl(FhirMapping.planDefinitionUrl());
        plan.setVersion(kb.version());
        plan.setName("PhysioCDS");
        plan.setTitle("PhysioCDS: stretching, strengthening and stabilising advice for back pain");
        plan.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/plan-definition-type",
                "eca-rule", "ECA Rule")));
        plan.setStatus(status(kb));
        plan.setExperimental(false);
        date(engine.knowledgeBaseDate(), plan::setDateElement);
        plan.setPublisher(PUBLISHER);
        Set<String> guidance = new TreeSet<>();
        rules.forEach(r -> guidance.addAll(r.guidance()));
        plan.setDescription("The rules of the knowledge base " + kb.name() + " " + kb.version() + " (" + kb.contentHash()
                + "): " + rules.size() + " rules encoding " + guidance.size() + " pieces of guidance. Each action is a"
                + " rule, with its id and guidance ids (`code`), its condition in its own words and its citations"
                + " (`documentation`); the actions are grouped by the phase of the plan the rules' conclusions belong"
                + " to (safety, decompress, activate, mobilize, daily practice), then the rules that withhold advice,"
                + " raise flags only, or derive findings other rules read. Generated from the knowledge base; every"
                + " plan it makes (a RequestGroup) names this PlanDefinition in `instantiatesCanonical`.");
        plan.setPurpose("Phased, explained advice about stretching, strengthening and stabilising for a patient with"
                + " back (or neck, shoulder, hip, knee, ankle) pain, from what a clinician knows about the patient:"
                + " what to stretch and what not to, what to strengthen, when to refer first. A contraindication (a"
                + " recent injury or surgery, suspected instability, a red flag) wins over any recommendation it"
                + " conflicts with, and the overruled recommendation is reported as withheld with its reason.");
        plan.setUsage("Clinical decision support for clinicians, and for applications that put its advice in front of"
                + " a clinician for review; not for patients on their own. It does not diagnose, has not been"
                + " validated in a clinical study and is not a certified medical device. Run by the PhysioCDS engine"
                + " (a CDS Hooks service, the command line or the Java library); the conditions here are the rules'"
                + " own words, for reading, not expressions for another engine to evaluate.");
        plan.addUseContext(new UsageContext().setCode(new Coding(USAGE_CONTEXT, "focus", "Clinical Focus"))
                .setValue(new CodeableConcept(new Coding(Codes.SNOMED, Codes.SCT_LOW_BACK_PAIN, "Low back pain"))));
        plan.addUseContext(new UsageContext().setCode(new Coding(USAGE_CONTEXT, "user", "User Type"))
                .setValue(new CodeableConcept(new Coding(Codes.SNOMED, "36682004", "Physiotherapist"))));
        plan.addLibrary(FhirMapping.libraryUrl() + "|" + kb.version());

        int phaseNumber = 0;
        for (Phase phase : Phase.values()) {
            phaseNumber++;
            List<RuleDescription> members = rules.stream().filter(r -> group(r).equals(phase.name())).toList();
            String actions = Arrays.stream(Action.values()).filter(a -> a.phase() == phase)
                    .map(a -> PlanWriter.words(a.name()).toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            group(plan, phase.name(), PlanWriter.words(phase.name()), "Phase " + phaseNumber + " of "
                    + Phase.values().length + " of the plan (" + actions + "): the rules that propose its items, or"
                    + " set their dosage.", members);
        }
        group(plan, WITHHELD, "Withheld", "The rules that withhold advice other rules proposed (a contraindication, a"
                + " referral to be cleared first): the plan reports the advice as withheld, with the rule as its"
                + " reason, never silently dropped.", rules.stream().filter(r -> group(r).equals(WITHHELD)).toList());
        group(plan, FLAGS, "Flags", "The rules that raise flags only (a DetectedIssue beside the plan): what a"
                + " clinician should know about the patient.", rules.stream().filter(r -> group(r).equals(FLAGS)).toList());
        group(plan, FINDINGS, "Findings", "The rules that derive findings other rules read (a muscle's class, a"
                + " recent injury, a red-flag finding): they propose nothing themselves.",
                rules.stream().filter(r -> group(r).equals(FINDINGS)).toList());
        plan.setText(PlanWriter.narrative(narrative(plan)));
        return plan;
    }

    /**
     * The group of a rule, each rule in exactly one: the phase of its conclusions when it has one
     * (the first phase of what it proposes, or of what it doses); else WITHHELD when it withholds
     * advice, FLAGS when it raises flags, FINDINGS otherwise.
     */
    static String group(RuleDescription rule) {
        if (rule.phase() != null) {
            return rule.phase().name();
        }
        if (rule.withholds()) {
            return WITHHELD;
        }
        return rule.flags().isEmpty() ? FINDINGS : FLAGS;
    }

    private static void group(PlanDefinition plan, String code, String title, String description,
            List<RuleDescription> rules) {
        if (rules.isEmpty()) {
            return;
        }
        PlanDefinitionActionComponent group = plan.addAction();
        group.setTitle(title);
        group.setDescription(description);
        group.addCode(new CodeableConcept(new Coding(Codes.CS_PLAN_SECTION, code, title)));
        group.setGroupingBehavior(ActionGroupingBehavior.LOGICALGROUP);
        rules.forEach(r -> rule(group.addAction(), r));
    }

    /**
     * One rule: {@code id} and the first {@code code} its rule id, then a code per guidance id, per
     * action it proposes and per flag it raises; its name as {@code title} and as the text of its
     * applicability condition (extension {@code condition-text}); what it concludes as {@code description}; its citations as
     * {@code documentation}.
     */
    private static void rule(PlanDefinitionActionComponent action, RuleDescription rule) {
        action.setId(rule.id());
        action.setTitle(rule.name());
        action.setDescription(conclusions(rule));
        action.addCode(new CodeableConcept(new Coding(CS_RULE, rule.id(), rule.name())));
        rule.guidance().forEach(g -> action.addCode(new CodeableConcept(new Coding(CS_GUIDANCE, g, null))));
        rule.actions().forEach(a -> action.addCode(new CodeableConcept(new Coding(Codes.CS_ACTION, a.name(),
                PlanWriter.words(a.name())))));
        rule.flags().forEach(f -> action.addCode(new CodeableConcept(new Coding(Codes.CS_FLAG, f.name(),
                PlanWriter.words(f.name())))));
        // The condition in the rule's own words, for a reader: R4's expression languages (CQL, FHIRPath,
        // FHIR query) have no plain text, and the rule is not one (the PhysioCDS engine runs it).
        action.addCondition().setKind(ActionConditionKind.APPLICABILITY)
                .addExtension(EXT_CONDITION_TEXT, new StringType(rule.name()));
        rule.citations().forEach(c -> action.addDocumentation(PlanWriter.relatedArtifact(c)));
    }

    /** "SAF-02 (safety.drl) proposes: do not stretch. Raises the flags: recent injury. Withholds ...". */
    private static String conclusions(RuleDescription rule) {
        List<String> parts = new ArrayList<>();
        if (!rule.actions().isEmpty()) {
            parts.add("proposes " + rule.actions().stream().map(a -> PlanWriter.words(a.name()).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        } else if (rule.phase() != null) {
            parts.add("sets the dosage of an item of the " + PlanWriter.words(rule.phase().name()).toLowerCase(Locale.ROOT)
                    + " phase");
        }
        if (rule.withholds()) {
            parts.add("withholds advice other rules proposed");
        }
        if (!rule.flags().isEmpty()) {
            parts.add("raises the flag" + (rule.flags().size() > 1 ? "s " : " ") + rule.flags().stream()
                    .map(FlagCode::name).map(n -> PlanWriter.words(n).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
        if (parts.isEmpty()) {
            parts.add("derives a finding other rules read");
        }
        return "Rule " + rule.id() + (rule.file() == null ? "" : " (" + rule.file() + ")") + " "
                + String.join("; ", parts) + "; guidance " + String.join(", ", rule.guidance()) + ".";
    }

    private static String narrative(PlanDefinition plan) {
        StringBuilder div = new StringBuilder("<p><b>").append(PlanWriter.xml(plan.getTitle())).append("</b>, version ")
                .append(PlanWriter.xml(plan.getVersion())).append("</p>");
        for (PlanDefinitionActionComponent group : plan.getAction()) {
            div.append("<p>").append(PlanWriter.xml(group.getTitle())).append("</p><ul>");
            for (PlanDefinitionActionComponent rule : group.getAction()) {
                div.append("<li>").append(PlanWriter.xml(rule.getId())).append(": ")
                        .append(PlanWriter.xml(rule.getTitle())).append("</li>");
            }
            div.append("</ul>");
        }
        return div.toString();
    }

    // ---------------------------------------------------------------- Library

    static Library library(CdsEngine engine) {
        KnowledgeBaseInfo kb = engine.knowledgeBase();
        Library library = new Library();
        library.setId(FhirMapping.LIBRARY_ID);
        PlanWriter.stamp(library, kb);
        library.setUrl(FhirMapping.libraryUrl());
        library.addIdentifier(new Identifier().setSystem(ID_CONTENT_HASH).setValue(kb.contentHash()));
        library.setVersion(kb.version());
        library.setName("PhysioCDSKnowledgeBase");
        library.setTitle("PhysioCDS knowledge base " + kb.name());
        library.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/library-type",
                "asset-collection", "Asset Collection")));
        library.setStatus(status(kb));
        library.setExperimental(false);
        date(engine.knowledgeBaseDate(), library::setDateElement);
        library.setPublisher(PUBLISHER);
        List<RuleDescription> rules = engine.rules();
        Set<String> files = new LinkedHashSet<>();
        rules.stream().map(RuleDescription::file).filter(f -> f != null).sorted().forEach(files::add);
        library.setDescription("The knowledge base " + kb.name() + ", version " + kb.version() + ", content hash "
                + kb.contentHash() + " (SHA-256 of every rule file and citation table: it changes when a rule or a"
                + " citation changes, and only then): " + rules.size() + " rules in " + files.size() + " rule files ("
                + String.join(", ", files) + "), compiled to Drools' executable model, with the guidance catalog"
                + " they cite and the registry of " + engine.sources().size() + " sources (`relatedArtifact`). The"
                + " clinical thresholds the rules use are its `parameter`s, each with its valid range and clinical"
                + " limits (extension `threshold`). The PlanDefinition " + FhirMapping.planDefinitionUrl()
                + " lists its rules.");
        library.setPurpose("To identify, cite and review the exact rules and sources behind every result: each"
                + " result carries the knowledge base's name, version and content hash.");
        for (SourceDescription source : engine.sources()) {
            library.addRelatedArtifact(source(source));
        }
        Thresholds applied = engine.thresholds();
        for (Thresholds.Limit limit : Thresholds.limits()) {
            library.addParameter(parameter(limit, value(Thresholds.DEFAULTS, limit.name()), value(applied, limit.name())));
        }
        library.setText(PlanWriter.narrative("<p><b>" + PlanWriter.xml(library.getTitle()) + "</b>, version "
                + PlanWriter.xml(kb.version()) + ", " + PlanWriter.xml(kb.contentHash()) + "</p><p>" + rules.size()
                + " rules, " + engine.sources().size() + " sources; thresholds: "
                + PlanWriter.xml(library.getParameter().stream().map(p -> p.getName() + " "
                        + ((IntegerType) p.getExtensionByUrl(EXT_THRESHOLD).getExtensionByUrl("value").getValue()).getValue())
                        .collect(Collectors.joining(", "))) + "</p>"));
        return library;
    }

    /**
     * A registered source: {@code type} citation, {@code label} its key, {@code display} its title,
     * {@code citation} author, year and title, {@code url} its https address (a seed has none: its
     * location is its path under {@code seeds/}, in the citation), its kind in the extension
     * {@code source-kind}.
     */
    private static RelatedArtifact source(SourceDescription source) {
        RelatedArtifact artifact = new RelatedArtifact();
        artifact.setType(RelatedArtifact.RelatedArtifactType.CITATION);
        artifact.setLabel(source.key());
        artifact.setDisplay(source.title());
        artifact.setCitation(source.author() + " (" + (source.year() == null ? "no date" : source.year()) + "). "
                + source.title() + ". " + source.location());
        if (source.location().startsWith("https://")) {
            artifact.setUrl(source.location());
        }
        artifact.addExtension(EXT_SOURCE_KIND, new Coding(Codes.CS_SOURCE_KIND, source.kind().name(),
                PlanWriter.words(source.kind().name())));
        return artifact;
    }

    /**
     * A threshold as an input parameter (integer, 0..1): its documentation in words, and the
     * extension {@code threshold} with its unit, default, the value this engine applies, its valid
     * range and clinical limits, and whether the value is past them.
     */
    private static ParameterDefinition parameter(Thresholds.Limit limit, int defaultValue, int value) {
        ParameterDefinition parameter = new ParameterDefinition();
        parameter.setName(limit.name());
        parameter.setUse(ParameterDefinition.ParameterUse.IN);
        parameter.setMin(0);
        parameter.setMax("1");
        parameter.setType("integer");
        parameter.setDocumentation("In " + limit.unit() + ". Default " + defaultValue + (value == defaultValue ? ""
                : ", this engine " + value) + "; valid range " + limit.validMin() + "-" + limit.validMax()
                + "; clinical limits: " + limit.clinicalLimits() + ", because " + limit.reason() + ".");
        Extension ext = new Extension(EXT_THRESHOLD);
        ext.addExtension("unit", new StringType(limit.unit()));
        ext.addExtension("default", new IntegerType(defaultValue));
        ext.addExtension("value", new IntegerType(value));
        ext.addExtension("validMin", new IntegerType(limit.validMin()));
        ext.addExtension("validMax", new IntegerType(limit.validMax()));
        ext.addExtension("clinicalMin", new IntegerType(limit.clinicalMin()));
        ext.addExtension("clinicalMax", new IntegerType(limit.clinicalMax()));
        ext.addExtension("outsideClinicalLimits", new BooleanType(!limit.isClinicallySafe(value)));
        parameter.addExtension(ext);
        return parameter;
    }

    /** The value of the threshold named {@code name} (a component of {@link Thresholds}). */
    private static int value(Thresholds thresholds, String name) {
        for (RecordComponent component : Thresholds.class.getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return (int) component.getAccessor().invoke(thresholds);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the threshold " + name, e);
                }
            }
        }
        throw new IllegalStateException("no threshold " + name);
    }

    // ---------------------------------------------------------------- both

    /** Active for a release, draft for a SNAPSHOT (which names no fixed content). */
    private static PublicationStatus status(KnowledgeBaseInfo kb) {
        return kb.version() != null && kb.version().endsWith("-SNAPSHOT") ? PublicationStatus.DRAFT : PublicationStatus.ACTIVE;
    }

    private static void date(LocalDate date, java.util.function.Consumer<DateTimeType> set) {
        if (date != null) {
            set.accept(new DateTimeType(date.toString()));
        }
    }
}
