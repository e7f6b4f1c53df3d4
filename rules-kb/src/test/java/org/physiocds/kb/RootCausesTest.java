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
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;


/** Section D of the guidance catalog: root causes and what to do instead (root-causes.drl). */
class RootCausesTest {

    @Test
    void evaluate_spinalCompression_decompressesFirstAndFlagsCompression() {
        Evaluation e = evaluate(Patient.builder().age(62).pain(Region.LOWER_BACK, 26.0, 6)
                .signs(Sign.SPINAL_COMPRESSION).build());

        Recommendation decompress = recommendation(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow();
        assertEquals("RC-01", decompress.explanation().rule());
        assertEquals(Phase.DECOMPRESS, decompress.phase());
        assertTrue(e.recommendations().indexOf(decompress)
                < e.recommendations().indexOf(recommendation(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow()));
        assertEquals("RC-01", flag(e, FlagCode.COMPRESSION).orElseThrow().explanation().rule());
        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK));
    }

    @Test
    void evaluate_glutesNotFiringWithTightLowBack_strengthensGlutesAndDoesNotStretchTheBack() {
        Evaluation e = evaluate(Patient.builder().age(44)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).feelsTight()).build());

        assertTrue(ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.GLUTES).orElseThrow()).contains("RC-02"));
        assertEquals(Set.of("RC-02"), ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Muscle.LOWER_BACK_EXTENSORS).orElseThrow()));
        assertTrue(flagCodes(e).contains(FlagCode.COMPENSATION));
    }

    @Test
    void evaluate_lockedHipAndStiffUpperBack_mobilisesThemAndFlagsCompensation() {
        Evaluation e = evaluate(Patient.builder()
                .signs(Sign.HIP_MOBILITY_RESTRICTED, Sign.THORACIC_MOBILITY_RESTRICTED).build());

        assertTrue(ruleIds(recommendation(e, Action.MOBILIZE, Region.HIP).orElseThrow()).contains("RC-03"));
        assertTrue(ruleIds(recommendation(e, Action.MOBILIZE, Region.UPPER_BACK).orElseThrow()).contains("RC-04"));
        assertEquals(Set.of("RC-03"), Set.of(flag(e, FlagCode.COMPENSATION).orElseThrow().explanation().rule()));
    }

    @Test
    void evaluate_lowBackPainWithARestrictedHip_assessesTheHipAsTheLikelyCause() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.HIP_MOBILITY_RESTRICTED).build());

        Recommendation assess = recommendation(e, Action.ASSESS, Region.HIP).orElseThrow();
        assertEquals("RC-05", assess.explanation().rule());
        assertTrue(assess.explanation().rationale().startsWith("Pain in the lower back but restricted mobility at the hip"));
    }

    @Test
    void evaluate_lowBackPainWithWeakGlutes_assessesTheHip() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened()).build());

        assertEquals("RC-06", recommendation(e, Action.ASSESS, Region.HIP).orElseThrow().explanation().rule());
    }

    @Test
    void evaluate_chronicPainDailyStretchingReliefNeverHolds_makesMusclesReliableAgain() {
        Evaluation e = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 104.0, 5)
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(120).build())
                .build());

        assertTrue(ruleIds(recommendation(e, Action.STRENGTHEN, Target.GENERAL).orElseThrow()).contains("RC-07"));
    }

    @Test
    void evaluate_recentPainDespiteDailyStretching_isNotYetTreatedAsChronic() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 4.0, 5)
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).painReturnsWithinMinutes(120).build())
                .build());

        assertFalse(recommendation(e, Action.STRENGTHEN, Target.GENERAL).map(r -> ruleIds(r).contains("RC-07")).orElse(false));
    }
}
