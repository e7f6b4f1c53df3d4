package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.flag;
import static org.physiocds.kb.Kb.recommendation;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.ExerciseHold;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Severity;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * The typed signals an application drives its cards and colours with, instead of parsing text: a
 * referral's urgency and reason, a flag's severity, whether a do-not-stretch is a contraindication,
 * whether exercise is withheld, and the stamp of what produced the result.
 */
class SafetySignalsTest {

    private static Evaluation withRedFlag(RedFlag flag) {
        return evaluate(Patient.builder().age(45).pain(Region.LOWER_BACK, 3.0, 6)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).normalStrength().shortened().feelsTight())
                .redFlags(flag).build());
    }

    @ParameterizedTest(name = "{0} alone: {1}, flag {2}")
    @CsvSource({
        "SADDLE_ANESTHESIA,                EMERGENCY, CRITICAL",
        "BLADDER_OR_BOWEL_DYSFUNCTION,     EMERGENCY, CRITICAL",
        "PROGRESSIVE_NEUROLOGICAL_DEFICIT, EMERGENCY, CRITICAL",
        "GAIT_DISTURBANCE,                 EMERGENCY, CRITICAL",
        "MAJOR_TRAUMA,                     EMERGENCY, CRITICAL",
        "HISTORY_OF_CANCER,                URGENT,    CRITICAL",
        "MINOR_TRAUMA_WITH_OSTEOPOROSIS,   URGENT,    CRITICAL",
        "UNEXPLAINED_WEIGHT_LOSS,          REVIEW,    WARNING",
        "NIGHT_PAIN,                       REVIEW,    WARNING",
        "AGE_OVER_50_NEW_PAIN,             REVIEW,    WARNING",
        "FEVER,                            URGENT,    CRITICAL",
        "IMMUNOSUPPRESSION,                REVIEW,    WARNING",
        "INTRAVENOUS_DRUG_USE,             REVIEW,    WARNING",
        "RECENT_INFECTION,                 REVIEW,    WARNING",
        "PROLONGED_CORTICOSTEROID_USE,     REVIEW,    WARNING",
    })
    void everyRedFlag_givesAReferralOfItsUrgencyAndAFlagOfItsSeverity(RedFlag redFlag, Urgency urgency, Severity severity) {
        Evaluation e = withRedFlag(redFlag);

        Recommendation refer = e.recommendations().get(0);
        assertEquals(Action.REFER, refer.action());
        assertEquals(new Referral(urgency, Referral.Reason.RED_FLAG_ASSESSMENT), refer.referral());
        assertEquals(severity, flag(e, FlagCode.RED_FLAG).orElseThrow().severity());
        boolean withheld = urgency == Urgency.EMERGENCY || urgency == Urgency.URGENT;
        assertEquals(withheld, e.isExerciseWithheld());
        if (withheld) {
            assertEquals(new ExerciseHold(urgency, urgency == Urgency.EMERGENCY ? "RFL-11" : "RFL-12"), e.exerciseWithheld());
        }
    }

    @Test
    void twoInfectionRiskFactorsWithoutFever_areUrgentAndCritical() {
        // With fever they are a suspected spinal infection, an emergency (ClinicalReviewSafeguardsTest).
        Evaluation e = evaluate(Patient.builder().redFlags(RedFlag.IMMUNOSUPPRESSION, RedFlag.INTRAVENOUS_DRUG_USE).build());

        assertEquals(Urgency.URGENT, e.recommendations().get(0).referral().urgency());
        assertEquals(Severity.CRITICAL, flag(e, FlagCode.RED_FLAG).orElseThrow().severity());
        assertEquals(Urgency.URGENT, e.exerciseWithheld().urgency());
    }

    @ParameterizedTest(name = "STarT Back {0}")
    @CsvSource({
        "1 2,       SLIGHTLY,   LOW,    ",
        "1 2 3 4 5, MODERATELY, MEDIUM, PHYSIOTHERAPY",
        "1 5 6 7 8, VERY_MUCH,  HIGH,   PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY",
    })
    void everyStartBackStratum_refersForItsOwnCareAsARoutineReferral(String agreed, Bothersomeness item9,
            String stratum, Referral.Reason reason) {
        Evaluation e = evaluate(Patient.builder().age(40).pain(Region.LOWER_BACK, 6.0, 5).startBack(answers(agreed, item9)).build());

        assertEquals(stratum, e.startBack().stratum().name());
        List<Referral> referrals = e.recommendations().stream().filter(r -> r.action() == Action.REFER)
                .map(Recommendation::referral).toList();
        assertEquals(reason == null ? List.of() : List.of(new Referral(Urgency.ROUTINE, reason)), referrals);
        assertFalse(e.isExerciseWithheld());
        assertEquals(stratum.equals("HIGH"), flag(e, FlagCode.PSYCHOSOCIAL_FACTORS)
                .map(f -> f.severity() == Severity.INFO).orElse(false));
    }

    @Test
    void highRiskStartBackWithAFreshStrain_getsThePsychologicallyInformedReferralAsAnItemOfItsOwn() {
        Evaluation e = evaluate(Patient.builder().age(38).pain(Region.LOWER_BACK, 2.0, 7)
                .injury(Injury.strain(Muscle.HAMSTRINGS).daysAgo(4)).startBack(answers("1 2 5 6 7 8", Bothersomeness.VERY_MUCH)).build());

        Recommendation injury = recommendation(e, Action.REFER, Muscle.HAMSTRINGS, Side.BOTH).orElseThrow();
        assertEquals(new Referral(Urgency.ROUTINE, Referral.Reason.INJURY_CLEARANCE), injury.referral());
        assertTrue(injury.alsoSupportedBy().stream().noneMatch(x -> x.rule().startsWith("SBT-")));
        Recommendation informed = recommendation(e, Action.REFER, Topic.PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY).orElseThrow();
        assertEquals(Referral.Reason.PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY, informed.referral().reason());
        assertEquals("SBT-03", informed.explanation().rule());
    }

    @Test
    void referralsForInjurySurgeryAndPainfulStretching_sayWhy() {
        Evaluation e = evaluate(Patient.builder().age(50).pain(Region.KNEE, 4.0, 4)
                .injury(Injury.notToAMuscle(InjuryType.OTHER).daysAgo(10)).surgery(Surgery.of(Region.KNEE).daysAgo(20))
                .stretching(StretchingHistory.builder().painDuringStretch(true).build()).build());

        assertEquals(Referral.Reason.INJURY_CLEARANCE,
                recommendation(e, Action.REFER, Topic.INJURY_CLEARANCE).orElseThrow().referral().reason());
        assertEquals(Referral.Reason.SURGERY_CLEARANCE,
                recommendation(e, Action.REFER, Region.KNEE).orElseThrow().referral().reason());
        assertEquals(Referral.Reason.PAINFUL_STRETCHING,
                recommendation(e, Action.REFER, Topic.PAINFUL_STRETCHING).orElseThrow().referral().reason());
        assertTrue(e.recommendations().stream().filter(r -> r.action() == Action.REFER)
                .allMatch(r -> r.referral().urgency() == Urgency.ROUTINE));
    }

    @Test
    void doNotStretch_saysWhetherItIsAContraindicationOrNotIndicated() {
        Evaluation e = evaluate(Patient.builder().age(44).pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).feelsTight())
                .muscle(MuscleFinding.of(Muscle.QUADRICEPS).weak().normalLength().doesNotFeelTight())
                .injury(Injury.strain(Muscle.CALVES).daysAgo(5)).build());

        assertEquals(Restriction.CONTRAINDICATED, restriction(e, Muscle.CALVES), "a healing strain");
        assertEquals(Restriction.CONTRAINDICATED, restriction(e, Muscle.QUADRATUS_LUMBORUM), "an overworked, compensating muscle");
        assertEquals(Restriction.NOT_INDICATED, restriction(e, Muscle.GLUTES), "a weak, lengthened phasic muscle");
        assertEquals(Restriction.NOT_INDICATED, restriction(e, Muscle.QUADRICEPS), "a weak muscle not short");
        assertEquals(Restriction.NOT_INDICATED, restriction(e, Region.LOWER_BACK), "no fix for low back pain");
        assertTrue(e.recommendations().stream().allMatch(r -> (r.action() == Action.DO_NOT_STRETCH) == (r.restriction() != null)
                && (r.action() == Action.REFER) == (r.referral() != null)));
    }

    @Test
    void lumbarDoNotStretchUnderInstability_isAContraindicationEvenThoughLowBackPainAloneWouldNotIndicateIt() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(15).build()).build());

        assertEquals(Restriction.CONTRAINDICATED, restriction(e, Region.LOWER_BACK));
    }

    @ParameterizedTest
    @EnumSource(value = FlagCode.class, names = {"RECENT_INJURY", "RECENT_SURGERY", "INSTABILITY_SUSPECTED", "COMPRESSION"})
    void flagsThatChangeWhatIsSafe_areWarnings(FlagCode code) {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .injury(Injury.strain(Muscle.CALVES).daysAgo(5)).surgery(Surgery.of(Region.KNEE).daysAgo(30)).signs(Sign.SPINAL_COMPRESSION)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(15).build()).build());

        assertEquals(Severity.WARNING, flag(e, code).orElseThrow().severity());
    }

    @Test
    void flagsThatInformThePlan_areInformation() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 20.0, 5)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).feelsTight())
                .signs(Sign.SIDE_TO_SIDE_ASYMMETRY).build());

        for (FlagCode code : List.of(FlagCode.COMPENSATION, FlagCode.ASYMMETRY)) {
            assertEquals(Severity.INFO, flag(e, code).orElseThrow().severity(), code::toString);
        }
    }

    @Test
    void everyResult_isStampedWithItsThresholdsAndTheKnowledgeBaseContentHash() {
        Evaluation e = evaluate(Patient.builder().age(30).build());

        assertEquals(Thresholds.DEFAULTS, e.thresholds());
        assertFalse(e.unsafeThresholds());
        assertTrue(e.knowledgeBase().contentHash().matches("sha256:[0-9a-f]{64}"), e.knowledgeBase().contentHash());
        assertEquals(Kb.ENGINE.knowledgeBase(), e.knowledgeBase());
        assertNull(e.exerciseWithheld());
    }

    private static Restriction restriction(Evaluation e, org.physiocds.model.Target target) {
        return e.recommendations().stream().filter(r -> r.action() == Action.DO_NOT_STRETCH && r.target() == target)
                .map(Recommendation::restriction).findFirst()
                .orElseThrow(() -> new AssertionError("no DO_NOT_STRETCH " + target));
    }

    @Test
    void flags_areNeverMissingASeverity() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 40.0, 7)
                .stretching(StretchingHistory.builder().sessionsPerWeek(7).needsMoreForSameRelief(true)
                        .worseNextDay(true).worseDespiteConsistentStretching(true).build())
                .redFlags(RedFlag.NIGHT_PAIN).build());

        assertTrue(e.flags().stream().map(Flag::severity).allMatch(s -> s != null));
    }

    /** Answers agreeing to the items listed ("1 2 5"), with item 9 as given. */
    private static StartBackAnswers answers(String agreed, Bothersomeness item9) {
        boolean[] agree = new boolean[9];
        for (String item : agreed.trim().split("\\s+")) {
            agree[Integer.parseInt(item)] = true;
        }
        return new StartBackAnswers(agree[1], agree[2], agree[3], agree[4], agree[5], agree[6], agree[7], agree[8], item9);
    }
}
