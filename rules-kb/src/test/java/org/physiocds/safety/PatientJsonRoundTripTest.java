package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.InvalidPatientException;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * The patient an application stores as JSON ({@link JsonCodec#writePatient}) is the patient it
 * evaluated: for the property tests' generated patients (values clustered at the thresholds,
 * every code), the document reads back as an equal patient with an equal evaluation, and writing
 * it again gives the same text. An invalid patient is not written, with the problems the engine
 * reports for it.
 */
class PatientJsonRoundTripTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final int CASES = 3_000;

    private final CdsEngine engine = Fixtures.ENGINE;

    @Test
    void writePatient_generatedPatients_readBackEqualAndEvaluatedEqual() {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 7, 0.3);
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            PatientGenerator.Case c = generator.next(i);
            Patient p = c.patient();
            if (c.valid()) {
                String text = JSON.writePatient(p);
                Patient back = JSON.readPatient(text);
                assertEquals(p, back, text);
                assertEquals(text, JSON.writePatient(back), "stable");
                assertEquals(p, JSON.readPatient(JSON.writePatientLine(p)));
                assertEquals(engine.evaluate(p), engine.evaluate(back));
                valid++;
            } else {
                InvalidPatientException written = assertThrows(InvalidPatientException.class, () -> JSON.writePatient(p));
                InvalidPatientException evaluated = assertThrows(InvalidPatientException.class, () -> engine.evaluate(p));
                assertEquals(evaluated.problems(), written.problems());
            }
        }
        System.out.printf("PatientJsonRoundTripTest: %d generated patients (seed %d), %d valid ones round-tripped%n",
                CASES, Fixtures.SEED + 7, valid);
        assertTrue(valid > CASES / 2, "valid: " + valid);
    }
}
