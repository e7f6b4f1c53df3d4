package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.EvaluationDiff;
import org.physiocds.EvaluationDiff.Change;
import org.physiocds.EvaluationDiff.Kind;
import org.physiocds.FlagCode;
import org.physiocds.Thresholds;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Strength;

/** What a clinician governance board reads: how one patient's advice changes with a threshold. */
class EvaluationDiffTest {

    private static final CdsEngine SHORTER_HEALING = CdsEngine.builder()
            .thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(28)).build();

    private static final Patient RUNNER_35_DAYS_AFTER_A_LEFT_HAMSTRING_STRAIN = Patient.builder().age(31)
            .pain(Region.LOWER_BACK, 20.0, 3)
            .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.LEFT, Strength.NORMAL, Length.SHORT, true))
            .injury(new Injury(InjuryType.STRAIN, Muscle.HAMSTRINGS, Side.LEFT, 35)).build();

    @Test
    void strain35DaysAgo_underA28DayThreshold_isNoLongerHeldBackAndItsStretchIsReleased() {
        List<Change> changes = EvaluationDiff.between(Kb.ENGINE.evaluate(RUNNER_35_DAYS_AFTER_A_LEFT_HAMSTRING_STRAIN),
                SHORTER_HEALING.evaluate(RUNNER_35_DAYS_AFTER_A_LEFT_HAMSTRING_STRAIN));

        assertTrue(changes.contains(new Change(Kind.REMOVED, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.LEFT, null, null, "SAF-02")), changes::toString);
        assertTrue(changes.contains(new Change(Kind.REMOVED, Action.REFER, Muscle.HAMSTRINGS, Side.LEFT, null, null, "SAF-08")), changes::toString);
        assertTrue(changes.contains(new Change(Kind.RELEASED, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT, null, null, "MUS-05")), changes::toString);
        assertTrue(changes.contains(new Change(Kind.FLAG_CLEARED, null, null, null, null, FlagCode.RECENT_INJURY, "SAF-03")), changes::toString);
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Kind.ADDED && c.action() == Action.WARM_UP), changes::toString);
        assertEquals(changes.stream().sorted(java.util.Comparator.comparing(Change::kind)).toList().stream().map(Change::kind).toList(),
                changes.stream().map(Change::kind).toList(), "ordered by kind");
    }

    @Test
    void strain35DaysAgo_theOtherWayRound_isWithheldAgain() {
        List<Change> changes = EvaluationDiff.between(SHORTER_HEALING.evaluate(RUNNER_35_DAYS_AFTER_A_LEFT_HAMSTRING_STRAIN),
                Kb.ENGINE.evaluate(RUNNER_35_DAYS_AFTER_A_LEFT_HAMSTRING_STRAIN));

        assertTrue(changes.contains(new Change(Kind.WITHHELD, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT, null, null, "MUS-05")), changes::toString);
        assertTrue(changes.contains(new Change(Kind.FLAG_RAISED, null, null, null, null, FlagCode.RECENT_INJURY, "SAF-03")), changes::toString);
    }

    @Test
    void strain10DaysAgo_isRecentUnderBothThresholds_soNothingChangesThoughTheRationaleQuotesTheThreshold() {
        Patient p = Patient.builder().injury(new Injury(InjuryType.STRAIN, Muscle.CALVES, Side.RIGHT, 10)).build();

        assertEquals(List.of(), EvaluationDiff.between(Kb.ENGINE.evaluate(p), SHORTER_HEALING.evaluate(p)));
    }
}
