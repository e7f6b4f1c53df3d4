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
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/** Section F of the guidance catalog: the whole programme (programme.drl, Action phases). */
class ProgrammeTest {

    private static Patient complexLowBackPatient() {
        return Patient.builder().age(45).pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .signs(Sign.SPINAL_COMPRESSION, Sign.HIP_MOBILITY_RESTRICTED)
                .lifestyle(Lifestyle.SEDENTARY).build();
    }

    @Test
    void evaluate_anyPatient_putsRecommendationsInPhaseOrderWithoutDuplicates() {
        Evaluation e = evaluate(complexLowBackPatient());

        List<Phase> phases = e.recommendations().stream().map(Recommendation::phase).toList();
        assertEquals(phases.stream().sorted().toList(), phases);
        assertEquals(e.recommendations().size(), e.recommendations().stream()
                .map(r -> r.action() + " " + r.target().code() + " " + r.side() + " " + r.topic()).distinct().count());
        assertEquals(Phase.SAFETY, phases.get(0));
        assertEquals(Phase.DAILY_PRACTICE, phases.get(phases.size() - 1));
    }

    @Test
    void evaluate_exercisesRecommended_buildsADailyPracticeOfFifteenToTwentyMinutes() {
        Recommendation practice = recommendation(evaluate(complexLowBackPatient()), Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow();

        assertEquals("PRG-01", practice.explanation().rule());
        assertTrue(practice.explanation().rationale().contains("15-20 minutes of the right exercises, done daily"));
        // One explanation per rule, PRG-01's not repeated per exercise; the expected course (PRG-06) and
        // the clearance before a new programme (PRG-07) support it.
        assertEquals(List.of("PRG-06", "PRG-07"), practice.alsoSupportedBy().stream().map(x -> x.rule()).toList(),
                "one rule, one reason: not repeated per exercise");
    }

    @Test
    void evaluate_stretchWithoutLowBackPain_isPairedWithStabilityAndBreathing() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight()).build());

        assertEquals(Set.of("PRG-02"), ruleIds(recommendation(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow()));
        assertTrue(ruleIds(recommendation(e, Action.BREATHING, Topic.CONTROLLED_BREATHING).orElseThrow()).contains("PRG-04"));
    }

    @Test
    void evaluate_lowBackPainAndAStretch_onceOnlyRulesStillSupportWhatAnotherRuleAdvisedFirst() {
        // Low back pain advises trunk stability (MUS) before the programme stage; PRG-02 and
        // PRG-04 conclude once per patient, and must still be listed as support, with their sources.
        Evaluation e = evaluate(complexLowBackPatient());

        Recommendation stability = recommendation(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow();
        assertTrue(ruleIds(stability).contains("PRG-02"), () -> ruleIds(stability).toString());
        assertTrue(ruleIds(stability).size() > 1, "another rule leads, PRG-02 supports");
        Recommendation breathing = recommendation(e, Action.BREATHING, Topic.CONTROLLED_BREATHING).orElseThrow();
        assertTrue(ruleIds(breathing).contains("PRG-04"), () -> ruleIds(breathing).toString());
        // Explained by one exercise of the plan that called for it (the first Drools matched).
        Recommendation practice = recommendation(e, Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow();
        assertEquals(1, practice.explanation().facts().size(), () -> practice.explanation().facts().toString());
        assertTrue(e.recommendations().stream()
                .filter(r -> Set.of(Action.DECOMPRESS, Action.STRENGTHEN, Action.STABILIZE, Action.MOBILIZE, Action.STRETCH)
                        .contains(r.action()))
                .anyMatch(r -> practice.explanation().facts().get(0).equals("advice: " + r.action() + " " + r.target().code())),
                () -> practice.explanation().facts() + " is an exercise of the plan");
    }

    @Test
    void evaluate_onlyAStretchWouldBeRecommended_addsStrengthening() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight()).build());

        assertEquals(Set.of("PRG-03"), ruleIds(recommendation(e, Action.STRENGTHEN, Topic.BALANCE_WITH_STRENGTHENING).orElseThrow()));
    }

    @Test
    void evaluate_stretchingAlongsideStrengthening_addsNoGeneralStrengthening() {
        Evaluation e = evaluate(complexLowBackPatient());

        assertFalse(recommends(e, Action.STRENGTHEN, Target.GENERAL));
    }

    @Test
    void evaluate_patientInPainWhoStretches_isToldStretchingAloneIsIncomplete() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 30.0, 5)
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).warmsUpFirst(true).build()).build());

        assertEquals(Set.of("PRG-05"), ruleIds(recommendation(e, Action.ADVISE, Topic.STRETCHING_INCOMPLETE).orElseThrow()));
    }

    @Test
    void evaluate_everyStretchSuppressed_addsNoDosageWarmUpOrPairing() {
        Evaluation e = evaluate(Patient.builder()
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .injury(Injury.strain(Muscle.HIP_FLEXORS).daysAgo(3)).build());

        assertTrue(suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).isPresent());
        assertFalse(recommends(e, Action.WARM_UP, Target.GENERAL));
        assertFalse(recommends(e, Action.BREATHING, Target.GENERAL));
        assertFalse(recommends(e, Action.STABILIZE, Region.LOWER_BACK));
        assertFalse(recommends(e, Action.STRENGTHEN, Target.GENERAL));
    }
}
