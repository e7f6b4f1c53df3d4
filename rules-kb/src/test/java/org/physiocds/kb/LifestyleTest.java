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
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/** Section G of the guidance catalog: beyond muscles (lifestyle.drl). */
class LifestyleTest {

    @Test
    void evaluate_fearOfMovement_flagsPsychosocialFactorsAndPlansAGradedReturn() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 40.0, 7)
                .lifestyle(Lifestyle.FEAR_OF_MOVEMENT).build());

        assertEquals("LIF-01", flag(e, FlagCode.PSYCHOSOCIAL_FACTORS).orElseThrow().explanation().rule());
        assertEquals(Set.of("LIF-01"), ruleIds(recommendation(e, Action.ADVISE, Topic.GRADED_ACTIVITY).orElseThrow()));
    }

    @Test
    void evaluate_poorSleep_addressesSleep() {
        Evaluation e = evaluate(Patient.builder().lifestyle(Lifestyle.POOR_SLEEP).build());

        assertEquals(Set.of("LIF-02"), ruleIds(recommendation(e, Action.ADVISE, Topic.SLEEP).orElseThrow()));
        assertTrue(e.flags().isEmpty());
    }

    @Test
    void evaluate_stressAndAnxiety_flagPsychosocialFactorsOnce() {
        Evaluation e = evaluate(Patient.builder().lifestyle(Lifestyle.HIGH_STRESS, Lifestyle.ANXIETY).build());

        assertEquals(1, e.flags().size());
        assertEquals("LIF-03", flag(e, FlagCode.PSYCHOSOCIAL_FACTORS).orElseThrow().explanation().rule());
        Recommendation stress = recommendation(e, Action.ADVISE, Topic.STRESS).orElseThrow();
        assertTrue(stress.explanation().rationale().startsWith("Chronic stress and anxiety"), stress.explanation().rationale());
        assertEquals(List.of(), stress.alsoSupportedBy());
    }

    @Test
    void evaluate_sedentary_advisesStayingActive() {
        Evaluation e = evaluate(Patient.builder().lifestyle(Lifestyle.SEDENTARY).build());

        assertEquals(Set.of("LIF-04"), ruleIds(recommendation(e, Action.ADVISE, Topic.STAY_ACTIVE).orElseThrow()));
    }
}
