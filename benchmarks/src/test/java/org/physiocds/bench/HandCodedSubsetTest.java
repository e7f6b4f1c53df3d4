package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.Thresholds;
import org.physiocds.bench.Decisions.Proposal;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.model.Patient;

/** The hand-coded baseline decides exactly what the engine decides, on the rules it covers. */
class HandCodedSubsetTest {

    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final int PATIENTS = 5_000;

    @Test
    void evaluate_generatedPatients_sameDecisionsAsTheEngine() {
        List<String> mismatches = new ArrayList<>();
        Set<String> rulesSeen = new HashSet<>();
        int withSuppression = 0;
        PatientGenerator generator = new PatientGenerator(20_240_601L);
        for (int i = 0; i < PATIENTS; i++) {
            Patient patient = generator.patient(i);
            Decisions engine = Decisions.of(ENGINE.evaluate(patient));
            Decisions handCoded = HandCodedSubset.evaluate(patient, Thresholds.DEFAULTS);
            if (!engine.equals(handCoded) && mismatches.size() < 5) {
                mismatches.add("patient " + i + "\n  engine:     " + engine + "\n  hand-coded: " + handCoded);
            }
            engine.recommendations().forEach(p -> rulesSeen.add(p.rule()));
            engine.flags().forEach(f -> rulesSeen.add(f.rule()));
            engine.suppressed().forEach(s -> {
                rulesSeen.add(s.rule());
                rulesSeen.addAll(s.by());
            });
            withSuppression += engine.suppressed().isEmpty() ? 0 : 1;
        }
        assertEquals(List.of(), mismatches);
        // Not vacuous: every rule that shows in a result showed, and conflicts were common.
        assertEquals(HandCodedSubset.RULES, rulesSeen);
        assertTrue(withSuppression > PATIENTS / 10, withSuppression + " patients with a suppressed stretch");
    }

    @Test
    void evaluate_benchmarkPatients_sameDecisionsAsTheEngine() {
        for (Patient patient : List.of(Patients.TYPICAL, Patients.COMPLEX)) {
            Decisions handCoded = HandCodedSubset.evaluate(patient, Thresholds.DEFAULTS);
            assertEquals(Decisions.of(ENGINE.evaluate(patient)), handCoded, patient.patientId());
            assertEquals(Decisions.ACTIONS, handCoded.recommendations().stream().map(Proposal::action).collect(Collectors.toSet()));
            assertTrue(!handCoded.suppressed().isEmpty(), patient.patientId());
        }
    }
}
