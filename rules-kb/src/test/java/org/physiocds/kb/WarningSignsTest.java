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
import org.physiocds.Thresholds;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;


/** Section C of the guidance catalog: signs that stretching makes things worse (warning-signs.drl). */
class WarningSignsTest {

    private static Patient stretcherWhosePainReturnsAfter(int minutes) {
        return Patient.builder().age(39).pain(Region.LOWER_BACK, 30.0, 5)
                .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).shortened().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(minutes).build())
                .build();
    }

    @Test
    void evaluate_painBackThirtyMinutesAfterStretching_flagsInstabilityAndSuppressesLumbarStretching() {
        Evaluation e = evaluate(stretcherWhosePainReturnsAfter(30));

        assertEquals("WRN-01", flag(e, FlagCode.INSTABILITY_SUSPECTED).orElseThrow().explanation().rule());
        assertTrue(flag(e, FlagCode.INSTABILITY_SUSPECTED).orElseThrow().explanation().rationale()
                .contains("30 minutes after stretching, within the 60-minute threshold (painReturnMinutes)"));
        assertTrue(ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow()).contains("SAF-05"));
        assertTrue(suppressed(e, Action.STRETCH, Muscle.LOWER_BACK_EXTENSORS).isPresent());
        assertFalse(recommends(e, Action.STRETCH, Muscle.LOWER_BACK_EXTENSORS));
    }

    @ParameterizedTest(name = "pain back after {0} min: instability flagged = {1}")
    @CsvSource({"0, true", "59, true", "60, true", "61, false", "240, false"})
    void evaluate_painReturnAroundTheHour_flagsInstabilityWithinSixtyMinutesInclusive(int minutes, boolean flagged) {
        assertEquals(flagged, flagCodes(evaluate(stretcherWhosePainReturnsAfter(minutes)))
                .contains(FlagCode.INSTABILITY_SUSPECTED));
    }

    @Test
    void evaluate_painReturnThresholdOverridden_usesAndEchoesTheNewThreshold() {
        CdsEngine engine = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withPainReturnMinutes(30))
                .allowUnsafeThresholds().build(); // 30 minutes is below the clinical floor: allowed explicitly

        assertFalse(flagCodes(engine.evaluate(stretcherWhosePainReturnsAfter(45))).contains(FlagCode.INSTABILITY_SUSPECTED));
        assertTrue(flag(engine.evaluate(stretcherWhosePainReturnsAfter(20)), FlagCode.INSTABILITY_SUSPECTED)
                .orElseThrow().explanation().rationale().contains("within the 30-minute threshold"));
    }

    @Test
    void evaluate_neckPainWithPainReturningSoon_guardsTheNeckNotTheLowBack() {
        Evaluation e = evaluate(Patient.builder().pain(Region.NECK, 12.0, 5)
                .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).shortened().feelsTight())
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(15).build()).build());

        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Region.NECK));
        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK), "guarding follows the complaint");
        assertTrue(e.recommendations().stream().noneMatch(r -> r.explanation().rationale().contains("lower back muscles")));
        assertEquals("SAF-05", suppressed(e, Action.STRETCH, Muscle.UPPER_TRAPEZIUS).orElseThrow().suppressedBy().rule());
    }

    @Test
    void evaluate_needsMoreStretchingForTheSameRelief_flagsAProgressingProblem() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 40.0, 5)
                .stretching(StretchingHistory.builder().needsMoreForSameRelief(true).build()).build());

        assertEquals("WRN-02", flag(e, FlagCode.PROBLEM_PROGRESSING).orElseThrow().explanation().rule());
    }

    @Test
    void evaluate_worseTheDayAfterStretching_flagsADestabilisedAreaAndGuardsIt() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 40.0, 5)
                .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).shortened().feelsTight())
                .stretching(StretchingHistory.builder().worseNextDay(true).build()).build());

        assertEquals("WRN-03", flag(e, FlagCode.DESTABILIZED).orElseThrow().explanation().rule());
        assertTrue(ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow()).contains("SAF-05"));
        assertTrue(suppressed(e, Action.STRETCH, Muscle.QUADRATUS_LUMBORUM).isPresent());
    }

    @Test
    void evaluate_worseDespiteConsistentStretching_flagsTheRootCauseAndAssessesThePattern() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 52.0, 7)
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).worseDespiteConsistentStretching(true).build())
                .build());

        assertEquals("WRN-04", flag(e, FlagCode.ROOT_CAUSE_UNADDRESSED).orElseThrow().explanation().rule());
        assertTrue(ruleIds(recommendation(e, Action.ASSESS, Target.GENERAL).orElseThrow()).contains("WRN-04"));
    }
}
