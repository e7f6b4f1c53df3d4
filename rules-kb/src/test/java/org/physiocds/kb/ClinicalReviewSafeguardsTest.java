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
        // A 48-year-old four weeks after a rotator cuff repair, rounded shoulders (weak scapular
        // retractors, assessed), stiff upper back.
        Evaluation e = evaluate(Patient.builder().age(48).pain(Region.SHOULDER, 4.0, 4)
                .surgery(Surgery.of(Region.SHOULDER).daysAgo(28))
                .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened().feelsTight())
                // Assessed weak: part B strengthens the opposing muscles only when assessed weak.
                .muscle(MuscleFinding.of(Muscle.RHOMBOIDS).weak())
                .muscle(MuscleFinding.of(Muscle.LOWER_TRAPEZIUS).weak())
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
        assertTrue(why.contains("New pain after the age of 50"), why);
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

    @Test
    void startBackAnswersForAThirteenYearOld_aWarningSaysTheToolIsForAdultsAndNoStratifiedCareIsGiven() {
        Evaluation e = evaluate(Patient.builder().age(13).pain(Region.LOWER_BACK, 1.0, 3)
                .startBack(new org.physiocds.model.StartBackAnswers(false, false, false, false, false, false, false,
                        false, org.physiocds.model.Bothersomeness.SLIGHTLY))
                .redFlags().build());

        assertEquals(1, e.warnings().size(), String.valueOf(e.warnings()));
        assertTrue(e.warnings().get(0).startsWith("startBack: the STarT Back answers were given for a patient aged 13"));
        assertTrue(TextReport.render(e).contains("WARNING, check the record: startBack:"));
        assertTrue(e.recommendations().stream().noneMatch(r -> Kb.ruleIds(r).stream().anyMatch(id -> id.startsWith("SBT-"))),
                "no stratified care under 16");
        assertEquals(List.of(), evaluate(Patient.builder().age(16).pain(Region.LOWER_BACK, 1.0, 3)
                .startBack(new org.physiocds.model.StartBackAnswers(false, false, false, false, false, false, false,
                        false, org.physiocds.model.Bothersomeness.SLIGHTLY)).redFlags().build()).warnings());
    }

    /** Every explanation of the result names its rule: a helper for readable failures. */
    @SuppressWarnings("unused")
    private static List<String> rules(Evaluation e) {
        return explanations(e).stream().map(Explanation::rule).toList();
    }

    // ---- Third review (fix-triage), HIGH 1: fever with a painful peripheral joint ------------

    @Test
    void feverWithAPainfulKnee_isASameDayEmergencyForSuspectedSepticArthritis() {
        // A 40-year-old with a week of knee pain and a temperature: septic arthritis until shown otherwise.
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.KNEE, 1.0, 7)
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).weak())
                .redFlags(RedFlag.FEVER).build());

        Recommendation refer = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow();
        String why = refer.explanation().rationale();
        assertEquals(Urgency.EMERGENCY, e.exerciseWithheld().urgency());
        assertTrue(why.contains("septic arthritis"), why);
        assertTrue(why.contains("emergency department (or the on-call orthopaedic"), why);
        assertFalse(why.contains("spinal"), why);
        assertFalse(why.contains("back-pain"), why);
        assertTrue(explanations(e).stream().anyMatch(x -> x.rule().equals("RFL-23")
                && x.guidance().contains("BSR-HOT-JOINT")));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.QUADRICEPS));
    }

    @Test
    void feverTwelveDaysAfterAKneeReplacement_isASuspectedProstheticJointInfection() {
        Evaluation e = evaluate(Patient.builder().age(70).pain(Region.KNEE, 1.0, 6)
                .surgery(Surgery.of(Region.KNEE).left().daysAgo(12))
                .redFlags(RedFlag.FEVER).build());

        String why = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow().explanation().rationale();
        assertEquals(Urgency.EMERGENCY, e.exerciseWithheld().urgency());
        assertTrue(why.contains("prosthetic or post-operative joint infection"), why);
        assertFalse(why.contains("spinal infection"), why);
    }

    @Test
    void feverWithBackPainAloneStaysAnUrgentSuspectedSpinalInfection() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.LOWER_BACK, 1.0, 7)
                .redFlags(RedFlag.FEVER).build());

        assertEquals(Urgency.URGENT, e.exerciseWithheld().urgency());
        assertTrue(recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow()
                .explanation().rationale().contains("spinal infection"));
    }

    // ---- Third review, HIGH 7: new neck or upper back pain after 50 --------------------------

    @Test
    void newNeckPainInAnEightyTwoYearOld_raisesTheOver50NewPainReview() {
        // An 82-year-old with a week of new neck pain and a short upper trapezius; screened, nothing ticked.
        Evaluation e = evaluate(Patient.builder().age(82).pain(Region.NECK, 1.0, 6)
                .muscle(MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).shortened())
                .redFlags().build());

        Recommendation review = recommendation(e, Action.REFER, Topic.RED_FLAG_REVIEW).orElseThrow();
        String why = review.explanation().rationale();
        assertTrue(why.contains("new pain after the age of 50"), why);
        assertTrue(why.contains("age 82 and neck pain for 1 weeks"), why);
        assertFalse(why.contains("back pain"), why);
    }

    @Test
    void newUpperBackPainAfter50_raisesTheReviewButAnOlderKneeDoesNot() {
        Evaluation upperBack = evaluate(Patient.builder().age(67).pain(Region.UPPER_BACK, 2.0, 5).redFlags().build());
        Evaluation knee = evaluate(Patient.builder().age(67).pain(Region.KNEE, 2.0, 5).redFlags().build());

        assertTrue(recommendation(upperBack, Action.REFER, Topic.RED_FLAG_REVIEW).isPresent());
        assertFalse(recommendation(knee, Action.REFER, Topic.RED_FLAG_REVIEW).isPresent());
    }

    // ---- Third review, HIGH 5 and MEDIUM 9 (child wording): under 16, every region ------------

    @Test
    void thirteenYearOldWithKneePain_isReferredForAMedicalReviewBeforeAnyProgramme() {
        // A 13-year-old footballer, three weeks of knee pain, weak left quadriceps: may be referred hip pain.
        Evaluation e = evaluate(Patient.builder().age(13).pain(Region.KNEE, 3.0, 5)
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).left().weak())
                .redFlags().build());

        Recommendation refer = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow();
        String why = refer.explanation().rationale();
        assertTrue(why.contains("Knee pain in a child or adolescent (under 16)"), why);
        assertTrue(why.contains("slipped capital femoral epiphysis"), why);
        assertFalse(why.contains("back pain"), why);
        assertTrue(e.isExerciseWithheld());
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.QUADRICEPS));
        assertFalse(recommends(e, Action.STABILIZE, Region.KNEE));
        assertTrue(flag(e, FlagCode.RED_FLAG).isPresent());
    }

    @Test
    void thirteenYearOldWithNeckPain_isNotWordedAsBackPainInAChild() {
        Evaluation e = evaluate(Patient.builder().age(13).pain(Region.NECK, 3.0, 5).redFlags().build());

        String why = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("neck pain in a child or adolescent"), why);
        assertFalse(why.contains("back pain in a child"), why);
        assertFalse(why.toLowerCase().contains("back-pain care"), why);
    }

    // ---- Third review, HIGH 4: an unnamed injury holds all loading of the painful region -----

    @Test
    void kneeInjuryOfUnknownStructureFiveDaysAgo_holdsStabilisationAndStrengtheningOfTheKneeUntilCleared() {
        // "Hurt my knee five days ago" and nothing else recorded: no stabilising or loading the knee yet.
        Evaluation e = evaluate(Patient.builder().pain(Region.KNEE, 1.0, 5)
                .injury(Injury.notToAMuscle(InjuryType.OTHER).daysAgo(5))
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).weak())
                .build());

        assertFalse(recommends(e, Action.STABILIZE, Region.KNEE));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.QUADRICEPS));
        assertEquals("SAF-03", suppressed(e, Action.STABILIZE, Region.KNEE).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-03", suppressed(e, Action.STRENGTHEN, Muscle.QUADRICEPS).orElseThrow().suppressedBy().rule());
        String why = recommendation(e, Action.REFER, Topic.INJURY_CLEARANCE).orElseThrow().explanation().rationale();
        assertTrue(why.contains("all loading of the painful region (knee)"), why);
        assertFalse(TextReport.render(e).contains("Withheld: nothing"));
    }

    // ---- Third review, HIGH 3: no hanging with shoulder pain, after shoulder surgery, for the neck

    @Test
    void shoulderPainWithSpinalCompressionSigns_isNeverToldToHangFromABar() {
        // A 40-year-old with ten weeks of shoulder pain and signs of spinal compression.
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.SHOULDER, 10.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags().build());

        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.DECOMPRESS));
        assertTrue(e.recommendations().stream().noneMatch(r -> r.explanation().rationale().contains("hanging")),
                TextReport.render(e));
        SuppressedRecommendation held = e.suppressed().stream().filter(s -> s.action() == Action.DECOMPRESS).findFirst().orElseThrow();
        assertEquals("SAF-14", held.suppressedBy().rule());
        assertTrue(held.suppressedBy().rationale().contains("shoulder pain"), held.suppressedBy().rationale());
    }

    @Test
    void neckPainWithSpinalCompressionSigns_isNotDecompressedByHanging() {
        Evaluation e = evaluate(Patient.builder().age(45).pain(Region.NECK, 10.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags().build());

        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.DECOMPRESS));
        assertEquals("SAF-14", e.suppressed().stream().filter(s -> s.action() == Action.DECOMPRESS)
                .findFirst().orElseThrow().suppressedBy().rule());
        assertFalse(TextReport.render(e).contains("hanging from a bar"), TextReport.render(e));
    }

    @Test
    void lowBackPainWithCompressionSignsAfterAnOldShoulderOperation_isNotToldToHang() {
        Evaluation e = evaluate(Patient.builder().age(50).pain(Region.LOWER_BACK, 10.0, 5)
                .surgery(Surgery.of(Region.SHOULDER).daysAgo(400))
                .signs(Sign.SPINAL_COMPRESSION).redFlags().build());

        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.DECOMPRESS));
        assertEquals("SAF-14", e.suppressed().stream().filter(s -> s.action() == Action.DECOMPRESS)
                .findFirst().orElseThrow().suppressedBy().rule());
    }

    // ---- Third review, MEDIUM 10: the compression flag does not promote decompression --------

    @Test
    void seventyEightYearOldWithCompressionSigns_flagDoesNotPromoteTheWithheldDecompression() {
        Evaluation e = evaluate(Patient.builder().age(78).pain(Region.LOWER_BACK, 20.0, 5)
                .signs(Sign.SPINAL_COMPRESSION).redFlags().build());

        String flagText = flag(e, FlagCode.COMPRESSION).orElseThrow().explanation().rationale();
        assertTrue(e.suppressed().stream().anyMatch(s -> s.action() == Action.DECOMPRESS));
        assertFalse(flagText.contains("hanging"), flagText);
        assertFalse(flagText.contains("creates the space"), flagText);
    }

    // ---- Third review, MEDIUM 9: red-flag wording and destination fit the region ------------

    @Test
    void kneePainAfterMajorTrauma_isAFractureOrDislocationForTheEmergencyDepartmentNotASpinalFracture() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.KNEE, 1.0, 7)
                .redFlags(RedFlag.MAJOR_TRAUMA).build());

        String why = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("fracture or dislocation"), why);
        assertTrue(why.contains("emergency department"), why);
        assertFalse(why.contains("spinal"), why);
    }

    @Test
    void hipPainWithAHistoryOfCancer_isAPossibleBoneMetastasisOrPathologicalFracture() {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.HIP, 1.0, 5)
                .redFlags(RedFlag.HISTORY_OF_CANCER).build());

        String why = recommendation(e, Action.REFER, Topic.URGENT_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("bone metastasis or pathological fracture"), why);
        assertFalse(why.contains("spinal"), why);
        assertFalse(why.contains("back pain"), why);
    }

    @Test
    void neckPainWithFeverAndInjectingDrugUse_isNotToldAboutStratifiedBackPainCare() {
        Evaluation e = evaluate(Patient.builder().age(38).pain(Region.NECK, 1.0, 8)
                .redFlags(RedFlag.FEVER, RedFlag.INTRAVENOUS_DRUG_USE, RedFlag.NIGHT_PAIN).build());

        String why = recommendation(e, Action.REFER, Topic.EMERGENCY_REFERRAL).orElseThrow().explanation().rationale();
        assertTrue(why.contains("suspected spinal infection"), why);
        assertFalse(why.contains("back-pain care"), why);
    }

    // ---- Third review, MEDIUM 11: "not screened" comes first in the safety phase ------------

    @Test
    void nearEmptyKneeRecord_saysRedFlagsNotScreenedFirstInTheSafetyPhaseOfSummaryAndDetail() {
        Evaluation e = evaluate(Patient.builder().pain(Region.KNEE, null, null).build());
        String report = TextReport.render(e);
        String notScreened = "Red flags: not screened - screen before starting exercise";

        int summary = report.indexOf("SUMMARY");
        int details = report.indexOf("RECOMMENDATIONS (");
        int inSummary = report.indexOf(notScreened, summary);
        int inDetails = report.indexOf(notScreened, details);
        assertTrue(inSummary > summary && inSummary < details, report);
        assertTrue(inDetails > details, report);
        // Directly under the safety heading, before any item of the plan, in both.
        String safety = "Phase 1, SAFETY";
        assertTrue(report.indexOf(safety, summary) < inSummary && report.indexOf("\n", report.indexOf(safety, summary)) + 1
                == report.lastIndexOf("\n", inSummary) + 1, report);
        assertTrue(report.indexOf(safety, details) < inDetails && report.indexOf("\n", report.indexOf(safety, details)) + 1
                == report.lastIndexOf("\n", inDetails) + 1, report);
    }

    // ---- Third review, MEDIUM 3 and 4: sides agree between the explanation and the holds -----

    @Test
    void tenDaysAfterALeftKneeReplacement_theRightCalfHoldSaysPlainlyThatEveryStretchWaits() {
        Evaluation e = evaluate(Patient.builder().age(68).pain(Region.KNEE, 3.0, 6)
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).left().weak())
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened())
                .muscle(MuscleFinding.of(Muscle.CALVES).right().shortened())
                .surgery(Surgery.of(Region.KNEE).left().daysAgo(10))
                .redFlags().build());

        SuppressedRecommendation rightCalf = e.suppressed().stream()
                .filter(s -> s.action() == Action.STRETCH && s.target() == Muscle.CALVES && s.side() == Side.RIGHT)
                .findFirst().orElseThrow();
        String why = rightCalf.suppressedBy().rationale();
        assertTrue(why.contains("every stretch and decompression waits, whatever was operated and on both sides"), why);
        assertTrue(why.contains("(muscles on the left side)"), why);
    }

    @Test
    void rightAnkleInjuryNotToAMuscle_holdsTheRightSideOnlyAsItsExplanationSays() {
        // A 31-year-old: right calf tear and a right ankle sprain two weeks ago, both calves short.
        Evaluation e = evaluate(Patient.builder().age(31).pain(Region.ANKLE, 2.0, 5)
                .muscle(MuscleFinding.of(Muscle.CALVES).shortened().feelsTight())
                .injury(Injury.tear(Muscle.CALVES).right().daysAgo(14))
                .injury(Injury.notToAMuscle(InjuryType.OTHER).right().daysAgo(14))
                .redFlags().build());

        assertTrue(e.recommendations().stream().anyMatch(r -> r.action() == Action.STRETCH
                && r.target() == Muscle.CALVES && r.side() == Side.LEFT), TextReport.render(e));
        assertFalse(e.recommendations().stream().anyMatch(r -> r.action() == Action.STRETCH
                && r.target() == Muscle.CALVES && r.side() != Side.LEFT));
        String clearance = recommendation(e, Action.REFER, Topic.INJURY_CLEARANCE).orElseThrow().explanation().rationale();
        assertTrue(clearance.contains("every stretch on the right side (the injured side) waits"), clearance);
    }

    // ---- Second review of this round: no resisted testing before a fracture is excluded ----------

    @Test
    void eightyYearOldWithOsteoporosisMinorTraumaAndSteroids_musclesAreNotTestedBeforeTheFractureIsExcluded() {
        Evaluation e = evaluate(Patient.builder().age(80).pain(Region.UPPER_BACK, 2.0, 7)
                .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened())
                .redFlags(RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS, RedFlag.PROLONGED_CORTICOSTEROID_USE).build());

        assertEquals(Urgency.URGENT, e.exerciseWithheld().urgency());
        assertFalse(e.recommendations().stream().anyMatch(r -> r.action() == Action.ASSESS), "no muscle tests yet");
        assertTrue(e.suppressed().stream().anyMatch(s -> s.action() == Action.ASSESS), "the tests are withheld, and said so");

        Evaluation cancer = evaluate(Patient.builder().age(60).pain(Region.UPPER_BACK, 2.0, 7)
                .muscle(MuscleFinding.of(Muscle.PECTORALS).shortened())
                .redFlags(RedFlag.HISTORY_OF_CANCER).build());
        assertEquals(Urgency.URGENT, cancer.exerciseWithheld().urgency());
        assertTrue(cancer.recommendations().stream().anyMatch(r -> r.action() == Action.ASSESS),
                "the control: without a suspected fracture the assessment stands under an urgent referral");
    }

}
