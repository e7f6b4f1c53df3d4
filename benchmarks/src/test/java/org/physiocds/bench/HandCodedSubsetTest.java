package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Thresholds;
import org.physiocds.bench.Decisions.Proposal;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.model.Patient;

/** The hand-coded baseline decides exactly what the engine decides, on the rules it covers. */
class HandCodedSubsetTest {

    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final int PATIENTS = 5_000;
    /**
     * Rules of 0.3.0 (issue 20 and its review) that change the stretching decision from facts the
     * hand-coded subset does not model: red flags derived from age and duration (RFL-20, RFL-22),
     * combinations (RFL-18, RFL-19, RFL-23), fever alone (RFL-17), the hypermobile pattern (TEC-11).
     * A patient whose result uses one of them, whose age derives a red flag (under 16; over 50 with
     * pain of under six weeks), or who has an injury whose structure is not named (its side-aware
     * holds, CON-05), is outside the subset and not compared.
     */
    private static final Set<String> OUTSIDE = Set.of("RFL-17", "RFL-18", "RFL-19", "RFL-20", "RFL-22", "RFL-23", "TEC-11");

    @Test
    void evaluate_generatedPatients_sameDecisionsAsTheEngine() {
        List<String> mismatches = new ArrayList<>();
        Set<String> rulesSeen = new HashSet<>();
        int withSuppression = 0;
        int outside = 0;
        PatientGenerator generator = new PatientGenerator(20_240_601L);
        for (int i = 0; i < PATIENTS; i++) {
            Patient patient = generator.patient(i);
            Evaluation evaluation = ENGINE.evaluate(patient);
            if (outsideTheSubset(patient, evaluation)) {
                outside++;
                continue;
            }
            Decisions engine = Decisions.of(evaluation);
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
        assertTrue(outside < PATIENTS / 4, outside + " patients outside the subset (1,006 of 5,000 in 0.3.0)");
        // Not vacuous: every rule that shows in a result showed, and conflicts were common.
        assertEquals(HandCodedSubset.RULES, rulesSeen);
        assertTrue(withSuppression > PATIENTS / 10, withSuppression + " patients with a suppressed stretch");
    }

    private static boolean outsideTheSubset(Patient patient, Evaluation e) {
        Integer age = patient.age();
        boolean derivedRedFlag = age != null && (age < 16
                || (age > 50 && patient.painDurationWeeks() != null && patient.painDurationWeeks() < 6));
        if (derivedRedFlag || patient.injuries().stream().anyMatch(i -> i.muscle() == null)) {
            return true;
        }
        Stream<Explanation> all = Stream.of(
                e.recommendations().stream().flatMap(r -> Stream.concat(Stream.of(r.explanation()), r.alsoSupportedBy().stream())),
                e.flags().stream().flatMap(f -> Stream.concat(Stream.of(f.explanation()), f.alsoSupportedBy().stream())),
                e.suppressed().stream().flatMap(s -> Stream.concat(Stream.of(s.explanation(), s.suppressedBy()),
                        s.alsoSuppressedBy().stream()))).flatMap(x -> x);
        return all.map(Explanation::rule).anyMatch(OUTSIDE::contains);
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
