package org.physiocds.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Severity;
import org.physiocds.Thresholds;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.Restriction;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.model.Muscle;
import org.physiocds.model.Target;

class JsonCodecWriteTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final KnowledgeBaseInfo KB = new KnowledgeBaseInfo("physiocds-test", "1.2.3", "sha256:test");

    private static final Explanation WEAK_GLUTES = new Explanation("MUS-01", "Weak phasic muscle: strengthen it",
            List.of("G08"), List.of("GLUTES: strength WEAK, length LONG"),
            "Glutes: phasic muscle, assessed weak and long.",
            List.of(new Citation("seeds/000_d332fd75da60d9b3.txt", org.physiocds.SourceKind.CLINICIAN_ARTICLE, "If a muscle is already weak and elongated", null)));
    private static final Explanation SHORT_HAMSTRINGS = new Explanation("MUS-05", "Short muscle: stretch it",
            List.of("G11"), List.of("HAMSTRINGS: length SHORT"), "Hamstrings: assessed short.",
            List.of(new Citation("seeds/000_d332fd75da60d9b3.txt", org.physiocds.SourceKind.CLINICIAN_ARTICLE, "first figure out if the muscle is shorter", null)));
    private static final Explanation STRAINED = new Explanation("SAF-02", "Strain: do not stretch",
            List.of("G01", "G02"), List.of("injury: strain, HAMSTRINGS, 5 days ago"),
            "Hamstrings were strained 5 days ago, still healing.",
            List.of(new Citation("seeds/000_d332fd75da60d9b3.txt", org.physiocds.SourceKind.CLINICIAN_ARTICLE, "refrain from stretching", null),
                    new Citation("seeds/002_1deaa0d1b380007e.txt", org.physiocds.SourceKind.CLINICIAN_ARTICLE, "never stretch a muscle that is strained", null)));
    private static final Explanation RECENT = new Explanation("SAF-03", "Recent injury: consult",
            List.of("G03"), List.of(), "An injury 5 days ago is recent.", List.of());

    @Test
    void writeEvaluation_fullEvaluation_matchesTheContractLayoutByteForByte() {
        Evaluation e = new Evaluation("demo-01", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.DO_NOT_STRETCH.phase(),
                                null, null, Restriction.CONTRAINDICATED, STRAINED, List.of()),
                        new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                                "3 sets of 10", null, null, WEAK_GLUTES, List.of(RECENT))),
                List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, RECENT, List.of())),
                List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.STRETCH.phase(),
                        SHORT_HAMSTRINGS, STRAINED, List.of())),
                new StartBackResult(5, 2, StartBackResult.Stratum.MEDIUM));

        assertEquals(resource("full-evaluation.json"), JSON.writeEvaluation(e));
    }

    @Test
    void writeEvaluationLine_fullEvaluation_sameDocumentAsWriteEvaluationOnOneLine() throws IOException {
        Explanation multiLine = new Explanation("MUS-05", "Short muscle: stretch it", List.of("G11"),
                List.of("HAMSTRINGS: length SHORT"), "First line.\nSecond line.", List.of());
        Evaluation e = new Evaluation("demo-01", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                        "3 sets of 10", null, null, WEAK_GLUTES, List.of(RECENT, multiLine))),
                List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, RECENT, List.of())),
                List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.STRETCH.phase(),
                        SHORT_HAMSTRINGS, STRAINED, List.of())),
                new StartBackResult(5, 2, StartBackResult.Stratum.MEDIUM));

        String line = JSON.writeEvaluationLine(e);

        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("{\"patientId\":\"demo-01\",\"knowledgeBase\":{\"name\""), line);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(JSON.writeEvaluation(e)), mapper.readTree(line));
        assertEquals(List.of("patientId", "knowledgeBase", "thresholds", "startBack", "flags", "recommendations", "suppressed"),
                fieldNames(mapper.readTree(line)));
    }

    @Test
    void writeEvaluationLine_toAStream_sameBytesAsTheLineInUtf8_everyTime_streamLeftOpen() throws IOException {
        Explanation typographic = new Explanation("MUS-01", "Weak phasic muscle: strengthen it", List.of("G08"),
                List.of(), "Zoë’s glutes — weak.", List.of(new Citation("seeds/000_d332fd75da60d9b3.txt",
                        org.physiocds.SourceKind.CLINICIAN_ARTICLE, "you’re only creating more weakness", null),
                        new Citation("NICE NG59 (2016), https://www.nice.org.uk/guidance/ng59",
                                org.physiocds.SourceKind.GUIDELINE, null, "Assess for \"red flags\".")));
        Evaluation e = new Evaluation("Zoë", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                        "3 sets of 10", null, null, typographic, List.of(RECENT, WEAK_GLUTES))),
                List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, RECENT, List.of(typographic))),
                List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.LEFT, null, Action.STRETCH.phase(),
                        SHORT_HAMSTRINGS, STRAINED, List.of(typographic))), null);
        JsonCodec codec = new JsonCodec(); // its own citations, written for the first time below
        boolean[] closed = {false};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        codec.writeEvaluationLine(e, out); // each citation list written, then reused
        out.write('\n');
        codec.writeEvaluationLine(e, out);
        String expected = codec.writeEvaluationLine(e);

        assertEquals(expected + "\n" + expected, out.toString(StandardCharsets.UTF_8));
        assertFalse(closed[0]);
        assertEquals(new ObjectMapper().readTree(JSON.writeEvaluation(e)), new ObjectMapper().readTree(expected));
        assertTrue(expected.contains("\"citations\":[{\"source\":\"seeds/000_d332fd75da60d9b3.txt\","
                + "\"kind\":\"CLINICIAN_ARTICLE\",\"quote\":\"you’re only creating more weakness\"},"), expected);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void writeEvaluation_fieldOrder_isTheContractOrder() throws IOException {
        Evaluation e = new Evaluation("demo-01", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                        "3 sets of 10", null, null, WEAK_GLUTES, List.of())),
                List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, RECENT, List.of())),
                List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.STRETCH.phase(),
                        SHORT_HAMSTRINGS, STRAINED, List.of())),
                new StartBackResult(5, 2, StartBackResult.Stratum.MEDIUM));

        JsonNode doc = new ObjectMapper().readTree(JSON.writeEvaluation(e));

        assertEquals(List.of("patientId", "knowledgeBase", "thresholds", "startBack", "flags", "recommendations", "suppressed"),
                names(doc));
        assertEquals(List.of("action", "target", "side", "phase", "dosage", "explanation", "alsoSupportedBy"),
                names(doc.get("recommendations").get(0)));
        assertEquals(List.of("rule", "ruleName", "guidance", "rationale", "facts", "citations"),
                names(doc.get("recommendations").get(0).get("explanation")));
        assertEquals(List.of("code", "severity", "explanation", "alsoSupportedBy"), names(doc.get("flags").get(0)));
        assertEquals(List.of("action", "target", "side", "phase", "explanation", "suppressedBy", "alsoSuppressedBy"),
                names(doc.get("suppressed").get(0)));
        assertEquals(List.of("total", "psychosocial", "stratum"), names(doc.get("startBack")));
    }

    @Test
    void writeEvaluation_absentPatientIdDosageAndStartBack_leftOut() throws IOException {
        Evaluation e = new Evaluation(null, KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                        null, null, null, WEAK_GLUTES, List.of())),
                List.of(), List.of(), null);

        JsonNode doc = new ObjectMapper().readTree(JSON.writeEvaluation(e));

        assertEquals(List.of("knowledgeBase", "thresholds", "flags", "recommendations", "suppressed"), names(doc));
        assertFalse(doc.get("recommendations").get(0).has("dosage"));
    }

    @Test
    void writeEvaluation_emptyEvaluation_writesEmptyLists() {
        Evaluation e = new Evaluation(null, KB, Thresholds.DEFAULTS, null, List.of(), List.of(), List.of(), null);

        assertEquals("""
                {
                  "knowledgeBase": {
                    "name": "physiocds-test",
                    "version": "1.2.3",
                    "contentHash": "sha256:test"
                  },
                  "thresholds": {
                    "recentInjuryDays": 42,
                    "recentSurgeryDays": 90,
                    "painReturnMinutes": 60,
                    "consistentSessionsPerWeek": 3,
                    "chronicPainWeeks": 12,
                    "outsideClinicalLimits": []
                  },
                  "flags": [],
                  "recommendations": [],
                  "suppressed": []
                }""", JSON.writeEvaluation(e));
    }

    @Test
    void writeEvaluation_quotesAndTypographicCharacters_roundTripExactly() throws IOException {
        String rationale = "Glutes \"aren't firing\": you’re only creating more weakness — seed 000.\n\\ end";
        Explanation x = new Explanation("MUS-01", "name", List.of(), List.of(), rationale, List.of());
        Evaluation e = new Evaluation("Zoë", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Target.GENERAL, null, org.physiocds.Topic.DAILY_PRACTICE, Action.STRENGTHEN.phase(), null, null, null, x, List.of())),
                List.of(), List.of(), null);

        JsonNode doc = new ObjectMapper().readTree(JSON.writeEvaluation(e));

        assertEquals(rationale, doc.get("recommendations").get(0).get("explanation").get("rationale").textValue());
        assertEquals("Zoë", doc.get("patientId").textValue());
        assertEquals("GENERAL", doc.get("recommendations").get(0).get("target").textValue());
    }

    @Test
    void writeEvaluation_manyThreadsAtOnce_allWriteTheSameText() throws Exception {
        Evaluation e = new Evaluation("demo-01", KB, Thresholds.DEFAULTS, null,
                List.of(new Recommendation(Action.STRENGTHEN, Muscle.GLUTES, org.physiocds.model.Side.BOTH, null, Action.STRENGTHEN.phase(),
                        "3 sets of 10", null, null, WEAK_GLUTES, List.of(RECENT, STRAINED))),
                List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, RECENT, List.of(STRAINED))), List.of(), null);
        String expected = JSON.writeEvaluation(e);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> JSON.writeEvaluation(e)));
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writeErrors_problems_errorDocumentInTheirOrder_withoutTheGivenValues() {
        String json = JSON.writeErrors(List.of(new Problem("age", "an integer from 0 to 120", "140"),
                new Problem("muscles[1].strength", "one of WEAK, NORMAL", "\"STRONG\"")));

        assertEquals("""
                {
                  "errors": [
                    {
                      "path": "age",
                      "expected": "an integer from 0 to 120"
                    },
                    {
                      "path": "muscles[1].strength",
                      "expected": "one of WEAK, NORMAL"
                    }
                  ]
                }""", json);
    }

    @Test
    void writeEvaluation_output_hasNoCarriageReturnsOrTrailingNewLine() {
        String json = JSON.writeEvaluation(new Evaluation("x", KB, Thresholds.DEFAULTS, null, List.of(), List.of(), List.of(), null));

        assertFalse(json.contains("\r"));
        assertTrue(json.endsWith("}"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = JsonCodecWriteTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
