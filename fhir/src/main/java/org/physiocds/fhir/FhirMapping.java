package org.physiocds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;

/**
 * FHIR R4 in and out: a patient's record (a Bundle, or a list of resources) read as a
 * {@link org.physiocds.model.Patient}, and an {@link Evaluation} written as FHIR R4. The one place
 * where this project's facts meet FHIR, for an application, the command line and the services
 * built on it; {@code docs/fhir-mapping.md} is the table of what comes from where.
 *
 * <pre>{@code
 * FhirMapping fhir = FhirMapping.create();                        // share it: thread-safe
 * PatientRecord record = fhir.readPatient(bundleJson, LocalDate.now(clock));
 * Evaluation result = engine.evaluate(record.patient());
 * String plan = fhir.writeEvaluationJson(result);                // a Bundle: RequestGroup, DetectedIssues
 * }</pre>
 *
 * <p><b>Reading.</b> What is read: the Patient (its id, else identifier, else fullUrl; its birth date for the age), pain and
 * injuries as Conditions, pain intensity, muscle findings, signs, lifestyle factors and red flags
 * as Observations, surgeries as Procedures, the stretching history and the STarT Back answers as
 * QuestionnaireResponses. Everything else (medications, encounters, codes the mapping does not
 * know) is ignored and counted in the {@link MappingReport}. Resources entered in error, refuted,
 * inactive or resolved are not facts; of two observations of the same thing the latest effective
 * one wins. Ages, days and weeks are counted to the {@code asOf} date the caller gives, never to
 * the clock: days are whole calendar days ({@code ChronoUnit.DAYS.between(date, asOf)}), weeks of
 * pain those days / 7, the age whole years.
 *
 * <p><b>Problems.</b> A resource the mapping uses that is malformed, or holds a value outside its
 * value set, is an {@link InvalidPatientException} listing every problem at once, each with its
 * FHIR path ({@code Bundle.entry[3].resource.valueCodeableConcept}) and what was expected there;
 * nothing is read. A document that is not FHIR at all is one problem at {@code $}. Problems never
 * quote the record (an out-of-range number or an unknown code is kept apart, in
 * {@link Problem#given()}), and nothing here logs. The exception's message shows
 * {@link Problem#loggablePath()}, which knows the interchange format's field names only, so it
 * shows FHIR paths as {@value Problem#UNKNOWN_FIELD}: read {@link InvalidPatientException#problems()}.
 *
 * <p><b>Input limits</b>, checked in one streaming pass before anything is built, fit real exports
 * and are counted on content, not whitespace: {@value InputLimits#MAX_CONTENT} characters of
 * content, {@value InputLimits#MAX_ENTRIES} Bundle entries, lists of {@value InputLimits#MAX_LIST_LENGTH}
 * elements, nesting {@value InputLimits#MAX_NESTING_DEPTH} deep, at most {@code JsonCodec.MAX_PROBLEMS}
 * problems. A Bundle is streamed: entries of resource types the mapping does not read are counted
 * and never built. One patient per record: resources about another patient are counted, not read.
 *
 * <p><b>Writing.</b> A Bundle (type collection): a RequestGroup (intent proposal) whose actions are
 * the recommendations grouped by phase in order, each with its codes (action, target, side as a
 * SNOMED CT laterality, topic, restriction, referral reason and urgency), priority (from the
 * referral's urgency), dosage, rationale and citations ({@code documentation}); the withheld advice
 * in a last group, each item with what withheld it; one DetectedIssue per flag (severity from the
 * flag's); an Observation of the STarT Back result when there is one. Every resource carries the
 * knowledge base's name, version and content hash; the RequestGroup carries the thresholds and
 * whether any is past its clinical limits, and names the PlanDefinition it was made by
 * ({@code instantiatesCanonical}: {@link #planDefinitionUrl()}{@code |}version). The same
 * evaluation gives the same bytes.
 *
 * <p><b>The knowledge base as knowledge artifacts.</b> {@link #planDefinition(CdsEngine)} (every
 * rule, grouped by the phase of the plan, with its guidance, condition and citations) and
 * {@link #library(CdsEngine)} (the knowledge base's identity, sources and thresholds), made from
 * the engine's knowledge base on every call, the same bytes for the same knowledge base.
 *
 * <p>One {@link FhirContext} (expensive to build, thread-safe) is shared by every instance; each
 * call makes its own parser. Instances are immutable and thread-safe.
 */
public final class FhirMapping {

    private static final FhirMapping INSTANCE = new FhirMapping();

    /** The id of the PlanDefinition of the knowledge base ({@link #planDefinition(CdsEngine)}). */
    public static final String PLAN_DEFINITION_ID = "physiocds";

    /** The id of the Library of the knowledge base ({@link #library(CdsEngine)}). */
    public static final String LIBRARY_ID = "physiocds";

    private FhirMapping() {
    }

    /** The mapping (one instance, shared: it holds no state). */
    public static FhirMapping create() {
        return INSTANCE;
    }

    /** The FHIR R4 context every read and write uses, for an application that parses FHIR too. */
    public static FhirContext context() {
        return Context.R4;
    }

    /**
     * Reads a record: a Bundle in FHIR R4 JSON (collection, searchset, transaction, batch...), or a
     * single resource.
     *
     * @param json the document
     * @param asOf the date ages, days and weeks are counted to (an evaluation date, not the clock)
     * @throws InvalidPatientException listing every problem with its FHIR path; nothing was read
     */
    public PatientRecord readPatient(String json, LocalDate asOf) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(asOf, "asOf");
        String text = InputLimits.withoutByteOrderMark(json);
        Problem limit = InputLimits.check(text);
        if (limit != null) {
            throw new InvalidPatientException(List.of(limit));
        }
        List<RecordReader.Located> located = new ArrayList<>();
        Map<String, Integer> ignored = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        new EntryReader(Context.R4, parser(), located, ignored, problems).read(text);
        if (problems.size() == 1 && problems.get(0).path().equals("$")) {
            throw new InvalidPatientException(problems);
        }
        return new RecordReader(asOf).read(located, ignored, problems);
    }

    /**
     * Reads a record given as a Bundle.
     *
     * @throws InvalidPatientException as {@link #readPatient(String, LocalDate)}
     */
    public PatientRecord readPatient(Bundle bundle, LocalDate asOf) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(asOf, "asOf");
        List<RecordReader.Located> located = new ArrayList<>();
        Map<String, Integer> ignored = new HashMap<>();
        RecordReader.flatten(bundle, "Bundle", null, located, ignored);
        return new RecordReader(asOf).read(located, ignored, List.of());
    }

    /**
     * Reads a record given as resources: a CDS Hooks prefetch's values, say. A Bundle among them
     * stands for its entries. Paths start {@code resources[i]}.
     *
     * @throws InvalidPatientException as {@link #readPatient(String, LocalDate)}
     */
    public PatientRecord readPatient(List<? extends IBaseResource> resources, LocalDate asOf) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(asOf, "asOf");
        List<RecordReader.Located> located = new ArrayList<>();
        Map<String, Integer> ignored = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            RecordReader.flatten(resources.get(i), "resources[" + i + "]", null, located, ignored);
        }
        return new RecordReader(asOf).read(located, ignored, List.of());
    }

    /**
     * The project's own code systems, questionnaires and value set that the mapping reads and
     * writes (muscles, muscle findings, signs, lifestyle factors, red flags, the stretching history
     * and STarT Back questionnaires; actions, targets, topics, flags... of the output), as shipped
     * in this module: for a FHIR server to publish, or a validator to know.
     */
    public List<IBaseResource> definitions() {
        List<IBaseResource> definitions = new ArrayList<>();
        IParser parser = Context.R4.newJsonParser();
        for (String name : DEFINITIONS) {
            try (InputStream in = FhirMapping.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the fhir module: " + name);
                }
                definitions.add(parser.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return definitions;
    }

    /**
     * The canonical URL of the PlanDefinition of the knowledge base,
     * {@code https://physiocds.org/fhir/PlanDefinition/physiocds}: a name, not a web address. Every
     * plan written names it with the knowledge base's version, {@code <url>|<version>}, in its
     * {@code instantiatesCanonical}.
     */
    public static String planDefinitionUrl() {
        return Codes.BASE + "/PlanDefinition/" + PLAN_DEFINITION_ID;
    }

    /** The canonical URL of the Library of the knowledge base, {@code https://physiocds.org/fhir/Library/physiocds}. */
    public static String libraryUrl() {
        return Codes.BASE + "/Library/" + LIBRARY_ID;
    }

    /**
     * The engine's knowledge base as a FHIR R4 PlanDefinition (type {@code eca-rule}): its actions
     * are the rules, each once, grouped by the phase of the plan their conclusions belong to (then
     * the rules that withhold advice, raise flags only, or derive findings), each with its rule id,
     * guidance ids, actions and flags as {@code code}s, its condition in its own words, and its
     * citations as {@code documentation}; {@code version} the knowledge base's, {@code date} the
     * knowledge base's date ({@link CdsEngine#knowledgeBaseDate()}), {@code library} the
     * {@link #library(CdsEngine) Library}. Made from the knowledge base on every call; the same
     * knowledge base gives the same resource, byte for byte ({@code docs/fhir-mapping.md}).
     */
    public PlanDefinition planDefinition(CdsEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return KnowledgeArtifacts.planDefinition(engine);
    }

    /**
     * The engine's knowledge base as a FHIR R4 Library (type {@code asset-collection}): its name,
     * version, date and content hash (an {@code identifier}), its sources registry as
     * {@code relatedArtifact}s, and the clinical thresholds as {@code parameter}s, each with its
     * default, the value this engine applies, its valid range and its clinical limits. Made on
     * every call; the same knowledge base and thresholds give the same resource, byte for byte.
     */
    public Library library(CdsEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return KnowledgeArtifacts.library(engine);
    }

    /**
     * Any resource as JSON, as this mapping writes it: indented, {@code \n} line ends; the same
     * resource, the same text.
     */
    public String writeJson(IBaseResource resource) {
        Objects.requireNonNull(resource, "resource");
        return Context.R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource).replace("\r\n", "\n");
    }

    /** The definitions shipped beside this class. */
    static final List<String> DEFINITIONS = List.of(
            "CodeSystem-muscle.json", "CodeSystem-injury-type.json", "CodeSystem-observation.json",
            "CodeSystem-strength.json", "CodeSystem-length.json", "CodeSystem-sign.json", "CodeSystem-lifestyle.json",
            "CodeSystem-red-flag.json", "CodeSystem-bothersomeness.json", "CodeSystem-action.json",
            "CodeSystem-target.json", "CodeSystem-topic.json", "CodeSystem-plan-section.json", "CodeSystem-flag.json",
            "CodeSystem-restriction.json", "CodeSystem-referral-reason.json", "CodeSystem-urgency.json",
            "CodeSystem-source-kind.json", "ValueSet-bothersomeness.json", "Questionnaire-stretching-history.json",
            "Questionnaire-start-back.json");

    /**
     * The evaluation as FHIR R4: a Bundle (see the class comment), without an effective date on the
     * STarT Back Observation; {@link #writeEvaluation(Evaluation, LocalDate)} gives it one.
     */
    public Bundle writeEvaluation(Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        return PlanWriter.write(evaluation, null);
    }

    /**
     * The evaluation as FHIR R4, the STarT Back Observation effective on {@code asOf} (the date the
     * patient was evaluated as of, as US Core wants an Observation dated).
     */
    public Bundle writeEvaluation(Evaluation evaluation, LocalDate asOf) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(asOf, "asOf");
        return PlanWriter.write(evaluation, asOf);
    }

    /** {@link #writeEvaluation(Evaluation)} as JSON: indented, {@code \n} line ends; the same evaluation, the same text. */
    public String writeEvaluationJson(Evaluation evaluation) {
        return json(writeEvaluation(evaluation));
    }

    /** {@link #writeEvaluation(Evaluation, LocalDate)} as JSON, as {@link #writeEvaluationJson(Evaluation)}. */
    public String writeEvaluationJson(Evaluation evaluation, LocalDate asOf) {
        return json(writeEvaluation(evaluation, asOf));
    }

    private String json(Bundle bundle) {
        return writeJson(bundle);
    }

    /** A parser for one read: silent on what it cannot read (its messages would quote the record). */
    private static IParser parser() {
        return Context.R4.newJsonParser()
                .setParserErrorHandler(new ErrorHandlerAdapter())
                .setOverrideResourceIdWithBundleEntryFullUrl(false);
    }

    /** Holds the context, built on first use. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4Cached();
    }
}
