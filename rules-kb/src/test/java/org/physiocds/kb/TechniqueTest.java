package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.flag;
import static org.physiocds.kb.Kb.flagCodes;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;
import static org.physiocds.kb.Kb.suppressed;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.FlagCode;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.Topic;
import org.physiocds.Thresholds;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/** Section E of the guidance catalog: how to stretch when stretching is indicated (technique.drl). */
class TechniqueTest {

    private static Patient withShortHipFlexors(StretchingHistory stretching) {
        return Patient.builder().age(29)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.PECTORALS).normalStrength().shortened().feelsTight())
                .stretching(stretching).build();
    }

    @Test
    void evaluate_everyStandingStretch_carriesTheDosage() {
        Evaluation e = evaluate(withShortHipFlexors(null));

        List<Recommendation> stretches = e.recommendations().stream().filter(r -> r.action() == Action.STRETCH).toList();
        assertEquals(2, stretches.size());
        for (Recommendation r : stretches) {
            assertEquals("hold 30-60 s, 3-5 repetitions, both sides; pain-free range, mild discomfort only, no bouncing", r.dosage());
            assertTrue(ruleIds(r).contains("TEC-01"));
        }
    }

    @Test
    void evaluate_stretcherNotKnownToWarmUp_warmsUpFirst() {
        Recommendation warmUp = recommendation(evaluate(withShortHipFlexors(null)), Action.WARM_UP, Target.GENERAL).orElseThrow();

        assertEquals("TEC-02", warmUp.explanation().rule());
        assertEquals("5-10 min active warm-up before stretching", warmUp.dosage());
    }

    @Test
    void evaluate_stretcherWhoWarmsUp_getsNoWarmUpAdvice() {
        Evaluation e = evaluate(withShortHipFlexors(StretchingHistory.builder().warmsUpFirst(true).build()));

        assertFalse(Kb.recommends(e, Action.WARM_UP, Topic.WARM_UP_BEFORE_STRETCHING));
    }

    @Test
    void evaluate_staticStretchingBeforeExercise_warmsUpDynamicallyInstead() {
        Evaluation e = evaluate(Patient.builder()
                .stretching(StretchingHistory.builder().staticBeforeExercise(true).build()).build());

        assertEquals(Set.of("TEC-03"), ruleIds(recommendation(e, Action.WARM_UP, Target.GENERAL).orElseThrow()));
    }

    @Test
    void evaluate_sideToSideAsymmetry_flagsItAndAdvisesBothSides() {
        Evaluation e = evaluate(Patient.builder().signs(Sign.SIDE_TO_SIDE_ASYMMETRY)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).left().shortened()).build());
        Evaluation noStretch = evaluate(Patient.builder().signs(Sign.SIDE_TO_SIDE_ASYMMETRY).build());

        assertEquals("TEC-04", flag(e, FlagCode.ASYMMETRY).orElseThrow().explanation().rule());
        assertEquals("TEC-08", Kb.recommendation(e, Action.ADVISE, Topic.BOTH_SIDES).orElseThrow().explanation().rule());
        assertEquals("TEC-04", flag(noStretch, FlagCode.ASYMMETRY).orElseThrow().explanation().rule());
        assertFalse(Kb.recommends(noStretch, Action.ADVISE, Topic.BOTH_SIDES), "no stretch in the plan, no technique advice");
    }

    @Test
    void evaluate_aggressiveStretcher_isToldMildDiscomfortOnlyWithControlledBreathing() {
        Evaluation e = evaluate(withShortHipFlexors(StretchingHistory.builder().aggressive(true).build()));

        assertTrue(ruleIds(Kb.recommendation(e, Action.ADVISE, Topic.MILD_DISCOMFORT).orElseThrow()).contains("TEC-05"));
        assertTrue(ruleIds(recommendation(e, Action.BREATHING, Target.GENERAL).orElseThrow()).contains("TEC-05"));
    }

    @ParameterizedTest(name = "{0} sessions a week: too seldom = {1}")
    @CsvSource({"1, true", "2, true", "3, false", "7, false"})
    void evaluate_stretchingSessionsAWeek_advisesConsistencyBelowThree(int sessions, boolean tooSeldom) {
        Evaluation e = evaluate(withShortHipFlexors(StretchingHistory.builder().sessionsPerWeek(sessions).build()));

        assertEquals(tooSeldom, Kb.recommends(e, Action.ADVISE, Topic.CONSISTENCY));
    }

    @Test
    void evaluate_chronicLowBackPainWithShortHamstrings_stretchesThemCitingTheEvidence() {
        Evaluation e = evaluate(Patient.builder().age(50).pain(Region.KNEE, 30.0, 4).build());
        Evaluation chronicLbp = evaluate(Patient.builder().age(50).pain(Region.LOWER_BACK, 30.0, 4)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight()).build());

        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
        Recommendation stretch = recommendation(chronicLbp, Action.STRETCH, Muscle.HAMSTRINGS).orElseThrow();
        assertTrue(ruleIds(stretch).contains("TEC-07"));
        assertTrue(stretch.alsoSupportedBy().stream().anyMatch(x -> x.citations().stream()
                .anyMatch(c -> c.source().equals("seeds/003_531c27325db2dc0c.txt"))));
    }
}
