package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.EvaluationDiff;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.Restriction;
import org.physiocds.Topic;
import org.physiocds.WhatIf;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/**
 * The second independent clinical review (issue 20, part B): what a physiotherapist would correct in
 * the plan itself, each with a realistic patient. Every test here failed on the build before it.
 */
class ClinicalReviewPlanTest {

    /** Advice about how to stretch: it has no place in a plan without a stretch. */
    static final Set<Topic> STRETCHING_TECHNIQUE = Set.of(Topic.PAIN_FREE_RANGE, Topic.NO_BALLISTIC,
            Topic.MILD_DISCOMFORT, Topic.BOTH_SIDES, Topic.CONSISTENCY, Topic.WARM_UP_BEFORE_STRETCHING);

    // ---- Medium 8: a muscle assessed long is not stretched ------------------------------------

    @Test
    void hypermobileDancerStretchingLongHamstringsHard_isToldNotToStretchThemAndGetsNoTechniqueAdvice() {
        Evaluation e = evaluate(Patient.builder().age(24).pain(Region.HIP, 8.0, 3)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).normalStrength().lengthened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().lengthened().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(10).aggressive(true).warmsUpFirst(false).build())
                .build());

        for (Muscle m : List.of(Muscle.HAMSTRINGS, Muscle.HIP_FLEXORS)) {
            Recommendation dont = recommendation(e, Action.DO_NOT_STRETCH, m, Side.BOTH).orElseThrow();
            assertEquals(Restriction.NOT_INDICATED, dont.restriction());
            assertEquals("MUS-15", dont.explanation().rule());
            String why = dont.explanation().rationale();
            assertTrue(why.contains("stretch only the muscles that need it (seed 000)"), why);
            assertTrue(why.contains("tight does not always mean short (seed 004)"), why);
            assertTrue(dont.explanation().citations().stream().anyMatch(c -> c.source().startsWith("seeds/004")));
            assertFalse(recommends(e, Action.STRETCH, m));
        }
        // The forcing habit she reported is addressed all the same (third review, High 2): stop forcing.
        assertTrue(e.recommendations().stream().noneMatch(r -> r.topic() != null && r.topic() != Topic.MILD_DISCOMFORT
                        && STRETCHING_TECHNIQUE.contains(r.topic())),
                "no stretching technique advice without a stretch: " + e.recommendations());
        assertTrue(recommendation(e, Action.ADVISE, Topic.MILD_DISCOMFORT).orElseThrow().explanation().rationale()
                .contains("stop forcing the stretches now"));
    }

    // ---- Medium 9: assessed findings win over "often" -----------------------------------------

    @Test
    void deskWorkerWithTightUpperTrapsAndPecs_strengthensOnlyWhatIsWeakAndAssessesWhatWasNot() {
        Evaluation e = evaluate(Patient.builder().age(41).pain(Region.NECK, 14.0, 4)
                .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.DEEP_CERVICAL_FLEXORS).normalStrength().normalLength())
                .muscle(MuscleFinding.of(Muscle.PECTORALS).normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.RHOMBOIDS).weak().lengthened())
                .build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.UPPER_TRAPEZIUS));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.DEEP_CERVICAL_FLEXORS), "assessed normal: never strengthened");
        assertFalse(recommends(e, Action.ASSESS, Muscle.DEEP_CERVICAL_FLEXORS), "already assessed");
        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.RHOMBOIDS), "assessed weak: strengthened");
        Recommendation assess = recommendation(e, Action.ASSESS, Muscle.LOWER_TRAPEZIUS).orElseThrow();
        assertEquals("MUS-16", assess.explanation().rule());
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.LOWER_TRAPEZIUS), "not assessed: assessed, not strengthened");
    }

    // ---- Medium 10: back-pain rules for back pain ---------------------------------------------

    @Test
    void sedentaryKneePatientWithShortCalves_getsKneeStabilityNotTheLowerBack() {
        Evaluation e = evaluate(Patient.builder().age(58).pain(Region.KNEE, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.CALVES).normalStrength().shortened())
                .lifestyle(Lifestyle.SEDENTARY).build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.CALVES));
        assertFalse(recommends(e, Action.STABILIZE, Region.LOWER_BACK), e.recommendations().toString());
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.MULTIFIDUS));
        assertTrue(ruleIds(recommendation(e, Action.STABILIZE, Region.KNEE).orElseThrow()).contains("PRG-02"));
    }

    @Test
    void shoulderPatientWithShortPecs_getsNoTrunkStabilityAfterTheStretch() {
        Evaluation e = evaluate(Patient.builder().age(35).pain(Region.SHOULDER, 6.0, 4)
                .muscle(MuscleFinding.of(Muscle.PECTORALS).normalStrength().shortened()).build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.PECTORALS));
        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.STABILIZE), e.recommendations().toString());
    }

    // ---- Medium 11: self-management for every back-pain patient -------------------------------

    @Test
    void lowBackPainWithoutStartBack_getsNiceSelfManagementAdvice_butNotUnderAnEmergency() {
        Evaluation plain = evaluate(Patient.builder().age(46).pain(Region.LOWER_BACK, 3.0, 6).build());
        Evaluation emergency = evaluate(Patient.builder().age(46).pain(Region.LOWER_BACK, 3.0, 6)
                .redFlags(RedFlag.SADDLE_ANESTHESIA).build());
        Evaluation knee = evaluate(Patient.builder().age(46).pain(Region.KNEE, 3.0, 6).build());

        Recommendation advice = recommendation(plain, Action.ADVISE, Topic.SELF_MANAGEMENT).orElseThrow();
        assertEquals("SBT-05", advice.explanation().rule());
        assertTrue(advice.explanation().rationale().contains("carrying on with normal activities"));
        assertTrue(advice.explanation().citations().stream().noneMatch(Citation::isQuote), "NICE is summarised, never quoted");
        assertFalse(recommends(emergency, Action.ADVISE, Topic.SELF_MANAGEMENT));
        assertTrue(emergency.suppressed().stream().noneMatch(s -> s.topic() == Topic.SELF_MANAGEMENT));
        assertFalse(recommends(knee, Action.ADVISE, Topic.SELF_MANAGEMENT));
    }

    // ---- Medium 12: the what-if report names injuries -----------------------------------------

    @Test
    void runnerWithAShortLeftHamstring_whatIfNamesARecentInjuryOfItAndASurgeryOfTheHip() {
        Patient runner = Patient.builder().age(31).pain(Region.LOWER_BACK, 4.0, 3)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().normalStrength().shortened().feelsTight()).build();

        Evaluation e = Kb.ENGINE.evaluateWithMissingData(runner);

        WhatIf injury = e.missingData().stream()
                .filter(w -> w.path().equals("injuries") && w.fact().equals("a recent injury to the left hamstrings"))
                .findFirst().orElseThrow(() -> new AssertionError(e.missingData().toString()));
        assertEquals(WhatIf.Rank.SAFETY, injury.rank());
        assertTrue(injury.changes().stream().anyMatch(c -> c.action() == Action.STRETCH && c.target() == Muscle.HAMSTRINGS
                && c.kind() == EvaluationDiff.Kind.WITHHELD), injury.changes().toString());
        assertTrue(e.missingData().stream().anyMatch(w -> w.path().equals("surgeries") && w.fact().equals("recent surgery of the hip")),
                e.missingData().toString());
    }

    // ---- Low items ----------------------------------------------------------------------------

    @Test
    void lowBackPainWithTwoWarningSigns_namesEachRuleOnceBesideTheGuardedBack() {
        Evaluation e = evaluate(Patient.builder().age(44).pain(Region.LOWER_BACK, 16.0, 6)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(20).worseNextDay(true).build()).build());

        Recommendation dont = recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow();
        List<String> support = dont.alsoSupportedBy().stream().map(Explanation::rule).toList();
        assertEquals(support.stream().distinct().toList(), support, "one explanation per rule");
        assertTrue(support.contains("SAF-05"));
    }

    @Test
    void rhomboidsFeelTightAndRightPecsShort_oneAssessItemForBothSidesWithBothReasons() {
        // MUS-04 asks for the rhomboids' length (both sides), MUS-16 for their strength (the right
        // side, opposing the right pectorals): one item for both sides, not a right one beside it.
        Evaluation e = evaluate(Patient.builder().age(39).pain(Region.UPPER_BACK, 14.0, 4)
                .muscle(MuscleFinding.of(Muscle.RHOMBOIDS).feelsTight())
                .muscle(MuscleFinding.of(Muscle.PECTORALS).right().normalStrength().shortened()).build());

        List<Recommendation> rhomboids = e.recommendations().stream().filter(r -> r.target() == Muscle.RHOMBOIDS).toList();
        assertEquals(1, rhomboids.size(), rhomboids.toString());
        assertEquals(Side.BOTH, rhomboids.get(0).side());
        assertEquals(Set.of("MUS-04", "MUS-16"), ruleIds(rhomboids.get(0)), "the right side's reason is kept");
    }

    @Test
    void weakLongDeepStabilisers_getNoDoNotStretchItems() {
        Evaluation e = evaluate(Patient.builder().age(33).pain(Region.LOWER_BACK, 10.0, 4)
                .muscle(MuscleFinding.of(Muscle.TRANSVERSE_ABDOMINIS).weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.MULTIFIDUS).weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.DEEP_CERVICAL_FLEXORS).weak().lengthened()).build());

        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS));
        for (Muscle m : List.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS, Muscle.DEEP_CERVICAL_FLEXORS)) {
            assertFalse(recommends(e, Action.DO_NOT_STRETCH, m), m + " is stretched by nobody");
        }
    }

    @Test
    void shortHipFlexors_theStretchItselfSaysPainFreeMildDiscomfortNoBouncing() {
        Evaluation e = evaluate(Patient.builder().age(37).pain(Region.LOWER_BACK, 9.0, 4)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened())
                .stretching(StretchingHistory.builder().ballistic(true).build()).build());

        Recommendation stretch = recommendation(e, Action.STRETCH, Muscle.HIP_FLEXORS).orElseThrow();
        assertTrue(stretch.dosage().contains("pain-free range, mild discomfort only, no bouncing"), stretch.dosage());
        assertTrue(stretch.alsoSupportedBy().stream().filter(x -> x.rule().equals("TEC-01"))
                .flatMap(x -> x.citations().stream()).anyMatch(c -> c.text().startsWith("Avoid ballistic stretching")));
    }

    @Test
    void stressedSedentaryKneePatient_quotesOnlyTheFactorsAndTheJointThatApply() {
        Evaluation e = evaluate(Patient.builder().age(50).pain(Region.KNEE, 20.0, 5)
                .lifestyle(Lifestyle.HIGH_STRESS, Lifestyle.SEDENTARY).build());

        // The stress rule quotes the two factors it is about, not seed 003's whole list of four.
        assertEquals(List.of("Chronic stress", "Anxiety"), quotes(recommendation(e, Action.ADVISE, Topic.STRESS).orElseThrow().explanation()));
        assertEquals(List.of("Deconditioning", "Reduced physical activity"),
                quotes(recommendation(e, Action.ADVISE, Topic.STAY_ACTIVE).orElseThrow().explanation()));
        assertEquals(List.of("Knees (stability)"),
                quotes(recommendation(e, Action.STABILIZE, Region.KNEE).orElseThrow().explanation()));
    }

    @Test
    void patientStretchingOnceAWeek_isToldToStretchMoreInWordsAndNotThatStretchingIsIncomplete() {
        Evaluation e = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened())
                .stretching(StretchingHistory.builder().sessionsPerWeek(1).build()).build());

        String consistency = recommendation(e, Action.ADVISE, Topic.CONSISTENCY).orElseThrow().explanation().rationale();
        assertTrue(consistency.contains("stretches once a week"), consistency);
        assertFalse(recommends(e, Action.ADVISE, Topic.STRETCHING_INCOMPLETE));
    }

    @Test
    void kneePatientWithShortCalves_isNotToldOnlyStretchingIsRecommendedBesideKneeStability() {
        Evaluation e = evaluate(Patient.builder().age(62).pain(Region.KNEE, 30.0, 4)
                .muscle(MuscleFinding.of(Muscle.CALVES).normalStrength().shortened()).build());

        assertTrue(recommends(e, Action.STABILIZE, Region.KNEE));
        assertFalse(recommends(e, Action.STRENGTHEN, Topic.BALANCE_WITH_STRENGTHENING));
    }

    @Test
    void stretcherWhoSaysSheDoesNotWarmUp_isNotCalledNotKnownToWarmUp() {
        Evaluation e = evaluate(Patient.builder().age(27)
                .muscle(MuscleFinding.of(Muscle.CALVES).shortened())
                .stretching(StretchingHistory.builder().warmsUpFirst(false).build()).build());

        String why = recommendation(e, Action.WARM_UP, Topic.WARM_UP_BEFORE_STRETCHING).orElseThrow().explanation().rationale();
        assertTrue(why.contains("the patient does not warm up first"), why);
    }

    @Test
    void hamstringStrainSevenWeeksAgo_isStretchedGentlyAndPainFree() {
        Evaluation justHealed = evaluate(Patient.builder().age(26)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(50)).build());
        Evaluation longHealed = evaluate(Patient.builder().age(26)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(100)).build());

        Recommendation stretch = recommendation(justHealed, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow();
        assertTrue(stretch.dosage().startsWith("progress gently, pain-free"), stretch.dosage());
        assertTrue(ruleIds(stretch).contains("SAF-12"));
        assertFalse(recommendation(longHealed, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow().dosage()
                .contains("progress gently"));
    }

    // ---- Catalog gaps G41-G44 -----------------------------------------------------------------

    @Test
    void chronicBackPainWithWeakGlutes_statesTheExpectedCourseWithThePlan() {
        Evaluation e = evaluate(Patient.builder().age(48).pain(Region.LOWER_BACK, 40.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened()).build());

        Recommendation practice = recommendation(e, Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow();
        assertTrue(practice.dosage().contains("1-2 sessions") && practice.dosage().contains("4-8 sessions"), practice.dosage());
        assertTrue(ruleIds(practice).containsAll(Set.of("PRG-06", "PRG-07")), "G41 and G43");
    }

    @Test
    void activePatientWithShortCalves_addsEnduranceTrainingAndStretchingAsACoolDown() {
        Evaluation e = evaluate(Patient.builder().age(30).pain(Region.ANKLE, 5.0, 3)
                .muscle(MuscleFinding.of(Muscle.CALVES).normalStrength().shortened()).build());

        assertEquals(Set.of("PRG-08"), ruleIds(recommendation(e, Action.ADVISE, Topic.STAY_ACTIVE).orElseThrow()));
        assertTrue(ruleIds(recommendation(e, Action.WARM_UP, Topic.DYNAMIC_WARM_UP).orElseThrow()).contains("TEC-09"));
        assertTrue(recommendation(e, Action.ADVISE, Target.GENERAL).isPresent());
    }

    // ---- Third review (issue 20 fixes), High 2: harmful stretching habits are always addressed --

    /** Reviewer's p17: bounces, forces, stretches 21 times a week, painful, worse the next day. */
    static Patient aggressiveStretcher() {
        return Patient.builder().age(36).pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).normalLength().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).normalLength().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(21).painReturnsWithinMinutes(20)
                        .needsMoreForSameRelief(true).worseNextDay(true).worseDespiteConsistentStretching(true)
                        .painDuringStretch(true).ballistic(true).warmsUpFirst(false).staticBeforeExercise(true)
                        .aggressive(true).build())
                .redFlags().build();
    }

    @Test
    void aggressiveBallisticStretcherWithNoStretchLeft_isToldToStopBouncingForcingAndToCutTheVolume() {
        Evaluation e = evaluate(aggressiveStretcher());

        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.STRETCH), "no stretch left");
        Recommendation bounce = recommendation(e, Action.ADVISE, Topic.NO_BALLISTIC).orElseThrow();
        assertEquals("SAF-07", bounce.explanation().rule());
        assertTrue(bounce.explanation().rationale().contains("stop bouncing now"), bounce.explanation().rationale());
        assertTrue(quotes(bounce.explanation()).contains("Avoid ballistic stretching, or bouncing, at the end range of the stretch."));
        Recommendation forcing = recommendation(e, Action.ADVISE, Topic.MILD_DISCOMFORT).orElseThrow();
        assertEquals("TEC-05", forcing.explanation().rule());
        assertTrue(forcing.explanation().rationale().contains("stop forcing the stretches now"), forcing.explanation().rationale());
        assertTrue(recommendation(e, Action.REFER, Topic.PAINFUL_STRETCHING).orElseThrow().explanation().rationale()
                .contains("stop the stretches that hurt"));
        Recommendation unstable = recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow();
        assertTrue(unstable.dosage().contains("cut the stretching volume now; no end-range stretching of the lower back"),
                unstable.dosage());
        assertTrue(ruleIds(unstable).contains("TEC-10"));
        assertFalse(recommends(e, Action.ADVISE, Topic.STRETCHING_INCOMPLETE), "stretching is the harm here");
        assertTrue(Kb.explanations(e).stream().noneMatch(x -> x.rationale().contains("stretching is not bad")));
    }

    @Test
    void hypermobileDancer_getsNoStretchingAndNoDecompressionEvenWithCompression() {
        Evaluation e = evaluate(Patient.builder().age(19).pain(Region.HIP, 16.0, 4)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).lengthened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).lengthened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .signs(Sign.SPINAL_COMPRESSION)
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).aggressive(true).build())
                .redFlags().build());

        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.STRETCH || r.action() == Action.DECOMPRESS),
                "no stretching, no decompression: " + e.recommendations());
        assertTrue(e.suppressed().stream().anyMatch(s -> s.action() == Action.DECOMPRESS
                && (s.suppressedBy().rule().equals("TEC-11") || s.alsoSuppressedBy().stream().anyMatch(x -> x.rule().equals("TEC-11")))),
                "decompression withheld by the hypermobile pattern: " + e.suppressed());
        assertFalse(recommends(e, Action.ADVISE, Topic.STRETCHING_INCOMPLETE));
        assertTrue(recommends(e, Action.ADVISE, Topic.MILD_DISCOMFORT), "the forcing habit is still addressed");
    }

    @Test
    void deskWorkerWithShortPecsAndLongScapularMuscles_isNotAHypermobilePattern_pecsStillStretched() {
        Evaluation e = evaluate(Patient.builder().age(41).pain(Region.NECK, 14.0, 4)
                .muscle(MuscleFinding.of(Muscle.PECTORALS).normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.RHOMBOIDS).weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.LOWER_TRAPEZIUS).weak().lengthened())
                .redFlags().build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.PECTORALS));
        assertFalse(ruleIds(e).contains("TEC-11"));
    }

    // ---- Third review, High 6: the what-if report asks the safety-critical unknowns ----------------

    @Test
    void backPainRecordWithNoAgeAndNoInjuries_whatIfAsksAgeAndARecentInjuryUnderSafety() {
        Evaluation e = Kb.ENGINE.evaluateWithMissingData(Patient.builder().patientId("e2").pain(Region.LOWER_BACK, null, null).build());

        List<WhatIf> age = e.missingData().stream().filter(w -> w.path().equals("age")).toList();
        assertFalse(age.isEmpty(), "age is asked: " + e.missingData());
        assertTrue(age.stream().allMatch(w -> w.rank() == WhatIf.Rank.SAFETY), age::toString);
        assertTrue(age.stream().anyMatch(w -> w.changes().stream().anyMatch(c -> c.action() == Action.REFER)),
                "under 16, back pain is referred: " + age);
        WhatIf injury = e.missingData().stream().filter(w -> w.path().equals("injuries") && w.fact().equals("a recent injury"))
                .findFirst().orElseThrow(() -> new AssertionError("a recent injury is asked: " + e.missingData()));
        assertEquals(WhatIf.Rank.SAFETY, injury.rank());
        assertTrue(injury.changes().stream().anyMatch(c -> c.action() == Action.REFER), injury.changes()::toString);
    }

    // ---- Third review, Medium 8: rationales state only recorded facts ----------------------------

    @Test
    void painfulStretcherWorseNextDay_isNotSaidToFeelGreatDuringTheStretch() {
        Evaluation painful = evaluate(aggressiveStretcher());
        Evaluation unknown = evaluate(Patient.builder().age(50).pain(Region.LOWER_BACK, 8.0, 4)
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).worseNextDay(true).build()).build());

        String whyPainful = Kb.flag(painful, FlagCode.DESTABILIZED).orElseThrow().explanation().rationale();
        assertFalse(whyPainful.contains("feels great"), whyPainful);
        assertTrue(whyPainful.contains("finds stretching painful and is worse the next day"), whyPainful);
        String whyUnknown = Kb.flag(unknown, FlagCode.DESTABILIZED).orElseThrow().explanation().rationale();
        assertFalse(whyUnknown.contains("feels great"), whyUnknown);
    }

    @Test
    void chronicDailyStretcherNeedingMoreForReliefWithNoReturnTime_isNotSaidThatTheReliefDoesNotHold() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.LOWER_BACK, 20.0, 5)
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).needsMoreForSameRelief(true).build())
                .redFlags().build());

        String why = recommendation(e, Action.STRENGTHEN, Topic.RELIABLE_MUSCLES).orElseThrow().explanation().rationale();
        assertFalse(why.contains("relief does not hold"), why);
        assertTrue(why.contains("needs more and more stretching for the same relief"), why);
    }

    // ---- Third review, Medium 1: a just-healed muscle ----------------------------------------------

    @Test
    void sprinterQuadTearDay43_stretchTextIsConsistentAndStrengtheningIsGraded() {
        Evaluation e = evaluate(Patient.builder().age(22).pain(Region.KNEE, 7.0, 2)
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).right().weak().shortened())
                .injury(Injury.tear(Muscle.QUADRICEPS).right().daysAgo(43)).redFlags().build());

        Recommendation stretch = recommendation(e, Action.STRETCH, Muscle.QUADRICEPS, Side.RIGHT).orElseThrow();
        String why = Kb.explanations(e).stream().filter(x -> x.rule().equals("SAF-12")).findFirst().orElseThrow().rationale();
        assertFalse(why.contains("progress the stretch gently"), why);
        assertTrue(why.contains("the healing window") && why.contains("has passed only recently"), why);
        assertTrue(stretch.dosage().contains("progress gently, pain-free"), stretch.dosage());
        Recommendation strengthen = recommendation(e, Action.STRENGTHEN, Muscle.QUADRICEPS, Side.RIGHT).orElseThrow();
        assertTrue(strengthen.dosage() != null && strengthen.dosage().contains("graded loading"), String.valueOf(strengthen.dosage()));
        assertTrue(ruleIds(strengthen).contains("PRG-09"));
    }

    // ---- Third review, Medium 7: high STarT Back risk ----------------------------------------------

    @Test
    void chronicBackPainAtHighStartBackRiskWithStress_noSessionPromiseAndStartBackLeadsThePsychosocialFlag() {
        Evaluation e = evaluate(Patient.builder().age(52).pain(Region.LOWER_BACK, 60.0, 7)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .lifestyle(Lifestyle.HIGH_STRESS)
                .startBack(new StartBackAnswers(true, true, true, true, true, true, true, true, Bothersomeness.VERY_MUCH))
                .redFlags().build());

        Recommendation practice = recommendation(e, Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow();
        assertFalse(ruleIds(practice).contains("PRG-06"), "no G41 session promise at high risk");
        assertTrue(practice.dosage() == null || !practice.dosage().contains("sessions"), String.valueOf(practice.dosage()));
        assertEquals("SBT-04", Kb.flag(e, FlagCode.PSYCHOSOCIAL_FACTORS).orElseThrow().explanation().rule());
        // Psychologically informed care: nothing in the plan's own words casts the back as fragile.
        assertTrue(Kb.explanations(e).stream().map(Explanation::rationale)
                .noneMatch(r -> r.contains("aggravate") || r.contains("belt")), "no threat language at high risk");
        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK), "the lumbar stretch is still not advised");
    }

    // ---- Third review, Medium 6: low STarT Back risk beside other referrals and G43 --------------

    @Test
    void lowRiskBackPainWithAPainfulStretchingReferral_selfManagementDoesNotSayNoReferralIsNeeded() {
        Evaluation e = evaluate(Patient.builder().age(28).pain(Region.LOWER_BACK, 2.0, 4)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .stretching(StretchingHistory.builder().painDuringStretch(true).build())
                .startBack(new StartBackAnswers(true, false, false, false, false, false, false, false, Bothersomeness.SLIGHTLY))
                .redFlags().build());

        assertTrue(recommends(e, Action.REFER, Topic.PAINFUL_STRETCHING));
        String self = recommendation(e, Action.ADVISE, Topic.SELF_MANAGEMENT).orElseThrow().explanation().rationale();
        assertFalse(self.contains("no referral is needed"), self);
        assertTrue(Kb.explanations(e).stream().noneMatch(x -> x.rationale().contains("obtains clearance from a healthcare professional")),
                "G43 worded as the reviewing clinician's clearance, not a further referral");
    }

    // ---- Third review, Medium 12: "both sides" only where the findings are -------------------------

    @Test
    void rightHamstringShortAfterAcl_isToldToStretchTheShortSideAndReassessTheOther() {
        Evaluation e = evaluate(Patient.builder().age(24).pain(Region.KNEE, 26.0, 2)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).right().shortened())
                .signs(Sign.SIDE_TO_SIDE_ASYMMETRY).redFlags().build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.RIGHT));
        String why = recommendation(e, Action.ADVISE, Topic.BOTH_SIDES).orElseThrow().explanation().rationale();
        assertFalse(why.contains("always stretch both sides"), why);
        assertTrue(why.contains("stretch that side, and reassess the other side"), why);
    }

    // ---- Review (MEDIUM 5): clearance referrals are not circular for the treating physiotherapist -----

    @Test
    void tenDaysAfterLeftKneeReplacement_theClearanceSaysTheSurgeonsProtocolApplies() {
        Evaluation e = evaluate(Patient.builder().age(68).pain(Region.KNEE, 2, 4)
                .surgery(org.physiocds.model.Surgery.of(Region.KNEE).left().daysAgo(10))
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).left().weak()).redFlags().build());

        String why = recommendation(e, Action.REFER, Region.KNEE).orElseThrow().explanation().rationale();
        assertTrue(why.contains("the surgeon's post-operative protocol applies"), why);
        assertTrue(why.contains("early range-of-motion and isometric exercises"), why);
    }

    @Test
    void footballerThreeDaysAfterALeftHamstringStrain_theClearanceRulesOutSportUntilCleared() {
        Evaluation e = evaluate(Patient.builder().age(22).pain(Region.HIP, 1, 5)
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(3)).redFlags().build());

        String why = recommendation(e, Action.REFER, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow().explanation().rationale();
        assertTrue(why.contains("no sport or loading of the muscle until then"), why);
        assertTrue(why.contains("graded rehabilitation"), why);
    }

    @Test
    void footballerFiveDaysAfterALeftHamstringStrain_activityAdviceSparesTheInjuredMuscleByName() {
        Evaluation e = evaluate(Patient.builder().age(23).pain(Region.KNEE, 1, 3)
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5))
                .muscle(MuscleFinding.of(Muscle.CALVES).shortened())
                .stretching(StretchingHistory.builder().staticBeforeExercise(true).build())
                .redFlags().build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.CALVES), "the short calves are still stretched");
        List<Recommendation> activity = e.recommendations().stream()
                .filter(r -> r.topic() == Topic.BALANCE_WITH_STRENGTHENING || r.topic() == Topic.STAY_ACTIVE
                        || r.topic() == Topic.DYNAMIC_WARM_UP).toList();
        assertTrue(activity.stream().anyMatch(r -> r.topic() == Topic.DYNAMIC_WARM_UP), "the warm-up advice stands");
        assertTrue(activity.stream().anyMatch(r -> r.topic() == Topic.STAY_ACTIVE), "endurance training stands");
        for (Recommendation r : activity) {
            assertTrue(r.explanation().rationale().contains("spares the recently injured left hamstrings: no sport,"
                    + " sprinting or loading of them until they are cleared"), r.topic() + ": " + r.explanation().rationale());
        }
    }

    // ---- Review (low): the day after the surgery window is not an ordinary day --------------------

    @Test
    void fourMonthsAfterALeftKneeReplacement_quadricepsStrengtheningIsGraded_butNotAtEightMonths() {
        Recommendation early = recommendation(evaluate(kneeReplacedDaysAgo(120)), Action.STRENGTHEN, Muscle.QUADRICEPS,
                Side.LEFT).orElseThrow();
        assertTrue(early.dosage().contains("graded: start gently, progress only while pain-free"), early.dosage());
        assertTrue(ruleIds(early).contains("PRG-10"));

        Recommendation later = recommendation(evaluate(kneeReplacedDaysAgo(240)), Action.STRENGTHEN, Muscle.QUADRICEPS,
                Side.LEFT).orElseThrow();
        assertFalse(ruleIds(later).contains("PRG-10"), "past twice the threshold the programme is ordinary");
    }

    private static Patient kneeReplacedDaysAgo(int days) {
        return Patient.builder().age(70).pain(Region.KNEE, 30, 3)
                .surgery(org.physiocds.model.Surgery.of(Region.KNEE).left().daysAgo(days))
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).left().weak()).redFlags().build();
    }

    // ---- Second review of this round ---------------------------------------------------------------

    @Test
    void highStartBackRiskWithWarningSigns_theFlagsSayHowToShareThemWithoutThreat_lowRiskUnchanged() {
        StretchingHistory signs = StretchingHistory.builder().sessionsPerWeek(7).painReturnsWithinMinutes(30)
                .worseNextDay(false).build();
        Evaluation high = evaluate(Patient.builder().age(55).pain(Region.LOWER_BACK, 40.0, 6).stretching(signs)
                .startBack(new StartBackAnswers(true, true, true, true, true, true, true, true, Bothersomeness.VERY_MUCH))
                .redFlags().build());
        Evaluation low = evaluate(Patient.builder().age(55).pain(Region.LOWER_BACK, 40.0, 6).stretching(signs)
                .startBack(new StartBackAnswers(true, false, false, false, false, false, false, false, Bothersomeness.SLIGHTLY))
                .redFlags().build());

        String instability = Kb.flag(high, FlagCode.INSTABILITY_SUSPECTED).orElseThrow().explanation().rationale();
        assertTrue(instability.contains("never as damage or a fragile back"), instability);
        List<String> unstable = Kb.explanations(high).stream().map(Explanation::rationale)
                .filter(r -> r.contains("unstable joint or compressed disc")).toList();
        assertFalse(unstable.isEmpty());
        unstable.forEach(r -> assertTrue(r.contains("never as damage"), r));
        assertTrue(Kb.explanations(low).stream().noneMatch(x -> x.rationale().contains("fragile back")));
    }

    @Test
    void lowBackPainWithCompressionSigns_decompressionIsNeverHangingOrTraction() {
        Evaluation e = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 10.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags().build());

        Recommendation decompress = recommendation(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow();
        String why = decompress.explanation().rationale();
        assertTrue(why.contains("lying over a foam roller"), why);
        assertTrue(why.contains("not hanging from a bar"), why);
        assertTrue(decompress.explanation().guidance().contains("NG59-1.2.7"));
    }

    @Test
    void neckPainAfterMajorTrauma_keepTheNeckStillAndCallAnAmbulance() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.NECK, 1.0, 7)
                .redFlags(RedFlag.MAJOR_TRAUMA).build());

        String why = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("keep the neck still and call an ambulance"), why);
    }

    @Test
    void strainedFootballerWithPainOfNoGivenRegion_selfManagementSparesTheHealingMuscle() {
        Evaluation e = evaluate(Patient.builder().age(24).pain(null, 1.0, 3)
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5)).redFlags().build());

        String why = recommendation(e, Action.ADVISE, Topic.SELF_MANAGEMENT).orElseThrow().explanation().rationale();
        assertTrue(why.contains("normal activities"), why);
        assertTrue(why.contains("spares the recently injured left hamstrings"), why);
    }

    @Test
    void chronicKneePainFourMonthsAfterSurgery_noSessionCountForTheExpectedCourse() {
        Evaluation e = evaluate(Patient.builder().age(70).pain(Region.KNEE, 20, 3)
                .surgery(org.physiocds.model.Surgery.of(Region.KNEE).left().daysAgo(120))
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).left().weak()).redFlags().build());

        Recommendation practice = recommendation(e, Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow();
        assertFalse(ruleIds(practice).contains("PRG-06"), "no 1-2 / 4-8 session course four months after surgery");
    }

    @Test
    void consistentStretcherWithShoulderPain_isToldToCombineStretchingWithStrengthening_notDecompression() {
        Evaluation shoulder = evaluate(Patient.builder().age(45).pain(Region.SHOULDER, 20.0, 4)
                .stretching(StretchingHistory.builder().sessionsPerWeek(5).build()).redFlags().build());
        Evaluation compressed = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 4)
                .signs(Sign.SPINAL_COMPRESSION)
                .stretching(StretchingHistory.builder().sessionsPerWeek(5).build()).redFlags().build());

        String why = recommendation(shoulder, Action.ADVISE, Topic.STRETCHING_INCOMPLETE).orElseThrow().explanation().rationale();
        assertTrue(why.contains("combine it with strengthening"), why);
        assertFalse(why.contains("decompression"), why);
        String back = recommendation(compressed, Action.ADVISE, Topic.STRETCHING_INCOMPLETE).orElseThrow().explanation().rationale();
        assertTrue(back.contains("combine it with decompression and strengthening"), back);
    }

    private static List<String> quotes(Explanation x) {
        return x.citations().stream().filter(Citation::isQuote).map(Citation::quote).toList();
    }
}
