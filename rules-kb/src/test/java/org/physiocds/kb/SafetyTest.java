package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;

/**
 * The most important tests in the project: across every muscle, injury type, injury age around
 * the threshold and pain region, no evaluation recommends stretching a recently strained or torn
 * muscle, or the lower back when instability is flagged. Each patient is built to make other rules
 * propose exactly those stretches, so the contraindication has something to overrule.
 */
class SafetyTest {

    private static final Integer[] DAYS_AGO = {0, 1, 41, 42, null};

    @Test
    void evaluate_recentStrainOrTearOfAnyMuscle_neverRecommendsStretchingIt() {
        List<String> unsafe = new ArrayList<>();
        int cases = 0;
        for (Muscle muscle : Muscle.values()) {
            for (InjuryType type : List.of(InjuryType.STRAIN, InjuryType.TEAR)) {
                for (Integer days : DAYS_AGO) {
                    for (Region pain : Region.values()) {
                        Evaluation e = Kb.evaluate(Patient.builder().age(40).pain(pain, 26.0, 5)
                                .muscle(MuscleFinding.of(muscle).shortened().feelsTight())
                                .injury(new Injury(type, muscle, Side.BOTH, days)).build());
                        cases++;
                        if (stretches(e, muscle)) {
                            unsafe.add(type + " of " + muscle + " " + days + " days ago, pain " + pain);
                        }
                        if (suppressedStretchIsMissing(e, muscle)) {
                            unsafe.add("stretch of " + muscle + " dropped silently, " + type + " " + days);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), unsafe);
        assertEquals(Muscle.values().length * 2 * DAYS_AGO.length * Region.values().length, cases);
    }

    @Test
    void evaluate_instabilityFlagged_neverRecommendsStretchingThePainfulRegion() {
        List<String> unsafe = new ArrayList<>();
        for (int minutes : new int[] {0, 30, 60}) {
            for (Region pain : Region.values()) {
                List<Muscle> guarded = Arrays.stream(Muscle.values()).filter(m -> m.region() == pain).toList();
                Patient.Builder builder = Patient.builder().age(50).pain(pain, 30.0, 6)
                        .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(minutes).build());
                guarded.forEach(m -> builder.muscle(MuscleFinding.of(m).shortened().feelsTight()));
                Evaluation e = Kb.evaluate(builder.build());

                assertTrue(Kb.flagCodes(e).contains(FlagCode.INSTABILITY_SUSPECTED), "not flagged: " + minutes + " " + pain);
                for (Recommendation r : e.recommendations()) {
                    if (r.action() == Action.STRETCH && pain.covers(r.target())) {
                        unsafe.add("STRETCH " + r.target().code() + " with pain back after " + minutes + " min, pain " + pain);
                    }
                }
                guarded.forEach(m -> assertTrue(Kb.suppressed(e, Action.STRETCH, m).isPresent(), m + " not reported"));
            }
        }
        assertEquals(List.of(), unsafe);
    }

    @Test
    void evaluate_everyStretchProposingFinding_neverStandsBesideADoNotStretchOfItsTarget() {
        for (Muscle muscle : Muscle.values()) {
            for (Sign sign : Sign.values()) {
                Evaluation e = Kb.evaluate(Patient.builder().pain(Region.LOWER_BACK, 30.0, 5)
                        .muscle(MuscleFinding.of(muscle).shortened().feelsTight()).signs(sign).build());
                for (Recommendation stretch : e.recommendations()) {
                    if (stretch.action() == Action.STRETCH) {
                        assertFalse(e.recommendations().stream().anyMatch(r -> r.action() == Action.DO_NOT_STRETCH
                                && r.target().covers(stretch.target())), muscle + " " + sign);
                    }
                }
            }
        }
    }

    private static boolean stretches(Evaluation e, Muscle muscle) {
        return e.recommendations().stream().anyMatch(r -> r.action() == Action.STRETCH && r.target() == muscle);
    }

    /** A short muscle always gets a STRETCH proposed; under a contraindication it must show as suppressed. */
    private static boolean suppressedStretchIsMissing(Evaluation e, Muscle muscle) {
        return Kb.suppressed(e, Action.STRETCH, muscle).isEmpty();
    }
}
