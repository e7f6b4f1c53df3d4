package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff.Change;
import org.physiocds.EvaluationDiff.Kind;
import org.physiocds.WhatIf;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.Surgery;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Injury;

/** What could change the advice: the unknowns a clinician should find out about, most important first. */
class MissingDataTest {

    private static final Patient PIRIFORMIS_FEELS_TIGHT = Patient.builder().age(36).pain(Region.HIP, 10.0, 4)
            .muscle(new MuscleFinding(Muscle.PIRIFORMIS, Side.BOTH, Strength.NORMAL, null, true)).build();

    @Test
    void piriformisFeelsTightLengthNotAssessed_ifShortAStretchWouldBeAdded() {
        Evaluation e = Kb.ENGINE.evaluateWithMissingData(PIRIFORMIS_FEELS_TIGHT);

        WhatIf shortened = find(e, "muscles[0].length", "SHORT");
        assertEquals(WhatIf.Rank.STRETCH, shortened.rank());
        assertEquals("the length of the piriformis", shortened.fact());
        assertTrue(shortened.changes().contains(new Change(Kind.ADDED, Action.STRETCH, Muscle.PIRIFORMIS, Side.BOTH, null, null, "MUS-05")),
                shortened.changes()::toString);
        assertTrue(shortened.changes().contains(new Change(Kind.REMOVED, Action.ASSESS, Muscle.PIRIFORMIS, Side.BOTH, null, null, "MUS-04")),
                "once assessed, the length need not be assessed: " + shortened.changes());
    }

    @Test
    void noRedFlagScreening_theEmergencyExampleFitsTheRegion_majorTraumaForTheNeck_caudaEquinaForTheBack() {
        Evaluation neck = Kb.ENGINE.evaluateWithMissingData(Patient.builder().age(40).pain(Region.NECK, 3.0, 4).build());
        Evaluation back = Kb.ENGINE.evaluateWithMissingData(Patient.builder().age(40).pain(Region.LOWER_BACK, 3.0, 4).build());

        assertEquals("an emergency red flag (e.g. MAJOR_TRAUMA)", neck.missingData().get(0).value());
        assertTrue(neck.missingData().stream().noneMatch(w -> w.value().contains("SADDLE_ANESTHESIA")));
        assertEquals("an emergency red flag (e.g. SADDLE_ANESTHESIA)", back.missingData().get(0).value());
    }

    @Test
    void noRedFlagScreening_comesFirst_anEmergencyWouldWithholdEveryExercise() {
        Evaluation e = Kb.ENGINE.evaluateWithMissingData(PIRIFORMIS_FEELS_TIGHT);

        WhatIf first = e.missingData().get(0);
        assertEquals("redFlags", first.path());
        assertEquals(WhatIf.Rank.SAFETY, first.rank());
        assertTrue(first.changes().stream().anyMatch(c -> c.kind() == Kind.ADDED && c.rule().equals("RFL-11")), first.changes()::toString);
        assertTrue(first.changes().stream().anyMatch(c -> c.kind() == Kind.WITHHELD && c.action() == Action.MOBILIZE),
                first.changes()::toString);
    }

    @Test
    void missingData_isRankedSafetyThenStretchThenOther() {
        Evaluation e = Kb.ENGINE.evaluateWithMissingData(PIRIFORMIS_FEELS_TIGHT);

        List<WhatIf.Rank> ranks = e.missingData().stream().map(WhatIf::rank).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks);
        assertTrue(ranks.contains(WhatIf.Rank.SAFETY) && ranks.contains(WhatIf.Rank.STRETCH) && ranks.contains(WhatIf.Rank.OTHER), ranks::toString);
        assertTrue(e.missingData().stream().allMatch(w -> !w.changes().isEmpty()));
    }

    @Test
    void stretchingHistoryNotTaken_ifPainReturnsWithinTheHourTheHipIsGuarded() {
        Evaluation e = Kb.ENGINE.evaluateWithMissingData(PIRIFORMIS_FEELS_TIGHT);

        WhatIf painBack = find(e, "stretching.painReturnsWithinMinutes", "within 60 minutes");
        assertEquals(WhatIf.Rank.SAFETY, painBack.rank());
        assertTrue(painBack.changes().contains(new Change(Kind.ADDED, Action.DO_NOT_STRETCH, Region.HIP, null, null, null, "SAF-05")),
                painBack.changes()::toString);
    }

    @Test
    void nothingUnknownButInjuries_onlyAnInjuryOfTheStretchedMuscleCouldChangeIt() {
        Patient known = Patient.builder().age(40).pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(new MuscleFinding(Muscle.HAMSTRINGS, Side.BOTH, Strength.NORMAL, Length.SHORT, true))
                .injury(new Injury(InjuryType.STRAIN, Muscle.CALVES, Side.LEFT, 400))
                .surgery(Surgery.of(Region.KNEE).daysAgo(800))
                .stretching(new StretchingHistory(4, 600, false, false, false, false, false, true, false, false))
                .redFlags(RedFlag.NIGHT_PAIN)
                .startBack(new StartBackAnswers(false, false, false, false, false, false, false, false, Bothersomeness.NOT_AT_ALL))
                .build();

        Evaluation e = Kb.ENGINE.evaluateWithMissingData(known);

        // Only what no record can rule out: a recent injury of the muscle the plan stretches (issue 20).
        assertEquals(List.of("injuries"), e.missingData().stream().map(WhatIf::path).distinct().toList());
        assertTrue(e.missingData().stream().allMatch(w -> w.fact().equals("a recent injury to the hamstrings")), e.missingData().toString());
        assertEquals(Kb.ENGINE.evaluate(known), e.withMissingData(null), "the advice itself is the same");
    }

    @Test
    void plainEvaluate_asksNothing() {
        assertNull(Kb.ENGINE.evaluate(PIRIFORMIS_FEELS_TIGHT).missingData());
    }

    private static WhatIf find(Evaluation e, String path, String value) {
        return e.missingData().stream().filter(w -> w.path().equals(path) && w.value().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " = " + value + " in " + e.missingData()));
    }
}
