package org.physiocds.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

class JsonCodecReadTest {

    private static final JsonCodec JSON = new JsonCodec();

    @Test
    void readPatient_contractExample_mapsEveryField() {
        Patient p = JSON.readPatient(resource("contract-example.json"));

        Patient expected = Patient.builder()
                .patientId("demo-01")
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(new MuscleFinding(Muscle.GLUTES, Side.BOTH, Strength.WEAK, Length.LONG, false))
                .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 5))
                .surgery(new Surgery(Region.LOWER_BACK, 40))
                .stretching(new StretchingHistory(14, 30, true, false, false, false, false, true, false, false))
                .signs(Sign.SPINAL_COMPRESSION)
                .lifestyle(Lifestyle.SEDENTARY, Lifestyle.POOR_SLEEP)
                .redFlags() // "redFlags": [] is "screened, none found" (v1.3)
                .startBack(new StartBackAnswers(true, false, true, false, true, false, true, false, Bothersomeness.VERY_MUCH))
                .build();
        assertEquals(expected, p);
    }

    @Test
    void readPatient_emptyObject_knowsNothing() {
        Patient p = JSON.readPatient("{}");

        assertEquals(Patient.builder().build(), p);
    }

    @Test
    void readPatient_nullValues_meanNotKnown() {
        Patient p = JSON.readPatient("""
                {"age": null, "muscles": null, "stretching": {"ballistic": null},
                 "injuries": [{"type": "OTHER", "muscle": null, "daysAgo": null}]}""");

        assertAll(
                () -> assertNull(p.age()),
                () -> assertEquals(List.of(), p.muscles()),
                () -> assertNull(p.stretching().ballistic()),
                () -> assertEquals(List.of(new Injury(InjuryType.OTHER, null, Side.BOTH, null)), p.injuries()));
    }

    @Test
    void readPatient_absentSide_meansBothSides() {
        Patient p = JSON.readPatient("{\"muscles\": [{\"muscle\": \"PIRIFORMIS\", \"feelsTight\": true}]}");

        assertEquals(Side.BOTH, p.muscles().get(0).side());
    }

    @Test
    void readPatient_badFileWithThreeErrors_listsAllThreePathsInDocumentOrder() {
        List<Problem> problems = problems(resource("three-errors.json"));

        assertEquals(List.of("age", "muscles[1].strength", "stretching.sessionsPerWeek"), paths(problems));
        assertAll(
                () -> assertEquals(new Problem("age", "an integer from 0 to 120", "140"), problems.get(0)),
                () -> assertEquals(new Problem("muscles[1].strength", "one of WEAK, NORMAL", "\"STRONG\""), problems.get(1)),
                () -> assertEquals(new Problem("stretching.sessionsPerWeek", "an integer, was a string"), problems.get(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"weight\": 80}                                          | weight",
        "{\"muscles\": [{\"muscle\": \"GLUTES\", \"tight\": true}]} | muscles[0].tight",
        "{\"stretching\": {\"daily\": true}}                       | stretching.daily",
        "{\"injuries\": [{\"type\": \"OTHER\"}, {\"type\": \"TEAR\", \"grade\": 2}]} | injuries[1].grade",
        "{\"surgeries\": [{\"procedure\": \"fusion\"}]}             | surgeries[0].procedure",
        "{\"startBack\": {\"item1\": true, \"item2\": true, \"item3\": true, \"item4\": true, \"item5\": true, \"item6\": true, \"item7\": true, \"item8\": true, \"item9\": \"SLIGHTLY\", \"item10\": true}} | startBack.item10",
    })
    void readPatient_unknownField_rejectedAtItsPath(String json, String path) {
        List<Problem> problems = problems(json);

        assertEquals(List.of(path), paths(problems));
        assertTrue(problems.get(0).expected().endsWith("this field is unknown"), problems.get(0).expected());
        String unknownName = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
        String message = assertThrows(InvalidPatientException.class, () -> JSON.readPatient(json)).getMessage();
        assertFalse(message.contains(unknownName), message);
        assertTrue(message.contains(problems.get(0).loggablePath() + ": expected one of the fields"), message);
        assertTrue(problems.get(0).loggablePath().endsWith(Problem.UNKNOWN_FIELD), problems.get(0).loggablePath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a.b\": 1}                          | [\"a.b\"]",
        "{\"stretching\": {\"x[1]\": true}}     | stretching[\"x[1]\"]",
        "{\"muscles\": [{\"muscle\": \"GLUTES\", \"side \": \"LEFT\"}]} | muscles[0][\"side \"]",
        "{\"\\\"q\\\"\": 1}                     | [\"\\\"q\\\"\"]",
    })
    void readPatient_unknownFieldThatIsNoIdentifier_quotedInThePath(String json, String path) {
        List<Problem> problems = problems(json);

        assertEquals(List.of(path), paths(problems));
        assertFalse(problems.get(0).loggablePath().contains("\""), problems.get(0).loggablePath());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"age\": 40, \"age\": 41}                                              | age",
        "{\"stretching\": {\"ballistic\": true, \"ballistic\": false}}            | stretching.ballistic",
        "{\"muscles\": [{\"muscle\": \"GLUTES\"}, {\"side\": \"LEFT\", \"side\": \"RIGHT\"}]} | muscles[1].side",
    })
    void readPatient_duplicateField_rejectedAtItsPath(String json, String path) {
        List<Problem> problems = problems(json);

        assertEquals(List.of(new Problem(path, "each field given once, but this one is given twice")), problems);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"age\": \"45\"}                         | age                          | an integer, was a string",
        "{\"painIntensity\": true}                 | painIntensity                | an integer, was a boolean",
        "{\"painDurationWeeks\": \"26\"}           | painDurationWeeks            | a number, was a string",
        "{\"patientId\": 12}                       | patientId                    | a string, was a number",
        "{\"muscles\": {\"muscle\": \"GLUTES\"}}   | muscles                      | an array, was an object",
        "{\"muscles\": [\"GLUTES\"]}               | muscles[0]                   | an object, was a string",
        "{\"muscles\": [{\"muscle\": \"GLUTES\", \"feelsTight\": \"yes\"}]} | muscles[0].feelsTight | true or false, was a string",
        "{\"stretching\": [true]}                  | stretching                   | an object, was an array",
        "{\"signs\": \"SPINAL_COMPRESSION\"}       | signs                        | an array, was a string",
        "{\"lifestyle\": [1]}                      | lifestyle[0]                 | one of SEDENTARY, POOR_SLEEP, HIGH_STRESS, FEAR_OF_MOVEMENT, ANXIETY, was a number",
    })
    void readPatient_wrongType_rejectedWithWhatWasExpected(String json, String path, String expected) {
        assertEquals(List.of(new Problem(path, expected)), problems(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"age\": 45.5}                           | age                        | an integer (no decimal point or exponent) | 45.5",
        "{\"age\": 45.0}                           | age                        | an integer (no decimal point or exponent) | 45.0",
        "{\"stretching\": {\"sessionsPerWeek\": 1e1}} | stretching.sessionsPerWeek | an integer (no decimal point or exponent) | 10.0",
        "{\"injuries\": [{\"type\": \"STRAIN\", \"daysAgo\": 99999999999}]} | injuries[0].daysAgo | an integer from -2147483648 to 2147483647 | 99999999999",
    })
    void readPatient_notAnIntInteger_rejectedKeepingTheValueApart(String json, String path, String expected, String given) {
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.readPatient(json));

        assertEquals(List.of(new Problem(path, expected, given)), e.problems());
        assertEquals("1 invalid field(s): " + path + ": expected " + expected, e.getMessage());
    }

    @Test
    void readPatient_integerGivenForNumber_accepted() {
        assertEquals(26.0, JSON.readPatient("{\"painDurationWeeks\": 26}").painDurationWeeks());
        assertEquals(2.5, JSON.readPatient("{\"painDurationWeeks\": 2.5}").painDurationWeeks());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"painRegion\": \"lower back\"}                   | painRegion          | LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE | \"lower back\"",
        "{\"muscles\": [{\"muscle\": \"glutes\"}]}          | muscles[0].muscle   | GLUTES, LOWER_BACK_EXTENSORS,                            | \"glutes\"",
        "{\"injuries\": [{\"type\": \"SPRAIN\"}]}           | injuries[0].type    | STRAIN, TEAR, OTHER                                      | \"SPRAIN\"",
        "{\"surgeries\": [{\"region\": \"THORACIC_SPINE\"}]} | surgeries[0].region | LOWER_BACK, UPPER_BACK,                                  | \"THORACIC_SPINE\"",
        "{\"signs\": [\"SPINAL_COMPRESSION\", \"SCIATICA\"]} | signs[1]            | SPINAL_COMPRESSION,                                      | \"SCIATICA\"",
        "{\"redFlags\": [\"CAUDA_EQUINA\"]}                 | redFlags[0]         | SADDLE_ANESTHESIA,                                       | \"CAUDA_EQUINA\"",
    })
    void readPatient_unknownCode_rejectedListingTheCodes(String json, String path, String expectedPart, String given) {
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> JSON.readPatient(json));
        Problem problem = e.problems().get(0);

        assertEquals(List.of(path), paths(e.problems()));
        assertTrue(problem.expected().startsWith("one of "), problem.expected());
        assertTrue(problem.expected().contains(expectedPart), problem.expected());
        assertEquals(given, problem.given());
        assertFalse(e.getMessage().contains(given), e.getMessage());
        assertFalse(problem.toString().contains(given), problem::toString);
    }

    @Test
    void readPatient_veryLongUnknownCode_keptApartNeverInTheMessage() {
        String code = "X".repeat(500);

        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> JSON.readPatient("{\"painRegion\": \"" + code + "\"}"));

        assertEquals(new Problem("painRegion", "one of LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE",
                "\"" + code + "\""), e.problems().get(0));
        assertFalse(e.getMessage().contains("XXXX"), e.getMessage());
    }

    @Test
    void readPatient_outOfRangeValues_reportedByTheLibraryValidation() {
        List<Problem> problems = problems("""
                {"age": -1, "painDurationWeeks": -2, "painIntensity": 11,
                 "injuries": [{"type": "STRAIN", "daysAgo": -3}],
                 "surgeries": [{"region": "HIP", "daysAgo": -4}],
                 "stretching": {"sessionsPerWeek": 51, "painReturnsWithinMinutes": -5}}""");

        assertEquals(List.of("age", "painDurationWeeks", "painIntensity", "injuries[0].daysAgo",
                "surgeries[0].daysAgo", "stretching.sessionsPerWeek", "stretching.painReturnsWithinMinutes"),
                paths(problems));
    }

    @Test
    void readPatient_typeAndRangeProblems_mergedInDocumentOrder() {
        List<Problem> problems = problems("""
                {"stretching": {"sessionsPerWeek": 60, "ballistic": "often"},
                 "painIntensity": 12,
                 "muscles": [{"strength": "WEAK"}, {"muscle": "CORE"}],
                 "age": "old"}""");

        assertEquals(List.of("stretching.sessionsPerWeek", "stretching.ballistic", "painIntensity",
                "muscles[0].muscle", "muscles[1].muscle", "age"), paths(problems));
    }

    @Test
    void readPatient_badValueInsideAnElement_reportedOnceNotAgainByValidation() {
        List<Problem> problems = problems("""
                {"muscles": [{"muscle": "GLUTE"}, 7, null],
                 "injuries": [{"type": "PULL"}],
                 "signs": [null]}""");

        assertEquals(List.of("muscles[0].muscle", "muscles[1]", "muscles[2]", "injuries[0].type", "signs[0]"),
                paths(problems));
    }

    @Test
    void readPatient_startBackWithMissingItems_namesEachMissingItem() {
        List<Problem> problems = problems("{\"startBack\": {\"item1\": true, \"item2\": false, \"item9\": \"LOTS\"}}");

        assertEquals(List.of("startBack.item3", "startBack.item4", "startBack.item5", "startBack.item6",
                "startBack.item7", "startBack.item8", "startBack.item9"), paths(problems));
        assertEquals("true (agree) or false (disagree), was missing", problems.get(0).expected());
        assertEquals(new Problem("startBack.item9", "one of NOT_AT_ALL, SLIGHTLY, MODERATELY, VERY_MUCH, EXTREMELY",
                "\"LOTS\""), problems.get(6));
    }

    @Test
    void readPatient_startBackItemOfWrongType_rejected() {
        String json = "{\"startBack\": {\"item1\": \"agree\", \"item2\": true, \"item3\": true, \"item4\": true,"
                + " \"item5\": true, \"item6\": true, \"item7\": true, \"item8\": true, \"item9\": 3}}";

        assertEquals(List.of("startBack.item1", "startBack.item9"), paths(problems(json)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"age\": 45,}                  | well-formed JSON: check the quotes, commas and brackets (line 1, column 12)",
        "{\"patientId\": demo-01}        | well-formed JSON: check the quotes, commas and brackets (line 1, column 19)",
        "{\"age\": 45                    | a complete JSON document, but it ends early (line 1, column 11)",
        "''                              | a JSON object holding one patient, but the document is empty",
        "[]                              | a JSON object holding one patient, was an array",
        "\"demo\"                        | a JSON object holding one patient, was a string",
        "{} {}                           | one JSON object, with nothing after it (line 1, column 4)",
    })
    void readPatient_malformedDocument_oneProblemAtTheRoot(String json, String expected) {
        assertEquals(List.of(new Problem("$", expected)), problems(json));
    }

    @Test
    void readPatient_nestingDeeperThanTheLimit_refused() {
        String json = "{\"signs\": " + "[".repeat(JsonCodec.MAX_NESTING_DEPTH) + "]".repeat(JsonCodec.MAX_NESTING_DEPTH) + "}";

        List<Problem> problems = problems(json);

        assertEquals(List.of("$"), paths(problems));
        assertTrue(problems.get(0).expected().startsWith("a document within the input limits"), problems.get(0).expected());
    }

    @Test
    void readPatient_stringLongerThanTheLimit_refused() {
        String json = "{\"patientId\": \"" + "x".repeat(JsonCodec.MAX_STRING_LENGTH + 1) + "\"}";

        assertEquals(List.of("$"), paths(problems(json)));
    }

    @Test
    void readPatient_stringAtTheLimit_accepted() {
        String id = "x".repeat(JsonCodec.MAX_STRING_LENGTH);

        assertEquals(id, JSON.readPatient("{\"patientId\": \"" + id + "\"}").patientId());
    }

    @Test
    void readPatient_numberLongerThanTheLimit_refused() {
        assertEquals(List.of("$"), paths(problems("{\"age\": " + "1".repeat(JsonCodec.MAX_NUMBER_LENGTH + 1) + "}")));
    }

    @Test
    void readPatient_documentLongerThanTheLimit_refused() {
        String json = "{\"signs\": [" + "\"SPINAL_COMPRESSION\",".repeat(JsonCodec.MAX_DOCUMENT_LENGTH / 21)
                + "\"SPINAL_COMPRESSION\"]}";

        assertEquals(List.of("$"), paths(problems(json)));
    }

    @Test
    void readPatient_problems_neverQuoteThePatientId() {
        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> JSON.readPatient("{\"patientId\": \"MRN-998877\", \"age\": 300, \"painRegion\": 4}"));

        assertFalse(e.getMessage().contains("MRN-998877"), e.getMessage());
        assertEquals(List.of("age", "painRegion"), paths(e.problems()));
    }

    @Test
    void readPatient_stream_sameAsString() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("contract-example.json")) {
            assertEquals(JSON.readPatient(resource("contract-example.json")), JSON.readPatient(in));
        }
    }

    @Test
    void readPatient_stream_leftOpenForTheCaller() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{\"age\": 40}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        JSON.readPatient(in);

        assertFalse(closed[0]);
    }

    @Test
    void readPatient_streamThatFails_throwsUncheckedIoNotInvalidPatient() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThrows(UncheckedIOException.class, () -> JSON.readPatient(broken));
    }

    @Test
    void readPatient_utf8Stream_readsNonAsciiText() {
        byte[] bytes = "{\"patientId\": \"Zoë-1\"}".getBytes(StandardCharsets.UTF_8);

        assertEquals("Zoë-1", JSON.readPatient(new ByteArrayInputStream(bytes)).patientId());
    }

    private static List<Problem> problems(String json) {
        return assertThrows(InvalidPatientException.class, () -> JSON.readPatient(json)).problems();
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::path).toList();
    }

    private static String resource(String name) {
        try (InputStream in = JsonCodecReadTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Thresholds files: the one reader of batch, diff and the population job ----------------------

    @Test
    void readThresholds_someGiven_theOthersKeepTheirDefaults() {
        org.physiocds.Thresholds t = JSON.readThresholds("{\"recentInjuryDays\": 28, \"chronicPainWeeks\": 8}");

        assertEquals(28, t.recentInjuryDays());
        assertEquals(8, t.chronicPainWeeks());
        assertEquals(org.physiocds.Thresholds.DEFAULTS.recentSurgeryDays(), t.recentSurgeryDays());
        assertEquals(org.physiocds.Thresholds.DEFAULTS, JSON.readThresholds("{}"));
    }

    @Test
    void readThresholds_wrongFields_namesEveryOneAndWhatWasExpected() {
        org.physiocds.CdsException e = assertThrows(org.physiocds.CdsException.class,
                () -> JSON.readThresholds("{\"recentInjuryDays\": \"six weeks\", \"recentSurgeryDay\": 90}"));

        assertEquals("recentInjuryDays: expected an integer; recentSurgeryDay: unknown field; expected some of"
                + " recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks",
                e.getMessage());
        assertEquals("expected a JSON object of thresholds",
                assertThrows(org.physiocds.CdsException.class, () -> JSON.readThresholds("[28]")).getMessage());
        assertEquals("expected a JSON object of thresholds",
                assertThrows(org.physiocds.CdsException.class, () -> JSON.readThresholds("{\"recentInjuryDays\":")).getMessage());
        assertThrows(org.physiocds.InvalidThresholdsException.class, () -> JSON.readThresholds("{\"recentInjuryDays\": -1}"));
    }
}
