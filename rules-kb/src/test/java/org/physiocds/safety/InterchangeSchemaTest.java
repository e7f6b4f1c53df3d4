package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DialectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Phase;
import org.physiocds.Problem;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Severity;
import org.physiocds.SourceKind;
import org.physiocds.StartBackResult;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.internal.InterchangeFields;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;

/**
 * The JSON Schemas of the interchange format ({@code docs/schema/}, JSON Schema 2020-12) say what
 * the codec does. Every example patient, every scenario's patient and thousands of generated
 * patients are valid against {@code patient.schema.json}, and every evaluation the engine gives
 * them against {@code evaluation.schema.json}; every error document against its
 * {@code $defs/errors}. On the fuzz corpus of {@link JsonCodecFuzzTest} (its documents and its
 * mutations, and as many again of generated patients), schema and reader agree:
 *
 * <ul>
 *   <li>whatever the reader accepts, the schema accepts (so whatever the schema refuses, the reader
 *       refuses): always;</li>
 *   <li>whatever the reader refuses, the schema refuses, except where the reader checks what no
 *       schema can say ({@link ReaderOnly}): each field given once (a schema sees the parsed
 *       document, in which the last of two equal keys won), integers written without a decimal
 *       point or exponent (for JSON Schema, {@code 45.0} is the integer 45), the input limits
 *       (the document's length, nesting and number lengths are not in the parsed document, and a
 *       schema counts a string's length in code points where the reader counts UTF-16 units), and
 *       contradictions between muscle findings (one finding per muscle and side; BOTH or
 *       LEFT/RIGHT for a muscle). A document the reader refuses and the schema accepts must owe
 *       every one of its problems to these.</li>
 * </ul>
 *
 * <p>The schema is read by a plain JSON parser (no duplicate detection, no limits of ours), as an
 * application in another language would read the document; a document that is not JSON at all is
 * refused by any schema.
 */
class InterchangeSchemaTest {

    private static final Path SCHEMAS = SeedFiles.ROOT.resolve("docs/schema");
    private static final JsonCodec JSON = new JsonCodec();
    /**
     * Any JSON parser: the last of two equal keys wins, numbers as doubles, trailing content refused,
     * and a long number judged by its value, not its text.
     */
    private static final ObjectMapper PLAIN = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100_000).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int GENERATED = 3_000;
    private static final int MUTATIONS = 5_000;

    private static JsonNode patientSchemaNode;
    private static JsonNode evaluationSchemaNode;
    private static Schema patientSchema;
    private static Schema evaluationSchema;
    private static Schema errorsSchema;

    private final CdsEngine engine = Fixtures.ENGINE;

    /** The reader's checks that a schema cannot express, by the words of the problems they give. */
    enum ReaderOnly {
        DUPLICATE_FIELD("each field given once"),
        INTEGER_WRITTEN_AS_DECIMAL("an integer (no decimal point or exponent)"),
        INPUT_LIMITS("a document within the input limits"),
        CONTRADICTORY_FINDINGS("one finding per muscle and side", "either BOTH or LEFT/RIGHT findings for a muscle");

        private final List<String> expected;

        ReaderOnly(String... expected) {
            this.expected = List.of(expected);
        }

        static ReaderOnly of(Problem p) {
            for (ReaderOnly check : values()) {
                if (check.expected.stream().anyMatch(p.expected()::startsWith)) {
                    return check;
                }
            }
            return null;
        }
    }

    @BeforeAll
    static void schemas() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        patientSchemaNode = PLAIN.readTree(SCHEMAS.resolve("patient.schema.json").toFile());
        evaluationSchemaNode = PLAIN.readTree(SCHEMAS.resolve("evaluation.schema.json").toFile());
        patientSchema = registry.getSchema(patientSchemaNode);
        evaluationSchema = registry.getSchema(evaluationSchemaNode);
        errorsSchema = registry.getSchema(evaluationSchemaNode.at("/$defs/errors"));
    }

    // ---- The schemas themselves ------------------------------------------------------------------

    @Test
    void schemas_areValidJsonSchema202012() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(DialectId.DRAFT_2020_12));
        for (JsonNode schema : List.of(patientSchemaNode, evaluationSchemaNode)) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
            assertEquals(List.of(), meta.validate(schema).stream().map(Object::toString).toList(), schema.get("title").asText());
        }
    }

    /** A code added to the Java model, or a field to the format, must be added to the schema too. */
    @Test
    void patientSchema_fieldsAndCodes_areTheReadersOnes() {
        assertEquals(InterchangeFields.PATIENT, names(patientSchemaNode.get("properties")));
        Map<String, List<String>> objects = Map.of("muscleFinding", InterchangeFields.MUSCLE, "injury",
                InterchangeFields.INJURY, "surgery", InterchangeFields.SURGERY, "stretching", InterchangeFields.STRETCHING,
                "startBack", InterchangeFields.START_BACK);
        objects.forEach((def, fields) -> assertEquals(fields, names(patientSchemaNode.at("/$defs/" + def + "/properties")), def));
        assertEquals(InterchangeFields.START_BACK, texts(patientSchemaNode.at("/$defs/startBack/required")));

        Map<String, Class<? extends Enum<?>>> codes = new LinkedHashMap<>();
        codes.put("muscle", Muscle.class);
        codes.put("region", Region.class);
        codes.put("side", Side.class);
        codes.put("strength", Strength.class);
        codes.put("length", Length.class);
        codes.put("injuryType", InjuryType.class);
        codes.put("sign", Sign.class);
        codes.put("lifestyle", Lifestyle.class);
        codes.put("redFlag", RedFlag.class);
        codes.put("bothersomeness", Bothersomeness.class);
        codes.forEach((def, type) -> assertEquals(names(type), texts(patientSchemaNode.at("/$defs/" + def + "/enum")), def));
        assertEquals(JsonCodec.MAX_LIST_LENGTH, patientSchemaNode.at("/properties/muscles/maxItems").asInt());
        assertEquals(JsonCodec.MAX_STRING_LENGTH, patientSchemaNode.at("/properties/patientId/maxLength").asInt());
    }

    @Test
    void evaluationSchema_codes_areTheModelsOnes() {
        Map<String, Class<? extends Enum<?>>> codes = new LinkedHashMap<>();
        codes.put("/$defs/action/enum", Action.class);
        codes.put("/$defs/phase/enum", Phase.class);
        codes.put("/$defs/topic/enum", Topic.class);
        codes.put("/$defs/muscle/enum", Muscle.class);
        codes.put("/$defs/region/enum", Region.class);
        codes.put("/$defs/flag/properties/code/enum", FlagCode.class);
        codes.put("/$defs/flag/properties/severity/enum", Severity.class);
        codes.put("/$defs/recommendation/properties/referral/properties/urgency/enum", Urgency.class);
        codes.put("/$defs/recommendation/properties/referral/properties/reason/enum", Referral.Reason.class);
        codes.put("/$defs/recommendation/properties/restriction/enum", Restriction.class);
        codes.put("/$defs/citation/properties/kind/enum", SourceKind.class);
        codes.put("/properties/startBack/properties/stratum/enum", StartBackResult.Stratum.class);
        codes.forEach((pointer, type) -> assertEquals(names(type), texts(evaluationSchemaNode.at(pointer)), pointer));
        List<String> thresholds = Thresholds.limits().stream().map(Thresholds.Limit::name).toList();
        assertEquals(thresholds, texts(evaluationSchemaNode.at("/properties/thresholds/properties/outsideClinicalLimits/items/enum")));
        for (Thresholds.Limit limit : Thresholds.limits()) {
            JsonNode range = evaluationSchemaNode.at("/properties/thresholds/properties/" + limit.name());
            assertEquals(limit.validMin(), range.get("minimum").asInt(), limit.name());
            assertEquals(limit.validMax(), range.get("maximum").asInt(), limit.name());
        }
    }

    // ---- Examples, scenarios, generated patients and their evaluations ------------------------------

    @Test
    void examplePatients_validExceptTheBadOne_evaluationsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SeedFiles.ROOT.resolve("examples/patients"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "examples/patients: " + files);
        for (Path file : files) {
            byte[] doc = Files.readAllBytes(file);
            boolean bad = file.getFileName().toString().startsWith("bad-");
            Verdict verdict = judge(doc);
            assertEquals(!bad, verdict.readerAccepts(), file + ": " + verdict);
            assertEquals(!bad, verdict.schemaAccepts(), file + ": " + verdict);
        }
    }

    @Test
    void scenarioPatients_valid_evaluationsValid() throws IOException {
        int scenarios = 0;
        try (Stream<Path> list = Files.list(SeedFiles.ROOT.resolve("examples/scenarios"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode patient = PLAIN.readTree(file.toFile()).get("patient");
                assertNotNull(patient, file + " has no patient");
                Verdict verdict = judge(PLAIN.writeValueAsBytes(patient));
                assertTrue(verdict.readerAccepts() && verdict.schemaAccepts(), file + ": " + verdict);
                scenarios++;
            }
        }
        assertTrue(scenarios >= 30, "scenarios: " + scenarios);
    }

    /**
     * Generated patients (every code, sides, values at the thresholds, red flags, STarT Back) as
     * {@link JsonCodec#writePatient} writes them, and their evaluations: valid. The evaluations
     * exercise every conditional part of the output schema; an engine built with thresholds past
     * their clinical limits gives {@code outsideClinicalLimits}.
     */
    @Test
    void generatedPatients_valid_evaluationsValid() {
        long start = System.nanoTime();
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 13, 0.0);
        Coverage coverage = new Coverage();
        for (int i = 0; i < GENERATED; i++) {
            Patient p = generator.next(i).patient();
            byte[] doc = JSON.writePatient(p).getBytes(StandardCharsets.UTF_8);
            assertEquals(List.of(), patientSchema.validate(parse(doc)).stream().map(Object::toString).toList(),
                    () -> new String(doc, StandardCharsets.UTF_8));
            // On one line: the same fields as the indented form (which the examples, scenarios and
            // fuzz corpus validate), in about two thirds of the text to parse.
            coverage.add(assertValidEvaluation(JSON.writeEvaluationLine(engine.evaluate(p))));
        }
        CdsEngine unsafe = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(7).withConsistentSessionsPerWeek(1))
                .allowUnsafeThresholds().build();
        PatientGenerator more = new PatientGenerator(Fixtures.SEED + 17, 0.0);
        for (int i = 0; i < 100; i++) {
            JsonNode evaluation = assertValidEvaluation(JSON.writeEvaluationLine(unsafe.evaluate(more.next(i).patient())));
            assertEquals(2, evaluation.at("/thresholds/outsideClinicalLimits").size());
        }
        System.out.printf("InterchangeSchemaTest: %d generated patients and their evaluations valid (seed %d), %s, %d ms%n",
                GENERATED, Fixtures.SEED + 13, coverage, (System.nanoTime() - start) / 1_000_000);
        coverage.assertEverythingSeen();
    }

    /**
     * The output schema's rules are not vacuous: an evaluation edited to break one of them is
     * refused (side only and always on muscles, topic only and always on GENERAL, the action's
     * phase, referral only and always on REFER, restriction only and always on DO_NOT_STRETCH,
     * quote or summary, no other field).
     */
    @Test
    void evaluationSchema_brokenEvaluations_refused() throws IOException {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 13, 0.0);
        ObjectNode evaluation = null;
        for (int i = 0; evaluation == null; i++) {
            ObjectNode candidate = (ObjectNode) assertValidEvaluation(JSON.writeEvaluation(engine.evaluate(generator.next(i).patient())));
            boolean all = Stream.of("REFER", "DO_NOT_STRETCH", "STRETCH", "ADVISE").allMatch(action ->
                    candidate.get("recommendations").findValuesAsText("action").contains(action))
                    && !candidate.findValues("summary").isEmpty() && !candidate.get("suppressed").isEmpty();
            evaluation = all ? candidate : null;
        }
        Map<String, java.util.function.Consumer<ObjectNode>> edits = new LinkedHashMap<>();
        edits.put("a muscle without side", e -> ((ObjectNode) e.get("recommendations").findParent("side")).remove("side"));
        edits.put("a side on GENERAL", e -> item(e, "target", "GENERAL").put("side", "BOTH"));
        edits.put("GENERAL without topic", e -> item(e, "target", "GENERAL").remove("topic"));
        edits.put("a topic on a muscle", e -> item(e, "action", "DO_NOT_STRETCH").put("topic", "SLEEP"));
        edits.put("a topic of another action", e -> item(e, "action", "ADVISE").put("topic", "EMERGENCY_REFERRAL"));
        edits.put("a phase not the action's", e -> item(e, "action", "STRETCH").put("phase", "SAFETY"));
        edits.put("REFER without referral", e -> item(e, "action", "REFER").remove("referral"));
        edits.put("a referral on ADVISE", e -> item(e, "action", "ADVISE").set("referral",
                item(e, "action", "REFER").get("referral")));
        edits.put("DO_NOT_STRETCH without restriction", e -> item(e, "action", "DO_NOT_STRETCH").remove("restriction"));
        edits.put("a restriction on STRETCH", e -> item(e, "action", "STRETCH").put("restriction", "CONTRAINDICATED"));
        edits.put("a citation with quote and summary", e -> ((ObjectNode) e.findParent("summary")).put("quote", "words"));
        edits.put("a citation with neither", e -> ((ObjectNode) e.findParent("summary")).remove("summary"));
        edits.put("an unknown field", e -> item(e, "action", "STRETCH").put("priority", 1));
        edits.put("an unknown field in a suppressed item", e -> ((ObjectNode) e.get("suppressed").get(0)).put("dosage", "x"));
        edits.put("an unknown kind of source", e -> ((ObjectNode) e.findParent("kind")).put("kind", "BLOG"));
        edits.put("a content hash of another kind", e -> ((ObjectNode) e.get("knowledgeBase")).put("contentHash", "md5:00"));
        edits.put("thresholds out of their valid range", e -> ((ObjectNode) e.get("thresholds")).put("recentInjuryDays", -1));
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> edit : edits.entrySet()) {
            ObjectNode broken = evaluation.deepCopy();
            edit.getValue().accept(broken);
            assertFalse(evaluationSchema.validate(broken).isEmpty(), edit.getKey());
        }
    }

    /** The first recommendation whose {@code field} is {@code value}. */
    private static ObjectNode item(ObjectNode evaluation, String field, String value) {
        for (JsonNode r : evaluation.get("recommendations")) {
            if (value.equals(r.path(field).asText())) {
                return (ObjectNode) r;
            }
        }
        throw new AssertionError("no recommendation with " + field + " " + value);
    }

    // ---- The fuzz corpus: what the schema refuses, the reader refuses ------------------------------

    /**
     * {@link JsonCodecFuzzTest}'s documents (truncations, wrong types, huge numbers, duplicate keys,
     * hostile text and bytes) and its random mutations with its seed, then as many mutations of
     * generated patients: the reader accepts nothing the schema refuses, and refuses nothing the
     * schema accepts but for its own checks ({@link ReaderOnly}).
     */
    @Test
    void fuzzCorpus_schemaAndReader_agree() throws IOException {
        long start = System.nanoTime();
        Agreement agreement = new Agreement();
        List<String> valid = JsonCodecFuzzTest.validDocumentsToBreak();
        for (String doc : valid) {
            agreement.add(doc);
            for (int end = 0; end < doc.length(); end++) {
                agreement.add(doc.substring(0, end));
            }
        }
        List<String> values = List.of("\"text\"", "12", "-3.5", "true", "{}", "[]", "[1,2]", "{\"a\":1}", "\"\"", "\"\\u0000\"",
                "null", "\"LOWER_BACK\"", "\"lower_back\"", "\"GLUTES\"", "45.0", "1e1", "-1", "0", "121", "11", "51");
        for (String field : InterchangeFields.PATIENT) {
            for (String value : values) {
                agreement.add("{\"" + field + "\":" + value + "}");
                agreement.add("{\"" + field + "\":[" + value + "," + value + "]}");
            }
        }
        for (String value : values) {
            for (String field : InterchangeFields.MUSCLE) {
                agreement.add("{\"muscles\":[{\"muscle\":\"GLUTES\",\"" + field + "\":" + value + "}]}");
                agreement.add("{\"muscles\":[{\"" + field + "\":" + value + "}]}");
            }
            for (String field : InterchangeFields.INJURY) {
                agreement.add("{\"injuries\":[{\"type\":\"STRAIN\",\"" + field + "\":" + value + "}]}");
            }
            for (String field : InterchangeFields.SURGERY) {
                agreement.add("{\"surgeries\":[{\"" + field + "\":" + value + "}]}");
            }
            for (String field : InterchangeFields.STRETCHING) {
                agreement.add("{\"stretching\":{\"" + field + "\":" + value + "}}");
            }
            agreement.add("{\"startBack\":{\"item1\":" + value + ",\"item9\":" + value + "}}");
            agreement.add(startBack("\"item4\":" + value));
            agreement.add(startBack("\"item9\":" + value));
        }
        agreement.add(startBack(""));
        agreement.add(startBack("\"item10\":true"));
        String thousandDigits = "1" + "0".repeat(1000);
        for (String number : List.of("1e400", "-1e400", "1e-400", "-1e-400", "1E+2147483648", thousandDigits, "-" + thousandDigits,
                "123456789012345678901234567890", "2147483647", "2147483648", "-2147483649", "0.0000000000000000001",
                "1" + "0".repeat(49), "1" + "0".repeat(50), "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "1e",
                "-0", "-0.0", "1.7976931348623157e308", "1.8e308")) {
            for (String field : List.of("age", "painDurationWeeks", "painIntensity")) {
                agreement.add("{\"" + field + "\":" + number + "}");
            }
            agreement.add("{\"injuries\":[{\"type\":\"STRAIN\",\"daysAgo\":" + number + "}]}");
            agreement.add("{\"surgeries\":[{\"daysAgo\":" + number + "}]}");
            agreement.add("{\"stretching\":{\"sessionsPerWeek\":" + number + ",\"painReturnsWithinMinutes\":" + number + "}}");
        }
        for (String doc : List.of("{\"age\":40,\"age\":41}", "{\"age\":-1,\"age\":41}", "{\"age\":41,\"age\":-1}",
                "{\"muscles\":[{\"muscle\":\"GLUTES\",\"muscle\":\"CALVES\"}]}", "{\"stretching\":{\"ballistic\":true,\"ballistic\":false}}",
                "{\"startBack\":{\"item9\":\"SLIGHTLY\",\"item9\":\"SLIGHTLY\"}}", "{\"\":1,\"\":1}", "{\"stretching\":{\"\":1}}",
                "", " ", "null", "[]", "[{}]", "1", "\"patient\"", "true", "{}{}", "{} x", "{\"age\":1}}", "{\"age\":1,}", "{'age':1}",
                "{age:1}", "{\"age\":1 /* comment */}", "\u0000", "{\"patientId\":\"\\ud800\"}",
                "{\"patientId\":\"" + "x".repeat(10_000) + "\"}", "{\"patientId\":\"" + "x".repeat(10_001) + "\"}",
                "{\"patientId\":\"" + "\uD83D\uDE00".repeat(5_000) + "\"}", "{\"patientId\":\"" + "\uD83D\uDE00".repeat(6_000) + "\"}",
                "{\"painRegion\":\"" + "LOWER_BACK".repeat(900) + "\"}", "{\"" + "k".repeat(101) + "\":1}",
                "{\"signs\":[" + "\"SPINAL_COMPRESSION\",".repeat(999) + "\"SPINAL_COMPRESSION\"]}",
                "{\"signs\":[" + "\"SPINAL_COMPRESSION\",".repeat(1_000) + "\"SPINAL_COMPRESSION\"]}",
                "{\"muscles\":[" + "null,".repeat(1_000) + "null]}",
                " ".repeat(1_000_001) + "{}", "[".repeat(20) + "]".repeat(20),
                "{\"stretching\":" + "{\"x\":".repeat(20) + "null" + "}".repeat(21),
                "{\"muscles\":[{\"muscle\":\"GLUTES\",\"strength\":\"WEAK\"},{\"muscle\":\"GLUTES\",\"strength\":\"NORMAL\"}]}",
                "{\"muscles\":[{\"muscle\":\"GLUTES\",\"side\":\"LEFT\"},{\"muscle\":\"GLUTES\"}]}",
                "{\"muscles\":[{\"muscle\":\"GLUTES\",\"side\":\"LEFT\"},{\"muscle\":\"GLUTES\",\"side\":\"LEFT\"}]}",
                "{\"muscles\":[{\"muscle\":\"GLUTES\",\"side\":\"LEFT\"},{\"muscle\":\"GLUTES\",\"side\":\"RIGHT\"}]}",
                "{\"injuries\":[{\"muscle\":\"GLUTES\"}]}", "{\"injuries\":[{\"type\":\"TEAR\"}]}", "{\"surgeries\":[{}]}",
                "{\"muscles\":[{}]}", "{\"startBack\":{}}", "{\"stretching\":{}}")) {
            agreement.add(doc);
        }
        for (byte[] doc : List.of(new byte[] {(byte) 0xC3, (byte) 0x28},
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0},
                new byte[] {0, 0, 0, '{', 0, 0, 0}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                new byte[] {0, 0, 0, 0}, new byte[0])) {
            agreement.add(doc);
        }
        // JsonCodecFuzzTest's random mutations: its documents, its seed, its sequence.
        Random random = new Random(Fixtures.SEED);
        for (int i = 0; i < MUTATIONS; i++) {
            agreement.add(mutated(valid.get(random.nextInt(valid.size())).getBytes(StandardCharsets.UTF_8), random));
        }
        // As many again of generated patients, which hold what the scenarios do not (STarT Back, every code).
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 19, 0.0);
        List<byte[]> generated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            generated.add(JSON.writePatient(generator.next(i).patient()).getBytes(StandardCharsets.UTF_8));
        }
        Random more = new Random(Fixtures.SEED + 19);
        for (int i = 0; i < MUTATIONS; i++) {
            agreement.add(mutated(generated.get(more.nextInt(generated.size())), more));
        }

        System.out.printf("InterchangeSchemaTest: %s, %d ms%n", agreement, (System.nanoTime() - start) / 1_000_000);
        assertTrue(agreement.bothAccept > 100 && agreement.bothRefuse > 10_000, agreement.toString());
        for (ReaderOnly check : ReaderOnly.values()) {
            assertTrue(agreement.readerOnly.containsKey(check), "the corpus never met " + check + ": " + agreement);
        }
    }

    /**
     * Each check of the reader that the schema does not make, shown on a document: the reader
     * refuses it with that problem and nothing else, the schema accepts it. Should the schema come to
     * express one of them, this fails, and the check leaves {@link ReaderOnly} and the schema's
     * description.
     */
    @Test
    void readerOnlyChecks_refusedByTheReader_acceptedByTheSchema() {
        Map<String, ReaderOnly> documents = new LinkedHashMap<>();
        documents.put("{\"age\":40,\"age\":41}", ReaderOnly.DUPLICATE_FIELD);
        documents.put("{\"age\":45.0}", ReaderOnly.INTEGER_WRITTEN_AS_DECIMAL);
        documents.put("{\"painIntensity\":6e0}", ReaderOnly.INTEGER_WRITTEN_AS_DECIMAL);
        documents.put("{\"injuries\":[{\"type\":\"STRAIN\",\"daysAgo\":1E+2}]}", ReaderOnly.INTEGER_WRITTEN_AS_DECIMAL);
        documents.put("{\"patientId\":\"" + "\uD83D\uDE00".repeat(6_000) + "\"}", ReaderOnly.INPUT_LIMITS); // 12,000 UTF-16 units
        documents.put("{\"painDurationWeeks\":0." + "0".repeat(60) + "1}", ReaderOnly.INPUT_LIMITS);      // a number of 63 characters
        documents.put(" ".repeat(JsonCodec.MAX_DOCUMENT_LENGTH) + "{}", ReaderOnly.INPUT_LIMITS);
        documents.put("{\"muscles\":[{\"muscle\":\"GLUTES\",\"strength\":\"WEAK\"},{\"muscle\":\"GLUTES\",\"strength\":\"NORMAL\"}]}",
                ReaderOnly.CONTRADICTORY_FINDINGS);
        documents.put("{\"muscles\":[{\"muscle\":\"GLUTES\",\"side\":\"BOTH\"},{\"muscle\":\"GLUTES\",\"side\":\"LEFT\"}]}",
                ReaderOnly.CONTRADICTORY_FINDINGS);
        documents.forEach((doc, check) -> {
            Verdict verdict = judge(doc.getBytes(StandardCharsets.UTF_8));
            String shown = doc.length() > 120 ? doc.substring(0, 120) + "..." : doc;
            assertFalse(verdict.readerAccepts(), shown);
            assertEquals(List.of(check), verdict.problems().stream().map(ReaderOnly::of).toList(), shown + ": " + verdict);
            assertTrue(verdict.schemaAccepts(), shown + ": " + verdict);
        });
    }

    /** What the schema does say, shown refused by both: nulls in lists, partial STarT Back, cases, ranges, 32 bits. */
    @Test
    void schemaChecks_refusedByBoth() {
        for (String doc : List.of("{\"muscles\":[null]}", "{\"signs\":[null]}", "{\"muscles\":[{\"side\":\"LEFT\"}]}",
                "{\"injuries\":[{\"muscle\":\"GLUTES\"}]}", "{\"startBack\":{\"item1\":true}}", "{\"painRegion\":\"lower_back\"}",
                "{\"age\":121}", "{\"painIntensity\":-1}", "{\"stretching\":{\"sessionsPerWeek\":51}}",
                "{\"surgeries\":[{\"daysAgo\":2147483648}]}", "{\"painDurationWeeks\":1e400}", "{\"painDurationWeeks\":-0.5}",
                "{\"signs\":[" + "\"FEVER\",".repeat(1_000) + "\"FEVER\"]}", "{\"mood\":\"fine\"}", "{\"age\":\"45\"}")) {
            Verdict verdict = judge(doc.getBytes(StandardCharsets.UTF_8));
            String shown = doc.length() > 120 ? doc.substring(0, 120) + "..." : doc;
            assertFalse(verdict.readerAccepts(), shown);
            assertFalse(verdict.schemaAccepts(), shown);
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    /** What the reader and the schema say of one document. */
    private record Verdict(boolean readerAccepts, List<Problem> problems, List<String> schemaErrors) {
        boolean schemaAccepts() {
            return schemaErrors.isEmpty();
        }

        @Override
        public String toString() {
            return "reader " + (readerAccepts ? "accepts" : "refuses " + problems) + ", schema "
                    + (schemaAccepts() ? "accepts" : "refuses " + schemaErrors.subList(0, Math.min(5, schemaErrors.size())));
        }
    }

    /**
     * Judges the document both ways; a document the reader accepts is evaluated and its evaluation
     * checked against the output schema, a refused one's error document against {@code $defs/errors}.
     */
    private Verdict judge(byte[] doc) {
        Patient patient = null;
        List<Problem> problems = List.of();
        try {
            patient = JSON.readPatient(new ByteArrayInputStream(doc));
        } catch (InvalidPatientException e) {
            problems = e.problems();
            JsonNode errors = parse(JSON.writeErrors(problems).getBytes(StandardCharsets.UTF_8));
            List<String> invalid = errorsSchema.validate(errors).stream().map(Object::toString).toList();
            assertEquals(List.of(), invalid, errors::toString);
        }
        if (patient != null) {
            assertValidEvaluation(JSON.writeEvaluation(engine.evaluate(patient)));
        }
        JsonNode node;
        try {
            node = PLAIN.readTree(doc);
        } catch (IOException e) {
            return new Verdict(patient != null, problems, List.of("not JSON"));
        }
        if (node == null || node.isMissingNode()) {
            return new Verdict(patient != null, problems, List.of("no JSON value"));
        }
        return new Verdict(patient != null, problems, patientSchema.validate(node).stream().map(Object::toString).toList());
    }

    private static JsonNode assertValidEvaluation(String evaluation) {
        JsonNode node = parse(evaluation.getBytes(StandardCharsets.UTF_8));
        List<String> errors = evaluationSchema.validate(node).stream().map(Object::toString).toList();
        assertEquals(List.of(), errors, evaluation);
        return node;
    }

    private static JsonNode parse(byte[] doc) {
        try {
            return PLAIN.readTree(doc);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(doc, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] mutated(byte[] doc, Random random) {
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            doc = JsonCodecFuzzTest.mutate(doc, random);
        }
        return doc;
    }

    private static String startBack(String replace) {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            items.put("item" + i, i % 2 == 0 ? "true" : "false");
        }
        items.put("item9", "\"MODERATELY\"");
        if (!replace.isEmpty()) {
            String[] kv = replace.split(":", 2);
            items.put(kv[0].replace("\"", ""), kv[1]);
        } else {
            items.remove("item5");
        }
        StringBuilder doc = new StringBuilder("{\"startBack\":{");
        items.forEach((k, v) -> doc.append('"').append(k).append("\":").append(v).append(','));
        doc.setLength(doc.length() - 1);
        return doc.append("}}").toString();
    }

    /** Counts of how schema and reader judged the corpus; fails on a disagreement the reader cannot explain. */
    private final class Agreement {
        int bothAccept;
        int bothRefuse;
        int notJson;
        final Map<ReaderOnly, Integer> readerOnly = new EnumMap<>(ReaderOnly.class);

        void add(String doc) {
            add(doc.getBytes(StandardCharsets.UTF_8));
        }

        void add(byte[] doc) {
            Verdict v = judge(doc);
            if (v.readerAccepts()) {
                if (!v.schemaAccepts()) {
                    fail("the reader accepts what the schema refuses: " + v + " for " + shown(doc));
                }
                bothAccept++;
            } else if (!v.schemaAccepts()) {
                bothRefuse++;
                notJson += v.schemaErrors().get(0).startsWith("not JSON") || v.schemaErrors().get(0).startsWith("no JSON") ? 1 : 0;
            } else {
                for (Problem p : v.problems()) {
                    if (p.path().equals("$") && p.expected().startsWith("fewer problems")) {
                        continue; // the count of problems not listed, not a check
                    }
                    ReaderOnly check = ReaderOnly.of(p);
                    if (check == null) {
                        fail("the schema accepts what the reader refuses, for a check the schema could make: " + p
                                + " (" + v + ") for " + shown(doc));
                    }
                    readerOnly.merge(check, 1, Integer::sum);
                }
            }
        }

        private String shown(byte[] doc) {
            String text = new String(doc, StandardCharsets.UTF_8);
            return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
        }

        @Override
        public String toString() {
            return (bothAccept + bothRefuse + readerOnly.values().stream().mapToInt(Integer::intValue).sum())
                    + " documents: both accept " + bothAccept + ", both refuse " + bothRefuse + " (" + notJson
                    + " not JSON at all), refused by the reader only " + new TreeMap<>(readerOnly)
                    + " (problems by check)";
        }
    }

    /** What the evaluations held, so that every conditional part of the output schema was exercised. */
    private static final class Coverage {
        final Map<String, Integer> seen = new TreeMap<>();

        void add(JsonNode evaluation) {
            count("exerciseWithheld", evaluation.has("exerciseWithheld"));
            count("startBack", evaluation.has("startBack"));
            count("patientId", evaluation.has("patientId"));
            for (JsonNode r : evaluation.get("recommendations")) {
                count("referral", r.has("referral"));
                count("restriction", r.has("restriction"));
                count("dosage", r.has("dosage"));
                count("side", r.has("side"));
                count("topic", r.has("topic"));
                count("alsoSupportedBy", !r.get("alsoSupportedBy").isEmpty());
            }
            for (JsonNode s : evaluation.get("suppressed")) {
                count("suppressed side", s.has("side"));
                count("suppressed topic", s.has("topic"));
                count("alsoSuppressedBy", !s.get("alsoSuppressedBy").isEmpty());
            }
            count("flag", !evaluation.get("flags").isEmpty());
            count("summary", !evaluation.findValues("summary").isEmpty());
            count("quote", !evaluation.findValues("quote").isEmpty());
        }

        private void count(String what, boolean present) {
            if (present) {
                seen.merge(what, 1, Integer::sum);
            }
        }

        void assertEverythingSeen() {
            for (String what : List.of("exerciseWithheld", "startBack", "patientId", "referral", "restriction", "dosage", "side",
                    "topic", "alsoSupportedBy", "suppressed side", "suppressed topic", "alsoSuppressedBy", "flag", "summary", "quote")) {
                assertTrue(seen.containsKey(what), "no generated evaluation held " + what + ": " + seen);
            }
        }

        @Override
        public String toString() {
            return "fields seen " + seen;
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
