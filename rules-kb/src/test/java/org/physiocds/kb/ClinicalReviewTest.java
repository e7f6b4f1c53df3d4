package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.suppressed;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/**
 * The defects an independent clinical review found in the reports, each with a realistic patient
 * and named for what a physiotherapist reading the report would check.
 */
class ClinicalReviewTest {

    // ---- Sided advice -------------------------------------------------------------------------

    @Test
    void leftHamstringShortRightWeak_stretchesTheLeftStrengthensTheRightAndDoesNotStretchTheRight() {
        Evaluation e = evaluate(Patient.builder().age(34).pain(Region.LOWER_BACK, 16.0, 4)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).right().weak().normalLength().doesNotFeelTight())
                .build());

        Recommendation stretch = recommendation(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow();
        assertEquals("hold 30-60 s, 3-5 repetitions; pain-free range, mild discomfort only, no bouncing", stretch.dosage());
        assertTrue(stretch.alsoSupportedBy().stream().anyMatch(x -> x.rule().equals("TEC-01")
                && x.rationale().contains("The stretch is advised on the left side")));
        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.HAMSTRINGS, Side.RIGHT));
        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.RIGHT));
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.RIGHT));
        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.LEFT));
        assertTrue(e.suppressed().stream().noneMatch(s -> s.target() == Muscle.HAMSTRINGS),
                "the right side's do-not-stretch no longer suppresses the left side's stretch");
    }

    @Test
    void leftHamstringStrainedRightShort_stretchesTheRightAndSaysWhyTheLeftIsHeldBack() {
        Evaluation e = evaluate(Patient.builder().age(29).pain(Region.LOWER_BACK, 3.0, 5)
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(6))
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).right().shortened().feelsTight())
                .build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.RIGHT));
        Recommendation dont = recommendation(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow();
        String why = dont.explanation().rationale();
        assertTrue(why.startsWith("Left hamstrings were strained 6 days ago"), why);
        assertTrue(why.contains("Only the left side is injured: the right side is not held back"), why);
        assertTrue(recommends(e, Action.REFER, Muscle.HAMSTRINGS, Side.LEFT));
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT));
    }

    @Test
    void hamstringsShortOnBothSidesWithALeftStrain_stretchesOnlyTheRightAndReportsTheLeftAsSuppressed() {
        Evaluation e = evaluate(Patient.builder().age(41)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
                .injury(Injury.tear(Muscle.HAMSTRINGS).left().daysAgo(12))
                .build());

        assertEquals("hold 30-60 s, 3-5 repetitions; pain-free range, mild discomfort only, no bouncing",
                recommendation(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.RIGHT).orElseThrow().dosage());
        assertEquals("SAF-02", suppressed(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow()
                .suppressedBy().rule());
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.BOTH));
    }

    @Test
    void injuryWithoutASide_holdsBackBothSides() {
        Evaluation e = evaluate(Patient.builder()
                .muscle(MuscleFinding.of(Muscle.CALVES).left().shortened())
                .injury(Injury.strain(Muscle.CALVES).daysAgo(9))
                .build());

        assertEquals("SAF-02", suppressed(e, Action.STRETCH, Muscle.CALVES, Side.LEFT).orElseThrow().suppressedBy().rule());
        assertTrue(recommendation(e, Action.DO_NOT_STRETCH, Muscle.CALVES, Side.BOTH).orElseThrow()
                .explanation().rationale().contains("neither side is stretched"));
    }

    // ---- One item per piece of advice ---------------------------------------------------------

    @Test
    void generalAdviceOnFiveTopics_isFiveItemsEachWithItsOwnExplanation() {
        // Short hip flexors: a stretch stands, so the stretching technique advice applies (issue 20).
        Evaluation e = evaluate(Patient.builder().age(52).pain(Region.LOWER_BACK, 30.0, 6)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(1).ballistic(true).aggressive(true)
                        .painDuringStretch(true).build())
                .lifestyle(Lifestyle.POOR_SLEEP, Lifestyle.HIGH_STRESS)
                .build());

        for (var expected : List.of(
                new Object[] {Topic.NO_BALLISTIC, "SAF-07"}, new Object[] {Topic.MILD_DISCOMFORT, "TEC-05"},
                new Object[] {Topic.PAIN_FREE_RANGE, "SAF-13"}, new Object[] {Topic.CONSISTENCY, "TEC-06"},
                new Object[] {Topic.SLEEP, "LIF-02"}, new Object[] {Topic.STRESS, "LIF-03"})) {
            Recommendation r = recommendation(e, Action.ADVISE, (Topic) expected[0]).orElseThrow(
                    () -> new AssertionError("no ADVISE " + expected[0]));
            assertEquals(expected[1], r.explanation().rule(), expected[0].toString());
            assertEquals(List.of(), r.alsoSupportedBy(), expected[0] + " merged with other advice");
        }
        List<Recommendation> general = e.recommendations().stream().filter(r -> r.target() == Target.GENERAL).toList();
        assertEquals(general.size(), general.stream().map(r -> r.action() + " " + r.topic()).distinct().count());
    }

    @Test
    void sameAdviceFromTwoRules_mergesIntoOneItem() {
        // TEC-05 (aggressive stretching) and PRG-04 (a stretch is recommended) both advise controlled breathing.
        Evaluation e = evaluate(Patient.builder()
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                .stretching(StretchingHistory.builder().aggressive(true).build()).build());

        Recommendation breathing = recommendation(e, Action.BREATHING, Topic.CONTROLLED_BREATHING).orElseThrow();
        assertEquals("PRG-04", breathing.explanation().rule());
        assertEquals(List.of("TEC-05"), breathing.alsoSupportedBy().stream().map(Explanation::rule).toList());
        assertEquals(1, e.recommendations().stream().filter(r -> r.action() == Action.BREATHING).count());
    }

    @Test
    void warmUp_doesNotListItsOwnRuleAgainUnderAlso() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight()).build());

        Recommendation warmUp = recommendation(e, Action.WARM_UP, Topic.WARM_UP_BEFORE_STRETCHING).orElseThrow();
        assertEquals("TEC-02", warmUp.explanation().rule());
        assertEquals("5-10 min active warm-up before stretching", warmUp.dosage());
        assertEquals(List.of(), warmUp.alsoSupportedBy());
    }

    @Test
    void safetyPhase_listsEmergencyThenUrgentThenOtherReferralsThenWhatNotToDo() {
        Evaluation e = evaluate(Patient.builder().age(61).pain(Region.LOWER_BACK, 2.0, 8)
                .redFlags(RedFlag.SADDLE_ANESTHESIA, RedFlag.HISTORY_OF_CANCER)
                .injury(Injury.strain(Muscle.HIP_FLEXORS).daysAgo(3))
                .stretching(StretchingHistory.builder().painDuringStretch(true).build())
                .build());

        List<String> safety = e.recommendations().stream().filter(r -> r.phase() == Phase.SAFETY)
                .map(r -> r.action() + " " + (r.topic() != null ? r.topic() : r.target().code())).toList();
        assertEquals(List.of("REFER EMERGENCY_REFERRAL", "REFER URGENT_REFERRAL", "REFER HIP_FLEXORS",
                "REFER PAINFUL_STRETCHING", "DO_NOT_STRETCH HIP_FLEXORS", "DO_NOT_STRETCH LOWER_BACK"), safety);
    }

    // ---- 1. Recent surgery ----------------------------------------------------------------------

    @Test
    void lumbarSurgery30DaysAgo_holdsBackEveryStretchAndTheLumbarLoadingUntilCleared() {
        Evaluation e = evaluate(Patient.builder().age(57).pain(Region.LOWER_BACK, 20.0, 4)
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(30))
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .signs(Sign.SPINAL_COMPRESSION)
                .build());

        assertNoStretchAndEachSuppressedBy(e, "SAF-04", Muscle.HAMSTRINGS, Muscle.HIP_FLEXORS);
        assertEquals("SAF-04", suppressed(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-04", suppressed(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertTrue(recommends(e, Action.REFER, Region.LOWER_BACK));
    }

    @Test
    void kneeSurgery30DaysAgo_holdsBackTheHamstringStretchAndKneeLoading() {
        Evaluation e = evaluate(Patient.builder().age(48).pain(Region.KNEE, 5.0, 3)
                .surgery(Surgery.of(Region.KNEE).daysAgo(30))
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).weak().normalLength().doesNotFeelTight())
                .build());

        assertNoStretchAndEachSuppressedBy(e, "SAF-04", Muscle.HAMSTRINGS);
        assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, Muscle.QUADRICEPS, Side.BOTH).orElseThrow()
                .suppressedBy().rule());
        assertEquals("SAF-04", suppressed(e, Action.STABILIZE, Region.KNEE).orElseThrow().suppressedBy().rule());
    }

    @Test
    void surgeryOfUnknownRegion_holdsBackEveryStretchAndExerciseUntilCleared() {
        Evaluation e = evaluate(Patient.builder().age(63).pain(Region.LOWER_BACK, 10.0, 5)
                .surgery(Surgery.regionNotGiven().daysAgo(21))
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .lifestyle(Lifestyle.SEDENTARY)
                .build());

        assertEquals("SAF-04", recommendation(e, Action.REFER, Topic.SURGERY_CLEARANCE).orElseThrow().explanation().rule());
        assertNoStretchAndEachSuppressedBy(e, "SAF-04", Muscle.HIP_FLEXORS);
        assertTrue(e.recommendations().stream().noneMatch(r -> Set.of(Action.STRETCH, Action.DECOMPRESS,
                Action.STRENGTHEN, Action.STABILIZE, Action.MOBILIZE).contains(r.action())), e.recommendations()::toString);
        assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, Muscle.GLUTES, Side.BOTH).orElseThrow().suppressedBy().rule());
    }

    @Test
    void hipSurgery40DaysAgoWithCompression_doesNotDecompressByHangingOrTraction() {
        Evaluation e = evaluate(Patient.builder().age(66).pain(Region.LOWER_BACK, 12.0, 5)
                .surgery(Surgery.of(Region.HIP).daysAgo(40))
                .signs(Sign.SPINAL_COMPRESSION)
                .build());

        assertFalse(recommends(e, Action.DECOMPRESS, Region.LOWER_BACK));
        assertEquals("SAF-04", suppressed(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
    }

    // ---- 2. An injury of type OTHER -------------------------------------------------------------

    @Test
    void otherInjuryToTheHamstrings5DaysAgo_forbidsStretchingThemLikeAStrain() {
        Evaluation e = evaluate(Patient.builder().age(38)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
                .injury(Injury.other(Muscle.HAMSTRINGS).daysAgo(5))
                .build());

        assertNoStretchAndEachSuppressedBy(e, "SAF-02", Muscle.HAMSTRINGS);
        assertTrue(recommendation(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.BOTH).orElseThrow()
                .explanation().rationale().contains("injured 5 days ago"));
    }

    // ---- 3. A recent strain or tear withholds loading of its region -----------------------------

    @Test
    void lowerBackExtensorTear10DaysAgoWithCompression_doesNotDecompressOrStabiliseTheLowerBack() {
        Evaluation e = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 1.5, 7)
                .injury(Injury.tear(Muscle.LOWER_BACK_EXTENSORS).daysAgo(10))
                .signs(Sign.SPINAL_COMPRESSION)
                .build());

        assertEquals("SAF-08", suppressed(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-08", suppressed(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
    }

    @Test
    void hipFlexorTear10DaysAgo_doesNotMobiliseTheHip() {
        Evaluation e = evaluate(Patient.builder().age(24).pain(Region.HIP, 1.5, 6)
                .injury(Injury.tear(Muscle.HIP_FLEXORS).daysAgo(10))
                .signs(Sign.HIP_MOBILITY_RESTRICTED)
                .build());

        assertFalse(recommends(e, Action.MOBILIZE, Region.HIP));
        assertEquals("SAF-08", suppressed(e, Action.MOBILIZE, Region.HIP).orElseThrow().suppressedBy().rule());
    }

    @Test
    void calfStrain_doesNotMobiliseTheAnkle() {
        Evaluation e = evaluate(Patient.builder().age(36).pain(Region.ANKLE, 2.0, 4)
                .injury(Injury.strain(Muscle.CALVES).daysAgo(8))
                .signs(Sign.ANKLE_MOBILITY_RESTRICTED)
                .build());

        assertEquals("SAF-08", suppressed(e, Action.MOBILIZE, Region.ANKLE).orElseThrow().suppressedBy().rule());
    }

    @Test
    void leftHamstringStrain_holdsBackLoadingTheLeftHipMusclesButNotTheRight() {
        // A bridge for the glutes loads a healing hamstring: the left glutes wait for clearance too.
        Evaluation e = evaluate(Patient.builder().age(33).pain(Region.LOWER_BACK, 6.0, 4)
                .muscle(MuscleFinding.of(Muscle.GLUTES).left().weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.GLUTES).right().weak().lengthened())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5))
                .build());

        assertEquals("SAF-08", suppressed(e, Action.STRENGTHEN, Muscle.GLUTES, Side.LEFT).orElseThrow().suppressedBy().rule());
        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.GLUTES, Side.RIGHT));
    }

    @Test
    void lumbarSurgery_makesTheLowerBackDoNotStretchAContraindicationAndHoldsGeneralStrengthening() {
        Evaluation e = evaluate(Patient.builder().age(58).pain(Region.LOWER_BACK, 30.0, 4)
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(40))
                .stretching(StretchingHistory.builder().sessionsPerWeek(14).needsMoreForSameRelief(true).build())
                .build());

        Recommendation dont = recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow();
        assertEquals(org.physiocds.Restriction.CONTRAINDICATED, dont.restriction());
        assertTrue(Kb.ruleIds(dont).contains("SAF-04"), Kb.ruleIds(dont)::toString);
        assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, Topic.RELIABLE_MUSCLES).orElseThrow().suppressedBy().rule());
    }

    @Test
    void startBackForShoulderPain_isScoredButNotMatchedToBackPainCare() {
        Evaluation e = evaluate(Patient.builder().age(44).pain(Region.SHOULDER, 10.0, 6)
                .startBack(new org.physiocds.model.StartBackAnswers(true, true, false, false, true, true, true, true,
                        org.physiocds.model.Bothersomeness.VERY_MUCH)).build());

        assertEquals(org.physiocds.StartBackResult.Stratum.HIGH, e.startBack().stratum());
        assertTrue(Kb.ruleIds(e).stream().noneMatch(id -> id.equals("SBT-01") || id.equals("SBT-02") || id.equals("SBT-03")),
                Kb.ruleIds(e)::toString);
    }

    // ---- 4. Guarding follows the complaint ------------------------------------------------------

    @Test
    void neckPatientWorseTheDayAfterStretching_isToldTheNeckMusclesGuardNotTheLowerBack() {
        Evaluation e = evaluate(Patient.builder().age(44).pain(Region.NECK, 10.0, 5)
                .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).shortened().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).worseNextDay(true).build())
                .build());

        assertEquals("SAF-05", recommendation(e, Action.DO_NOT_STRETCH, Region.NECK).orElseThrow().explanation().rule());
        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK));
        assertTrue(everyRationale(e).stream().noneMatch(r -> r.contains("lower back muscles are suspected")));
        assertEquals("SAF-05", suppressed(e, Action.STRETCH, Muscle.UPPER_TRAPEZIUS, Side.BOTH).orElseThrow()
                .suppressedBy().rule());
    }

    @Test
    void hipPainReturning15MinutesAfterStretching_guardsTheHipNeitherStretchingPiriformisNorMobilisingTheHip() {
        Evaluation e = evaluate(Patient.builder().age(39).pain(Region.HIP, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).shortened().feelsTight())
                .stretching(StretchingHistory.builder().sessionsPerWeek(10).painReturnsWithinMinutes(15).build())
                .build());

        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Region.HIP));
        assertFalse(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK));
        assertEquals("SAF-05", suppressed(e, Action.STRETCH, Muscle.PIRIFORMIS, Side.BOTH).orElseThrow()
                .suppressedBy().rule());
        assertEquals("SAF-05", suppressed(e, Action.MOBILIZE, Region.HIP).orElseThrow().suppressedBy().rule());
    }

    // ---- 5. An emergency withholds ASSESS too ---------------------------------------------------

    @Test
    void emergencyReferral_withholdsAssessmentsSoOnlyReferralsAndWhatNotToDoStand() {
        Evaluation e = evaluate(Patient.builder().age(47).pain(Region.LOWER_BACK, 0.5, 8)
                .redFlags(RedFlag.BLADDER_OR_BOWEL_DYSFUNCTION)
                .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).feelsTight())
                .signs(Sign.HIP_MOBILITY_RESTRICTED)
                .build());

        assertTrue(e.recommendations().stream().allMatch(r -> r.action() == Action.REFER
                || r.action() == Action.DO_NOT_STRETCH), e.recommendations()::toString);
        assertEquals("RFL-11", suppressed(e, Action.ASSESS, Muscle.PIRIFORMIS, Side.BOTH).orElseThrow().suppressedBy().rule());
        assertEquals("RFL-11", suppressed(e, Action.ASSESS, Region.HIP).orElseThrow().suppressedBy().rule());
    }

    // ---- 6. G35 counts only advice left standing ------------------------------------------------

    @Test
    void onlyStrengtheningIsWithheld_stretchingIsStillBalancedWithStrengthening() {
        // The calves are torn, so strengthening them is withheld; the hip flexor stretch stands alone.
        Evaluation e = evaluate(Patient.builder().age(31)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.CALVES).weak().normalLength().doesNotFeelTight())
                .injury(Injury.tear(Muscle.CALVES).daysAgo(10))
                .build());

        assertTrue(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS, Side.BOTH));
        assertTrue(suppressed(e, Action.STRENGTHEN, Muscle.CALVES, Side.BOTH).isPresent());
        assertEquals("PRG-03", recommendation(e, Action.STRENGTHEN, Topic.BALANCE_WITH_STRENGTHENING).orElseThrow()
                .explanation().rule());
    }

    // ---- 7. Wording and noise -------------------------------------------------------------------

    @Test
    void guardingRationale_saysEspeciallyWhenStretchedAggressively() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(20).build()).build());

        String why = Kb.explanations(e).stream().filter(x -> x.rule().equals("SAF-05"))
                .findFirst().orElseThrow().rationale();
        assertTrue(why.contains("especially when stretched aggressively"), why);
        assertTrue(everyRationale(e).stream().noneMatch(r -> r.contains("least of all")));
    }

    @Test
    void oneStrain_givesOneReferral() {
        Evaluation e = evaluate(Patient.builder().injury(Injury.strain(Muscle.CALVES).daysAgo(3)).build());

        assertEquals(List.of("REFER CALVES"), e.recommendations().stream().filter(r -> r.action() == Action.REFER)
                .map(r -> r.action() + " " + r.target().code()).toList());
    }

    @Test
    void quadratusLumborumThatFeelsTightBesideWeakGlutes_isNotBothForbiddenAndSentForALengthAssessment() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.HIP, 8.0, 4)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).feelsTight())
                .build());

        assertEquals("RC-02", recommendation(e, Action.DO_NOT_STRETCH, Muscle.QUADRATUS_LUMBORUM, Side.BOTH)
                .orElseThrow().explanation().rule());
        assertFalse(recommends(e, Action.ASSESS, Muscle.QUADRATUS_LUMBORUM, Side.BOTH));
    }

    @Test
    void weakPiriformisWhoseLengthWasNeverAssessed_isNotCalledNotShort() {
        Evaluation e = evaluate(Patient.builder().age(50).pain(Region.HIP, 10.0, 4)
                .muscle(MuscleFinding.of(Muscle.PIRIFORMIS).weak().feelsTight()).build());

        assertTrue(everyRationale(e).stream().noneMatch(r -> r.contains("not short")), everyRationale(e)::toString);
        assertTrue(recommends(e, Action.ASSESS, Muscle.PIRIFORMIS, Side.BOTH), "its length is to be assessed first");
        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.PIRIFORMIS, Side.BOTH));
        assertFalse(recommends(e, Action.STRETCH, Muscle.PIRIFORMIS, Side.BOTH));
    }

    @Test
    void lowerBackDoNotStretch_citesSeed000sOwnSentence() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5).build());

        Explanation why = recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow().explanation();
        assertTrue(why.citations().stream().anyMatch(c -> c.isQuote() && c.quote()
                .equals("Stretching the muscles around the lumbar spine area can aggravate lower back pain.")));
    }

    // ---- Honest citations -----------------------------------------------------------------------

    @Test
    void externalSources_areSummariesWithAReferenceNeverQuotes() {
        Evaluation e = evaluate(Patient.builder().redFlags(RedFlag.HISTORY_OF_CANCER).build());

        Explanation why = e.recommendations().get(0).explanation();
        assertEquals("RFL-12", why.rule());
        assertTrue(why.citations().stream().allMatch(c -> !c.isQuote() && c.summary() != null
                && c.source().contains("https://")), why.citations()::toString);
        assertTrue(why.citations().stream().noneMatch(c -> c.summary().startsWith("Think about")));
    }

    private static void assertNoStretchAndEachSuppressedBy(Evaluation e, String rule, Muscle... muscles) {
        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.STRETCH), e.recommendations()::toString);
        for (Muscle m : muscles) {
            SuppressedRecommendation s = e.suppressed().stream()
                    .filter(x -> x.action() == Action.STRETCH && x.target() == m).findFirst()
                    .orElseThrow(() -> new AssertionError("STRETCH " + m + " not reported as suppressed"));
            Set<String> by = java.util.stream.Stream.concat(java.util.stream.Stream.of(s.suppressedBy()),
                    s.alsoSuppressedBy().stream()).map(Explanation::rule).collect(Collectors.toSet());
            assertTrue(by.contains(rule), m + " suppressed by " + by);
        }
    }

    private static List<String> everyRationale(Evaluation e) {
        return Kb.explanations(e).stream().map(Explanation::rationale).toList();
    }

    @Test
    void noSideOnRegionsAndNoTopicOnMuscles() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight()).build());

        for (Recommendation r : e.recommendations()) {
            if (r.target() instanceof Muscle) {
                assertNull(r.topic(), r::toString);
            } else {
                assertNull(r.side(), r::toString);
            }
        }
    }
}
