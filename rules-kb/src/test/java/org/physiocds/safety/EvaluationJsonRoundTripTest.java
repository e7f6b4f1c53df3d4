package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.CdsException;
import org.physiocds.Evaluation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;

/**
 * An application stores the advice as JSON next to the patient and reloads both: for the property
 * tests' generated patients (red flags, sides, topics, suppressions, STarT Back, every code), the
 * evaluation document reads back as an equal {@link Evaluation}, and writing that gives the same text.
 */
class EvaluationJsonRoundTripTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final int CASES = 2_000;

    private final CdsEngine engine = Fixtures.ENGINE;

    @Test
    void readEvaluation_generatedPatients_readsBackTheEvaluationWritten() {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 11, 0.0);
        int withheld = 0;
        for (int i = 0; i < CASES; i++) {
            Patient p = generator.next(i).patient();
            Evaluation e = engine.evaluate(p);
            String text = JSON.writeEvaluation(e);

            Evaluation back = JSON.readEvaluation(text);

            assertEquals(e, back, text);
            assertEquals(text, JSON.writeEvaluation(back), "stable");
            assertEquals(e, JSON.readEvaluation(JSON.writeEvaluationLine(e)));
            withheld += e.isExerciseWithheld() ? 1 : 0;
        }
        assertTrue(withheld > 0, "no generated patient had exercise withheld: the corpus did not exercise it");
    }

    @Test
    void readEvaluation_withMissingData_readsBackTheReport() {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 13, 0.0);
        for (int i = 0; i < 100; i++) {
            Evaluation e = engine.evaluateWithMissingData(generator.next(i).patient());

            assertEquals(e, JSON.readEvaluation(JSON.writeEvaluation(e)));
        }
    }

    @Test
    void readEvaluation_storedPatientAndAdvice_reloadTogether() {
        Patient p = Patient.builder().patientId("stored-1").age(70).redFlags(RedFlag.SADDLE_ANESTHESIA).build();
        String storedPatient = JSON.writePatient(p);
        String storedAdvice = JSON.writeEvaluation(engine.evaluate(p));

        assertEquals(engine.evaluate(JSON.readPatient(storedPatient)), JSON.readEvaluation(storedAdvice));
    }

    @Test
    void readEvaluation_upperBackNamedThoracicSpine_asInterchangeV1Allows_readsAsUpperBack() {
        Patient p = Patient.builder().age(40).pain(org.physiocds.model.Region.UPPER_BACK, 8.0, 4)
                .signs(org.physiocds.model.Sign.THORACIC_MOBILITY_RESTRICTED).redFlags().build();
        Evaluation e = engine.evaluate(p);
        String text = JSON.writeEvaluation(e);
        assertTrue(text.matches("(?s).*\"target\"\\s*:\\s*\"UPPER_BACK\".*"), text);

        String renamed = text.replace("\"UPPER_BACK\"", "\"THORACIC_SPINE\"");

        assertEquals(e, JSON.readEvaluation(renamed));
    }

    @Test
    void readEvaluation_notAnEvaluation_refusedWithPathsAndNoValues() {
        CdsException e = assertThrows(CdsException.class,
                () -> JSON.readEvaluation("{\"patientId\": \"secret-id-42\", \"knowledgeBase\": 7}"));

        assertTrue(e.getMessage().contains("knowledgeBase: expected an object"), e.getMessage());
        assertTrue(e.getMessage().contains("recommendations: expected a list"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-id-42"), e.getMessage());
        assertThrows(CdsException.class, () -> JSON.readEvaluation("not json"));
    }
}
