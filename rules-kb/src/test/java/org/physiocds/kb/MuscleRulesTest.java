package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;
import static org.physiocds.kb.Kb.suppressed;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;

/** Section B of the guidance catalog: muscle-specific decisions (classification.drl, muscles.drl). */
class MuscleRulesTest {

    @Test
    void evaluate_deskWorkerWithWeakLongGlutes_strengthensAndDoesNotStretchThem() {
        Evaluation e = evaluate(Patient.builder().age(41).pain(Region.LOWER_BACK, 16.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .lifestyle(Lifestyle.SEDENTARY).build());

        Recommendation strengthen = recommendation(e, Action.STRENGTHEN, Muscle.GLUTES).orElseThrow();
        Explanation dont = recommendation(e, Action.DO_NOT_STRETCH, Muscle.GLUTES).orElseThrow().explanation();
        assertEquals(Phase.ACTIVATE, strengthen.phase());
        assertEquals("MUS-01", dont.rule());
        assertEquals(java.util.List.of("G07", "G08"), dont.guidance());
        assertEquals("Glutes: phasic muscle, assessed weak and long. Stretching a weak, lengthened muscle"
                + " only creates more weakness (seed 000).", dont.rationale());
        assertTrue(dont.facts().contains("GLUTES: PHASIC (phasic per seed 000)"));
        assertFalse(recommends(e, Action.STRETCH, Muscle.GLUTES));
        assertTrue(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
    }

    @Test
    void evaluate_weakPhasicMuscleAssessedShort_isStrengthenedAndStretchedWithoutContradiction() {
        // G08 forbids stretching a weak, *lengthened* muscle; one assessed short needs stretching (G11)
        // as well as strengthening (G09).
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.GLUTES).weak().shortened().feelsTight()).build());

        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Muscle.GLUTES));
        assertTrue(recommends(e, Action.STRETCH, Muscle.GLUTES));
        Recommendation strengthen = recommendation(e, Action.STRENGTHEN, Muscle.GLUTES).orElseThrow();
        assertFalse(strengthen.explanation().rationale().contains("lengthened"), strengthen.explanation().rationale());
    }

    @Test
    void evaluate_weakQuadricepsOfNormalLength_strengthensAndDoesNotStretch() {
        Evaluation e = evaluate(Patient.builder().pain(Region.KNEE, 6.0, 4)
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).weak().normalLength().doesNotFeelTight()).build());

        assertEquals(Set.of("MUS-02"), ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.QUADRICEPS).orElseThrow()));
        assertEquals(Set.of("MUS-03"), ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Muscle.QUADRICEPS).orElseThrow()));
    }

    @Test
    void evaluate_weakButShortHamstrings_areBothStrengthenedAndStretched() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HAMSTRINGS).weak().shortened().feelsTight()).build());

        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.HAMSTRINGS));
        assertTrue(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS));
    }

    @Test
    void evaluate_piriformisThatOnlyFeelsTight_isAssessedNotStretched() {
        Evaluation e = evaluate(Patient.builder().pain(Region.HIP, 8.0, 4)
                .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).feelsTight()).build());

        assertEquals(Set.of("MUS-04"), ruleIds(recommendation(e, Action.ASSESS, Muscle.PIRIFORMIS).orElseThrow()));
        assertFalse(recommends(e, Action.STRETCH, Muscle.PIRIFORMIS));
        assertTrue(suppressed(e, Action.STRETCH, Muscle.PIRIFORMIS).isEmpty());
    }

    @Test
    void evaluate_shortHipFlexors_areStretchedWithTheirDosage() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight()).build());

        Recommendation stretch = recommendation(e, Action.STRETCH, Muscle.HIP_FLEXORS).orElseThrow();
        assertEquals("MUS-05", stretch.explanation().rule());
        assertEquals("hold 30-60 s, 3-5 repetitions, both sides; pain-free range, mild discomfort only, no bouncing", stretch.dosage());
    }

    @Test
    void evaluate_lowBackPain_stabilisesTheLumbarSpineAndSuppressesLumbarStretches() {
        Evaluation e = evaluate(Patient.builder().age(47).pain(Region.LOWER_BACK, 3.0, 6)
                .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).shortened().feelsTight()).build());

        assertTrue(ruleIds(recommendation(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow()).contains("MUS-06"));
        assertEquals("MUS-06", suppressed(e, Action.STRETCH, Muscle.QUADRATUS_LUMBORUM).orElseThrow().suppressedBy().rule());
    }

    @Test
    void evaluate_sedentaryPatient_strengthensTheDeepStabilisers() {
        Evaluation e = evaluate(Patient.builder().lifestyle(Lifestyle.SEDENTARY).build());

        assertEquals(Set.of("MUS-07"), ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS).orElseThrow()));
        assertEquals(Set.of("MUS-07"), ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.MULTIFIDUS).orElseThrow()));
    }

    @Test
    void evaluate_weakMultifidus_strengthensBothDeepStabilisers() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.MULTIFIDUS).weak()).build());

        assertTrue(ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS).orElseThrow()).contains("MUS-08"));
        assertTrue(ruleIds(recommendation(e, Action.STRENGTHEN, Muscle.MULTIFIDUS).orElseThrow()).contains("MUS-08"));
    }

    @Test
    void evaluate_painAtStabilityAndMobilityJoints_followsTheKineticChain() {
        assertTrue(ruleIds(recommendation(evaluate(Patient.builder().pain(Region.KNEE, 4.0, 3).build()),
                Action.STABILIZE, Region.KNEE).orElseThrow()).contains("MUS-09"));
        assertTrue(ruleIds(recommendation(evaluate(Patient.builder().pain(Region.SHOULDER, 4.0, 3).build()),
                Action.MOBILIZE, Region.SHOULDER).orElseThrow()).contains("MUS-10"));
        assertTrue(ruleIds(recommendation(evaluate(Patient.builder().signs(Sign.ANKLE_MOBILITY_RESTRICTED).build()),
                Action.MOBILIZE, Region.ANKLE).orElseThrow()).contains("MUS-11"));
    }

    @Test
    void evaluate_officeWorkerWithShortUpperTrapsAndPecs_stretchesThemAndAssessesTheirOpposites() {
        // Issue 20: the opposing muscles are "often" long and weak (seed 002); not assessed, they are
        // assessed, not strengthened on a tendency.
        Evaluation e = evaluate(Patient.builder().age(36).pain(Region.NECK, 10.0, 4)
                .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened().feelsTight()).build());

        assertTrue(ruleIds(recommendation(e, Action.STRETCH, Muscle.UPPER_TRAPEZIUS).orElseThrow()).contains("MUS-12"));
        assertTrue(ruleIds(recommendation(e, Action.ASSESS, Muscle.DEEP_CERVICAL_FLEXORS).orElseThrow()).contains("MUS-16"));
        assertTrue(ruleIds(recommendation(e, Action.STRETCH, Muscle.PECTORALS).orElseThrow()).contains("MUS-13"));
        assertTrue(recommends(e, Action.ASSESS, Muscle.RHOMBOIDS));
        assertTrue(recommends(e, Action.ASSESS, Muscle.LOWER_TRAPEZIUS));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.RHOMBOIDS));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.DEEP_CERVICAL_FLEXORS));
    }

    @Test
    void evaluate_tightHamstringsDespiteDailyStretching_restoresControlInsteadOfStretching() {
        Evaluation e = evaluate(Patient.builder().age(52)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).normalStrength().normalLength().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).build()).build());

        Recommendation strengthen = recommendation(e, Action.STRENGTHEN, Muscle.HAMSTRINGS).orElseThrow();
        assertEquals("MUS-14", strengthen.explanation().rule());
        assertTrue(strengthen.explanation().rationale().contains("at least 3, consistentSessionsPerWeek"));
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
    }

    @Test
    void evaluate_muscleTheSourcesDoNotType_saysSoInsteadOfGuessing() {
        Evaluation typed = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HAMSTRINGS).weak().normalLength()).build());
        Evaluation untyped = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.CALVES).weak().normalLength()).build());

        assertTrue(recommendation(typed, Action.STRENGTHEN, Muscle.HAMSTRINGS).orElseThrow().explanation().facts()
                .contains("HAMSTRINGS: TONIC (tonic in Janda's classification; the sources do not type this muscle)"));
        assertTrue(recommendation(untyped, Action.STRENGTHEN, Muscle.CALVES).orElseThrow().explanation().facts()
                .contains("CALVES: UNTYPED (the sources do not type this muscle)"));
    }
}
