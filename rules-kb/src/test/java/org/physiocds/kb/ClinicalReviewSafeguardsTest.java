package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.explanations;
import static org.physiocds.kb.Kb.flag;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.suppressed;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.WhatIf;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;
import org.physiocds.text.TextReport;

/**
 * A second independent clinical review (issue 20, part A): the edges of the safeguards. Each test is
 * a realistic patient, named for what a physiotherapist reading the report would check.
 */
class ClinicalReviewSafeguardsTest {

    private static final JsonCodec JSON = new JsonCodec();

    // ---- 1. Suspected spinal infection is an emergency ---------------------------------------

    /** Fever with each risk factor: same-day emergency referral, everything else withheld. */
    @ParameterizedTest(name = "fever with {0}")
    @EnumSource(value = RedFlag.class, names = {"INTRAVENOUS_DRUG_USE", "RECENT_INFECTION", "IMMUNOSUPPRESSION"})
    void newBackPainWithFeverAndARiskFactor_isASameDayEmergencyForSuspectedSpinalInfection(RedFlag riskFactor) {
        Evaluation e = evaluate(Patient.builder().age(38).pain(Region.LOWER_BACK, 1.0, 8)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened())
                .redFlags(RedFlag.FEVER, riskFactor).build());

        Recommendation refer = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow();
        assertEquals("emergency: same day", refer.dosage());
        assertTrue(refer.explanation().rationale().contains("suspected spinal infection"), refer.explanation().rationale());
        assertEquals(Urgency.EMERGENCY, e.exerciseWithheld().urgency());
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
    }

    @Test
    void feverAloneStaysUrgentWhileFeverWithInjectingDrugUseIsAnEmergency() {
        Evaluation feverAlone = evaluate(Patient.builder().age(38).pain(Region.LOWER_BACK, 1.0, 8)
                .redFlags(RedFlag.FEVER).build());
        Evaluation withDrugUse = evaluate(Patient.builder().age(38).pain(Region.LOWER_BACK, 1.0, 8)
                .redFlags(RedFlag.FEVER, RedFlag.INTRAVENOUS_DRUG_USE).build());

        assertEquals(Urgency.URGENT, feverAlone.exerciseWithheld().urgency());
        assertEquals(Urgency.EMERGENCY, withDrugUse.exerciseWithheld().urgency());
    }

    // ---- 2. An injury whose structure is not named -------------------------------------------

    @Test
    void ankleSprainWithTheStructureNotNamed_holdsEveryStretchAndTheAnkleMobilisationUntilCleared() {
        // A netball player, 27, rolled her ankle ten days ago; the record says only "injury".
        Evaluation e = evaluate(Patient.builder().age(27).pain(Region.ANKLE, 1.5, 5)
                .injury(Injury.notToAMuscle(InjuryType.OTHER).daysAgo(10))
                .muscle(MuscleFinding.of(Muscle.CALVES).left().shortened())
                .signs(Sign.ANKLE_MOBILITY_RESTRICTED)
                .redFlags().build());

        assertFalse(recommends(e, Action.STRETCH, Muscle.CALVES));
        assertFalse(recommends(e, Action.MOBILIZE, Region.ANKLE));
        assertEquals("SAF-03", suppressed(e, Action.STRETCH, Muscle.CALVES).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-03", suppressed(e, Action.MOBILIZE, Region.ANKLE).orElseThrow().suppressedBy().rule());
        Recommendation clearance = recommendation(e, Action.REFER, Topic.INJURY_CLEARANCE).orElseThrow();
        assertTrue(clearance.explanation().rationale().contains("every stretch waits"));
        assertFalse(TextReport.render(e).contains("Withheld: nothing"));
    }

    @Test
    void injuryToAnUnnamedStructureWithThePainfulRegionUnknown_holdsEveryMobilisation() {
        Evaluation e = evaluate(Patient.builder().age(45)
                .injury(Injury.notToAMuscle(InjuryType.OTHER).daysAgo(3))
                .signs(Sign.HIP_MOBILITY_RESTRICTED, Sign.THORACIC_MOBILITY_RESTRICTED)
                .redFlags().build());

        assertFalse(recommends(e, Action.MOBILIZE, Region.HIP));
        assertFalse(recommends(e, Action.MOBILIZE, Region.UPPER_BACK));
        assertEquals("SAF-03", suppressed(e, Action.MOBILIZE, Region.HIP).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-03", suppressed(e, Action.MOBILIZE, Region.UPPER_BACK).orElseThrow().suppressedBy().rule());
    }

    // ---- 3. A surgery holds every muscle and region that loads the operated region ---------------

    @Test
    void fourWeeksAfterShoulderSurgery_holdsTheScapularMusclesAndThoracicMobilisation() {
        // A 48-year-old four weeks after a rotator cuff repair, rounded shoulders, stiff upper back.
        Evaluation e = evaluate(Patient.builder().age(48).pain(Region.SHOULDER, 4.0, 4)
                .surgery(Surgery.of(Region.SHOULDER).daysAgo(28))
                .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened().feelsTight())
                // Assessed weak, so that strengthening them is proposed (unassessed, they are only assessed).
                .muscle(MuscleFinding.of(Muscle.RHOMBOIDS).weak().lengthened())
                .muscle(MuscleFinding.of(Muscle.LOWER_TRAPEZIUS).weak().lengthened())
                .signs(Sign.THORACIC_MOBILITY_RESTRICTED)
                .redFlags().build());

        for (Muscle m : List.of(Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS)) {
            assertFalse(recommends(e, Action.STRENGTHEN, m), m.name());
            assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, m).orElseThrow().suppressedBy().rule());
        }
        assertFalse(recommends(e, Action.MOBILIZE, Region.UPPER_BACK));
        assertEquals("SAF-04", suppressed(e, Action.MOBILIZE, Region.UPPER_BACK).orElseThrow().suppressedBy().rule());
        String why = recommendation(e, Action.REFER, Region.SHOULDER).orElseThrow().explanation().rationale();
        assertTrue(why.contains("rhomboids"), why);
    }

    @Test
    void rightHipReplacementSixWeeksAgo_strengthensTheLeftGlutesAndHoldsTheRight() {
        Evaluation e = evaluate(Patient.builder().age(63).pain(Region.HIP, 10.0, 3)
                .surgery(Surgery.of(Region.HIP).right().daysAgo(42))
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .redFlags().build());

        assertTrue(recommends(e, Action.STRENGTHEN, Muscle.GLUTES, Side.LEFT));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.GLUTES, Side.RIGHT));
        assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, Muscle.GLUTES, Side.RIGHT).orElseThrow().suppressedBy().rule());
        // No side given: both sides are held.
        Evaluation noSide = evaluate(Patient.builder().age(63).pain(Region.HIP, 10.0, 3)
                .surgery(Surgery.of(Region.HIP).daysAgo(42))
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())
                .redFlags().build());
        assertFalse(noSide.recommendations().stream().anyMatch(r -> r.action() == Action.STRENGTHEN && r.target() == Muscle.GLUTES));
        assertTrue(suppressed(noSide, Action.STRENGTHEN, Muscle.GLUTES).isPresent());
    }

    @Test
    void sixWeeksAfterLumbarDiscectomy_holdsTheGluteBridgeLikeTheDeepCoreAndTheHipMobilisation() {
        // A sedentary 52-year-old, weak glutes and a stiff hip, six weeks after a discectomy.
        Evaluation e = evaluate(Patient.builder().age(52).pain(Region.LOWER_BACK, 14.0, 3)
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(42))
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak())
                .lifestyle(Lifestyle.SEDENTARY)
                .signs(Sign.HIP_MOBILITY_RESTRICTED)
                .redFlags().build());

        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.GLUTES));
        assertEquals("SAF-04", suppressed(e, Action.STRENGTHEN, Muscle.GLUTES).orElseThrow().suppressedBy().rule());
        assertFalse(recommends(e, Action.MOBILIZE, Region.HIP));
        assertEquals("SAF-04", suppressed(e, Action.MOBILIZE, Region.HIP).orElseThrow().suppressedBy().rule());
    }

    @Test
    void afterHipSurgery_noLockedHipCompensationIsGivenForTheExpectedStiffness() {
        Evaluation e = evaluate(Patient.builder().age(70).pain(Region.HIP, 6.0, 3)
                .surgery(Surgery.of(Region.HIP).daysAgo(40))
                .signs(Sign.HIP_MOBILITY_RESTRICTED)
                .redFlags().build());

        assertTrue(explanations(e).stream().noneMatch(x -> x.rationale().contains("locked hip")));
        assertTrue(flag(e, FlagCode.COMPENSATION).isEmpty());
    }

    // ---- 4. Decompression is not for everyone, and never traction ----------------------------

    @Test
    void seventyEightYearOldWithCompressionSigns_isNotToldToHangOrUseTraction() {
        Evaluation e = evaluate(Patient.builder().age(78).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION)
                .redFlags().build());

        assertFalse(recommends(e, Action.DECOMPRESS, Region.LOWER_BACK));
        SuppressedRecommendation held = suppressed(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow();
        assertEquals("SAF-09", held.suppressedBy().rule());
        assertTrue(held.suppressedBy().rationale().contains("Aged 78"), held.suppressedBy().rationale());
        assertTrue(explanations(e).stream().noneMatch(x -> x.rationale().contains("traction")));
        String daily = recommendation(e, Action.ADVISE, Topic.DAILY_PRACTICE).map(r -> r.explanation().rationale()).orElse("");
        assertFalse(daily.contains("decompress first"), daily);
    }

    @Test
    void decompression_isWithheldWithAFractureFlagInstabilityRecentSpinalSurgeryOrAnUrgentReferral() {
        Patient.Builder compressed = Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5).signs(Sign.SPINAL_COMPRESSION);
        Evaluation plain = evaluate(compressed.redFlags().build());
        Evaluation steroids = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags(RedFlag.PROLONGED_CORTICOSTEROID_USE).build());
        Evaluation unstable = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags()
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(20).build()).build());
        Evaluation operated = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags().surgery(Surgery.of(Region.LOWER_BACK).daysAgo(30)).build());
        Evaluation cancer = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags(RedFlag.HISTORY_OF_CANCER).build());

        assertTrue(recommends(plain, Action.DECOMPRESS, Region.LOWER_BACK), "the control: decompress first");
        assertTrue(recommendation(plain, Action.ADVISE, Topic.DAILY_PRACTICE).orElseThrow()
                .explanation().rationale().contains("decompress first"));
        assertEquals("SAF-10", suppressed(steroids, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-11", suppressed(unstable, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-04", suppressed(operated, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("RFL-12", suppressed(cancer, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        for (Evaluation e : List.of(steroids, unstable, operated, cancer)) {
            assertFalse(recommends(e, Action.DECOMPRESS, Region.LOWER_BACK));
        }
    }

    // ---- 5. Red flags the record already shows are raised ----------------------------------------

    @Test
    void sixtyTwoYearOldWithThreeWeeksOfNewBackPain_getsTheNewOnsetFlagDerivedFromAgeAndDuration() {
        Evaluation e = evaluate(Patient.builder().age(62).pain(Region.LOWER_BACK, 3.0, 5)
                .redFlags().build());

        Recommendation review = recommendation(e, Action.REFER, Topic.RED_FLAG_REVIEW).orElseThrow();
        String why = review.explanation().rationale();
        assertTrue(why.contains("New back pain after the age of 50"), why);
        assertTrue(why.contains("derived from the record, age 62 and back pain for 3 weeks"), why);
        assertTrue(flag(e, FlagCode.RED_FLAG).isPresent());
    }

    @Test
    void fourteenYearOldWithBackPain_isReferredForAMedicalReviewBeforeAnyProgrammeWithoutStartBackCare() {
        Evaluation e = evaluate(Patient.builder().age(14).pain(Region.LOWER_BACK, 5.0, 6)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened())
                .startBack(new StartBackAnswers(false, false, false, false, false, false, false, false, Bothersomeness.SLIGHTLY))
                .redFlags().build());

        Recommendation refer = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow();
        assertTrue(refer.explanation().rationale().contains("under 16"), refer.explanation().rationale());
        assertTrue(explanations(e).stream().anyMatch(x -> x.rule().equals("RFL-20") && x.guidance().contains("NG59-SCOPE")));
        assertTrue(e.isExerciseWithheld());
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
        assertFalse(recommends(e, Action.ADVISE, Topic.SELF_MANAGEMENT));
        assertTrue(e.recommendations().stream().noneMatch(r -> r.explanation().rationale().contains("rarely serious")));
    }

    // ---- 6. Fracture flags add up ---------------------------------------------------------------

    @Test
    void olderPatientOnLongTermSteroidsWithNewBackPain_isUrgentForAssessmentAndImagingWithExerciseHeld() {
        Evaluation e = evaluate(Patient.builder().age(67).pain(Region.LOWER_BACK, 2.0, 7)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak())
                .redFlags(RedFlag.AGE_OVER_50_NEW_PAIN, RedFlag.PROLONGED_CORTICOSTEROID_USE).build());

        Recommendation refer = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow();
        String why = refer.explanation().rationale();
        assertTrue(why.contains("together they raise it much further"), why);
        assertTrue(why.contains("imaging"), why);
        assertEquals(Urgency.URGENT, e.exerciseWithheld().urgency());
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.GLUTES));
        assertTrue(e.recommendations().stream().noneMatch(r -> r.explanation().rationale().contains("single low-specificity flag")));
    }

    @Test
    void reviewWording_saysSingleFlagOnlyWhenThereIsOne() {
        Evaluation one = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 4)
                .redFlags(RedFlag.NIGHT_PAIN).build());
        Evaluation two = evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 20.0, 4)
                .redFlags(RedFlag.NIGHT_PAIN, RedFlag.PROLONGED_CORTICOSTEROID_USE).build());

        assertTrue(recommendation(one, Action.REFER, Topic.RED_FLAG_REVIEW).orElseThrow()
                .explanation().rationale().contains("a single low-specificity flag on its own"));
        String both = recommendation(two, Action.REFER, Topic.RED_FLAG_REVIEW).orElseThrow().explanation().rationale();
        assertFalse(both.contains("single"), both);
        assertFalse(both.contains("on its own it does not withhold"), both);
    }

    // ---- 7. Not screened is not "none" --------------------------------------------------------

    @Test
    void redFlagsNotScreened_saysSoInTheReportAndTheJsonAndTheWhatIfAsksForTheScreen() {
        Patient notScreened = Patient.builder().age(40).pain(Region.LOWER_BACK, 20.0, 4).build();
        Patient screenedNone = notScreened.toBuilder().redFlags().build();

        Evaluation e = Kb.ENGINE.evaluateWithMissingData(notScreened);
        Evaluation none = Kb.ENGINE.evaluateWithMissingData(screenedNone);

        assertFalse(e.redFlagsScreened());
        assertTrue(TextReport.render(e).contains("Red flags: not screened - screen before starting exercise"));
        assertTrue(JSON.writeEvaluationLine(e).contains("\"redFlagsScreened\":false"), JSON.writeEvaluationLine(e));
        assertTrue(e.missingData().stream().anyMatch(w -> w.path().equals("redFlags")));
        assertTrue(none.redFlagsScreened());
        assertFalse(TextReport.render(none).contains("not screened"));
        assertFalse(JSON.writeEvaluation(none).contains("redFlagsScreened"));
        assertTrue(none.missingData().stream().map(WhatIf::path).noneMatch("redFlags"::equals));
        assertEquals(e, JSON.readEvaluation(JSON.writeEvaluation(e)));
    }

    // ---- Low: wording, folding, warnings --------------------------------------------------------

    @Test
    void underAnUrgentReferral_aFlagToReviewFoldsIntoItInsteadOfSayingTheProgrammeGoesAhead() {
        Evaluation e = evaluate(Patient.builder().age(58).pain(Region.LOWER_BACK, 10.0, 6)
                .redFlags(RedFlag.HISTORY_OF_CANCER, RedFlag.IMMUNOSUPPRESSION).build());

        assertFalse(recommends(e, Action.REFER, Topic.RED_FLAG_REVIEW));
        String urgent = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(urgent.contains("Also to review within this referral: Immunosuppression"), urgent);
        assertTrue(explanations(e).stream().noneMatch(x -> x.rationale().contains("does not withhold the exercise programme")));
    }

    @Test
    void neckPainAfterACarCrash_isWordedForTheNeckAndDoesNotCiteTheCaudaEquinaPathway() {
        Evaluation neck = evaluate(Patient.builder().age(33).pain(Region.NECK, 0.5, 7)
                .redFlags(RedFlag.MAJOR_TRAUMA, RedFlag.GAIT_DISTURBANCE).build());
        Evaluation back = evaluate(Patient.builder().age(33).pain(Region.LOWER_BACK, 0.5, 7)
                .redFlags(RedFlag.SADDLE_ANESTHESIA).build());

        String why = recommendation(neck, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("neck pain that began with major trauma"), why);
        assertFalse(why.contains("back pain that began with major trauma"), why);
        assertTrue(explanations(neck).stream().noneMatch(x -> x.guidance().contains("CES-GIRFT-2023")));
        assertTrue(explanations(back).stream().anyMatch(x -> x.guidance().contains("CES-GIRFT-2023")));
    }

    @Test
    void newPainAfter50FlaggedForAFortyYearOld_givesAWarningInTheResult() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.LOWER_BACK, 2.0, 5)
                .redFlags(RedFlag.AGE_OVER_50_NEW_PAIN).build());

        assertEquals(1, e.warnings().size());
        assertTrue(e.warnings().get(0).contains("AGE_OVER_50_NEW_PAIN"), e.warnings().get(0));
        assertTrue(e.warnings().get(0).contains("40"));
        assertTrue(TextReport.render(e).contains("WARNING, check the record: redFlags: AGE_OVER_50_NEW_PAIN"));
        assertEquals(e, JSON.readEvaluation(JSON.writeEvaluation(e)));
        assertEquals(List.of(), evaluate(Patient.builder().age(55).pain(Region.LOWER_BACK, 2.0, 5)
                .redFlags(RedFlag.AGE_OVER_50_NEW_PAIN).build()).warnings());
    }

    /** Every explanation of the result names its rule: a helper for readable failures. */
    @SuppressWarnings("unused")
    private static List<String> rules(Evaluation e) {
        return explanations(e).stream().map(Explanation::rule).toList();
    }
}
