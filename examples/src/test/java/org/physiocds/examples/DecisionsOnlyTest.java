package org.physiocds.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Thresholds;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * {@link CdsEngine#evaluateDecisions} against {@link CdsEngine#evaluate} on generated patients
 * (1,000 here, 20,000 in {@code DecisionsOnlyIT}): every result the same, explanation for
 * explanation, but for the facts, which only the full evaluation puts into words.
 */
class DecisionsOnlyTest {

    /** In the unit suite; DecisionsOnlyIT runs 20,000. */
    private static final int PATIENTS = 1_000;
    private static final JsonCodec JSON = new JsonCodec();

    @Test
    void evaluateDecisions_generatedPatients_sameResultAsEvaluate_withoutFacts() {
        assertSameDecisions(CdsEngine.builder().build(), 42, PATIENTS);
    }

    @Test
    void evaluateDecisions_otherThresholds_sameResultAsEvaluate_withoutFacts() {
        CdsEngine engine = CdsEngine.builder().thresholds(new Thresholds(14, 30, 30, 3, 6))
                .allowUnsafeThresholds().build();
        assertSameDecisions(engine, 7, 500);
    }

    /** Patients 0 to count - 1 of the generator's seed, evaluated both ways on every core. */
    static void assertSameDecisions(CdsEngine engine, long seed, int count) {
        PatientGenerator generator = new PatientGenerator(seed);
        long[] withFacts = new long[1];
        long different = LongStream.range(0, count).parallel().filter(i -> {
            Patient p = generator.patient(i);
            Evaluation full = engine.evaluate(p);
            Evaluation decisions = engine.evaluateDecisions(p);
            if (full.recommendations().stream().anyMatch(r -> !r.explanation().facts().isEmpty())) {
                synchronized (withFacts) {
                    withFacts[0]++;
                }
            }
            String expected = withoutFacts(full);
            String actual = JSON.writeEvaluationLine(decisions);
            if (!expected.equals(actual)) {
                System.err.println("patient " + i + " differs:\n  full:      " + expected + "\n  decisions: " + actual);
                return true;
            }
            return false;
        }).count();
        if (different > 0) {
            fail(different + " of " + count + " patients evaluated differently for their decisions only");
        }
        assertTrue(withFacts[0] > count / 2, "the full evaluations do describe facts");
    }

    /**
     * The full evaluation as decisions only gives it, as interchange JSON (so that every field of
     * the result is compared, whatever fields it gains): every explanation's {@code "facts"} (an
     * array of strings) emptied.
     */
    static String withoutFacts(Evaluation e) {
        String json = JSON.writeEvaluationLine(e);
        StringBuilder out = new StringBuilder(json.length());
        int from = 0;
        for (int at = json.indexOf(FACTS); at >= 0; at = json.indexOf(FACTS, from)) {
            out.append(json, from, at + FACTS.length());
            int i = at + FACTS.length();
            boolean inString = false;
            for (; inString || json.charAt(i) != ']'; i++) {
                char c = json.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = !inString;
                }
            }
            from = i;
        }
        return out.append(json, from, json.length()).toString();
    }

    private static final String FACTS = "\"facts\":[";

    @Test
    void evaluateDecisions_invalidPatient_isRefusedAsEvaluateRefusesIt() {
        CdsEngine engine = CdsEngine.builder().build();
        Patient bad = Patient.builder().age(-3).build();
        InvalidPatientException full = assertThrows(InvalidPatientException.class, () -> engine.evaluate(bad));
        InvalidPatientException decisions = assertThrows(InvalidPatientException.class,
                () -> engine.evaluateDecisions(bad));
        assertEquals(full.problems(), decisions.problems());
    }
}
