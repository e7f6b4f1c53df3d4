package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Side;

/**
 * Property tests over {@value #DEFAULT_CASES} generated patients per run (about a third of them
 * invalid), from a fixed seed ({@code -Dphysiocds.seed=} and {@code -Dphysiocds.cases=} to explore
 * further). For every patient:
 * <ul>
 *   <li>the only exception is {@link InvalidPatientException}, exactly when the patient is invalid,
 *       listing exactly the problems put in, with paths, never quoting the patient id;</li>
 *   <li>no STRETCH of a muscle with a recent strain or tear; no STRETCH of the lower back or its
 *       muscles when instability is flagged; no STRETCH beside a DO_NOT_STRETCH covering it; no
 *       STRETCH of a muscle assessed long; no stretching technique advice without a stretch;</li>
 *   <li>within recentSurgeryDays, no stretch at all and no loading of a muscle or region that the
 *       reviewed surgical-region table holds for the operated region (on the operated side); after a
 *       recent injury to an unnamed structure, no stretch and no mobilisation of the painful region;</li>
 *   <li>no DECOMPRESS at 65 and over, with a fracture-risk flag or with suspected instability, and no
 *       mention of traction; every suspected spinal infection (fever with intravenous drug use, a
 *       recent infection or immunosuppression) is an EMERGENCY referral with exercise withheld;</li>
 *   <li>every recommendation, flag and suppression (and their support) has a rule id, guidance ids
 *       and citations, each seed quote found in its seed file;</li>
 *   <li>the same patient with every list shuffled gets an equal result (or equal problems, bar
 *       their indices).</li>
 * </ul>
 * The run also asserts that the generated space was covered (recent strains and tears on every
 * muscle, overruled stretches, flagged instability), so the invariants cannot hold vacuously.
 */
class SafetyPropertiesTest {

    static final int DEFAULT_CASES = 10_000;
    private static final int CASES = Integer.getInteger("physiocds.cases", DEFAULT_CASES);
    private static final int MAX_REPORTED_PER_KIND = 5;

    private final CdsEngine engine = Fixtures.ENGINE;
    private final Invariants invariants = new Invariants(engine.thresholds());
    private long evaluationNanos;

    @Test
    void generatedPatients_holdEveryInvariant() {
        long start = System.nanoTime();
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED, 0.3);
        Map<String, Integer> violationsByKind = new TreeMap<>();
        List<String> reported = new ArrayList<>();
        Coverage coverage = new Coverage();

        for (int i = 0; i < CASES; i++) {
            PatientGenerator.Case c = generator.next(i);
            List<String> violations = checkCase(c, new Random(Fixtures.SEED ^ i), coverage);
            for (String v : violations) {
                int ofKind = violationsByKind.merge(v.substring(0, v.indexOf(':')), 1, Integer::sum);
                if (ofKind <= MAX_REPORTED_PER_KIND) {
                    reported.add("case " + i + " (seed " + Fixtures.SEED + "): " + v + "\n    patient: " + c.patient());
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SafetyPropertiesTest: seed %d, %d generated patients (%d valid, %d invalid), "
                        + "%d evaluations, %d ms (%d ms of them evaluating)%n  coverage: %s%n",
                Fixtures.SEED, CASES, coverage.valid, coverage.invalid, 2 * CASES, millis,
                evaluationNanos / 1_000_000, coverage);

        if (!reported.isEmpty()) {
            fail("invariants violated " + violationsByKind + ":\n" + String.join("\n", reported));
        }
        coverage.assertExercised(CASES);
    }

    private List<String> checkCase(PatientGenerator.Case c, Random shuffler, Coverage coverage) {
        List<String> violations = new ArrayList<>();
        Patient patient = c.patient();
        Patient reordered = Fixtures.shuffled(patient, shuffler);
        Object outcome = outcome(patient, violations);
        Object reorderedOutcome = outcome(reordered, violations);
        if (outcome instanceof Evaluation e) {
            coverage.valid++;
            if (!c.valid()) {
                violations.add("validation: evaluated although invalid, expected problems at " + c.expectedProblems());
            }
            violations.addAll(invariants.check(patient, e));
            if (!e.equals(reorderedOutcome)) {
                violations.add("order: shuffling the lists changed the result at "
                        + Differences.between(e, reorderedOutcome));
            }
            coverage.record(patient, e, engine.thresholds().recentInjuryDays());
        } else if (outcome instanceof InvalidPatientException invalid) {
            coverage.invalid++;
            List<String> paths = invalid.problems().stream().map(Problem::path).sorted().toList();
            if (!paths.equals(List.copyOf(c.expectedProblems()))) {
                violations.add("validation: problems at " + paths + ", expected at " + c.expectedProblems()
                        + ": " + invalid.problems());
            }
            if (patient.patientId() != null && invalid.getMessage().contains(patient.patientId())) {
                violations.add("validation: the error quotes the patient id");
            }
            if (invalid.problems().stream().anyMatch(p -> p.path().isBlank() || p.expected().isBlank())) {
                violations.add("validation: a problem without path or expectation: " + invalid.problems());
            }
            if (!(reorderedOutcome instanceof InvalidPatientException shuffled)
                    || !withoutIndices(invalid).equals(withoutIndices(shuffled))) {
                violations.add("order: shuffling the lists changed the problems: " + invalid.problems()
                        + "\n    shuffled: " + reorderedOutcome);
            }
        }
        return violations;
    }

    /** The evaluation, the validation error, or null after recording any other throwable. */
    private Object outcome(Patient patient, List<String> violations) {
        long start = System.nanoTime();
        try {
            return engine.evaluate(patient);
        } catch (InvalidPatientException e) {
            return e;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            violations.add("exception: " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            return null;
        } finally {
            evaluationNanos += System.nanoTime() - start;
        }
    }

    private static List<String> withoutIndices(InvalidPatientException e) {
        return e.problems().stream()
                .map(p -> p.path().replaceAll("\\[\\d+]", "[]") + ": " + p.expected())
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void generator_sameSeed_samePatients() {
        PatientGenerator a = new PatientGenerator(42, 0.3);
        PatientGenerator b = new PatientGenerator(42, 0.3);
        for (int i = 0; i < 200; i++) {
            assertEquals(a.next(i), b.next(i));
        }
    }

    /** What the generated corpus exercised, so that an invariant cannot hold for want of cases. */
    private static final class Coverage {
        int valid;
        int invalid;
        final Map<Muscle, Integer> recentStrains = new EnumMap<>(Muscle.class);
        final Map<Muscle, Integer> recentTears = new EnumMap<>(Muscle.class);
        int stretchOfInjuredMuscleSuppressed;
        int instabilityFlagged;
        int instabilityWithLowerBackStretchSuppressed;
        int stretchRecommended;
        int painReturnNearThreshold;
        int redFlags;
        int startBack;
        int suspectedInfection;
        int decompressionWithheld;
        int oneSidedRecentSurgery;
        int unnamedRecentInjury;

        void record(Patient p, Evaluation e, int recentDays) {
            for (Injury i : p.injuries()) {
                if (i.muscle() != null && (i.type() == InjuryType.STRAIN || i.type() == InjuryType.TEAR)
                        && Invariants.isRecent(i.daysAgo(), recentDays)) {
                    (i.type() == InjuryType.STRAIN ? recentStrains : recentTears).merge(i.muscle(), 1, Integer::sum);
                    if (e.suppressed().stream().anyMatch(s -> s.action() == Action.STRETCH && s.target() == i.muscle())) {
                        stretchOfInjuredMuscleSuppressed++;
                    }
                }
            }
            if (e.flags().stream().anyMatch(f -> f.code() == FlagCode.INSTABILITY_SUSPECTED)) {
                instabilityFlagged++;
                if (e.suppressed().stream().anyMatch(s -> s.action() == Action.STRETCH
                        && Invariants.isLowerBack(s.target()))) {
                    instabilityWithLowerBackStretchSuppressed++;
                }
            }
            if (e.recommendations().stream().anyMatch(r -> r.action() == Action.STRETCH)) {
                stretchRecommended++;
            }
            Integer minutes = p.stretching() == null ? null : p.stretching().painReturnsWithinMinutes();
            if (minutes != null && minutes >= 59 && minutes <= 61) {
                painReturnNearThreshold++;
            }
            if (p.redFlags().contains(RedFlag.FEVER) && p.redFlags().stream().anyMatch(f -> f == RedFlag.INTRAVENOUS_DRUG_USE
                    || f == RedFlag.RECENT_INFECTION || f == RedFlag.IMMUNOSUPPRESSION)) {
                suspectedInfection++;
            }
            if (e.suppressed().stream().anyMatch(s -> s.action() == Action.DECOMPRESS
                    && s.suppressedBy().rule().startsWith("SAF-"))) {
                decompressionWithheld++;
            }
            if (p.surgeries().stream().anyMatch(s -> s.region() != null && (s.side() == Side.LEFT || s.side() == Side.RIGHT)
                    && Invariants.isRecent(s.daysAgo(), 90))) {
                oneSidedRecentSurgery++;
            }
            if (p.injuries().stream().anyMatch(i -> i.muscle() == null && Invariants.isRecent(i.daysAgo(), recentDays))) {
                unnamedRecentInjury++;
            }
            redFlags += p.redFlags().isEmpty() ? 0 : 1;
            startBack += p.startBack() == null ? 0 : 1;
        }

        void assertExercised(int cases) {
            assertTrue(valid >= cases / 2 && invalid >= cases / 5, this::toString);
            for (Muscle m : Muscle.values()) {
                assertTrue(recentStrains.getOrDefault(m, 0) > 0 && recentTears.getOrDefault(m, 0) > 0,
                        () -> "no recent strain or tear of " + m + ": " + this);
            }
            int floor = cases / 100;
            assertTrue(stretchOfInjuredMuscleSuppressed >= floor, this::toString);
            assertTrue(instabilityFlagged >= floor, this::toString);
            assertTrue(instabilityWithLowerBackStretchSuppressed >= floor / 10, this::toString);
            assertTrue(stretchRecommended >= floor, this::toString);
            assertTrue(painReturnNearThreshold >= floor, this::toString);
            assertTrue(suspectedInfection >= floor, this::toString);
            assertTrue(decompressionWithheld >= floor, this::toString);
            assertTrue(oneSidedRecentSurgery >= floor, this::toString);
            assertTrue(unnamedRecentInjury >= floor, this::toString);
        }

        @Override
        public String toString() {
            return "recent strains " + recentStrains.values().stream().mapToInt(Integer::intValue).sum()
                    + " and tears " + recentTears.values().stream().mapToInt(Integer::intValue).sum()
                    + " (on " + recentStrains.size() + " and " + recentTears.size() + " muscles), "
                    + stretchOfInjuredMuscleSuppressed + " with the injured muscle's stretch overruled, "
                    + instabilityFlagged + " with instability flagged (" + instabilityWithLowerBackStretchSuppressed
                    + " with a lower-back stretch overruled), " + stretchRecommended + " with a stretch standing, "
                    + painReturnNearThreshold + " with pain returning at 59-61 min, " + redFlags
                    + " with red flags, " + startBack + " with STarT Back answers, " + suspectedInfection
                    + " with a suspected spinal infection, " + decompressionWithheld + " with decompression withheld, "
                    + oneSidedRecentSurgery + " with a recent one-sided surgery, " + unnamedRecentInjury
                    + " with a recent injury to an unnamed structure";
        }
    }
}
