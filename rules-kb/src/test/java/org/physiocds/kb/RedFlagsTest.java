package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.flag;
import static org.physiocds.kb.Kb.flagCodes;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;
import static org.physiocds.kb.Kb.suppressed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.Topic;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/** Screening before exercise: red flags for serious pathology (red-flags.drl). */
class RedFlagsTest {

    /**
     * A 47-year-old office worker, three weeks of low back pain, for whom the seeds build a full
     * programme: weak glutes, short hip flexors, a stiff hip, signs of compression, sedentary,
     * stretching twice a week without warming up.
     */
    private static Patient.Builder officeWorker() {
        return Patient.builder().age(47).pain(Region.LOWER_BACK, 3.0, 7)
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened().doesNotFeelTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .signs(Sign.SPINAL_COMPRESSION, Sign.HIP_MOBILITY_RESTRICTED)
                .lifestyle(Lifestyle.SEDENTARY)
                .stretching(StretchingHistory.builder().sessionsPerWeek(2).warmsUpFirst(false).build());
    }

    private static Evaluation officeWorkerWith(RedFlag... flags) {
        return evaluate(officeWorker().redFlags(flags).build());
    }

    /** The exercise the programme would hold without red flags, proposed in the first stage. */
    private static final List<Object[]> PROGRAMME = List.of(
            new Object[] {Action.DECOMPRESS, Region.LOWER_BACK},
            new Object[] {Action.STRENGTHEN, Muscle.GLUTES},
            new Object[] {Action.STRENGTHEN, Muscle.TRANSVERSE_ABDOMINIS},
            new Object[] {Action.STABILIZE, Region.LOWER_BACK},
            new Object[] {Action.MOBILIZE, Region.HIP},
            new Object[] {Action.STRETCH, Muscle.HIP_FLEXORS},
            new Object[] {Action.ADVISE, Target.GENERAL});

    private static Recommendation referral(Evaluation e) {
        return recommendation(e, Action.REFER, Target.GENERAL).orElseThrow();
    }

    private static Set<String> supportingRules(Recommendation r) {
        return r.alsoSupportedBy().stream().map(Explanation::rule).collect(Collectors.toSet());
    }

    @Test
    void evaluate_withoutRedFlags_hasTheFullProgrammeAndNoRedFlag() {
        Evaluation e = officeWorkerWith();

        for (Object[] p : PROGRAMME) {
            assertTrue(recommends(e, (Action) p[0], (Target) p[1]), p[0] + " " + p[1]);
        }
        // and what stage "complete" adds to standing exercise
        assertTrue(recommends(e, Action.WARM_UP, Target.GENERAL));
        assertTrue(recommends(e, Action.BREATHING, Target.GENERAL));
        assertFalse(flagCodes(e).contains(FlagCode.RED_FLAG));
        assertTrue(Kb.ruleIds(e).stream().noneMatch(id -> id.startsWith("RFL-")));
    }

    @Test
    void evaluate_saddleAnaesthesia_refersTheSameDayAsAnEmergency() {
        Evaluation e = officeWorkerWith(RedFlag.SADDLE_ANESTHESIA);

        Recommendation refer = referral(e);
        assertEquals(Phase.SAFETY, refer.phase());
        assertEquals("emergency: same day", refer.dosage());
        assertEquals("RFL-11", refer.explanation().rule());
        assertTrue(refer.explanation().rationale().startsWith("Saddle anaesthesia: suspected cauda equina syndrome"));
        assertTrue(refer.explanation().rationale().contains("EMERGENCY: refer the patient the same day"));
        assertTrue(refer.explanation().facts().stream().anyMatch(f -> f.contains("SADDLE_ANESTHESIA")
                && f.contains("EMERGENCY")), refer.explanation().facts().toString());
        Flag redFlag = flag(e, FlagCode.RED_FLAG).orElseThrow();
        assertEquals("RFL-11", redFlag.explanation().rule());
    }

    @Test
    void evaluate_saddleAnaesthesia_recommendsNoExerciseAtAll() {
        Evaluation e = officeWorkerWith(RedFlag.SADDLE_ANESTHESIA);

        assertEquals(List.of(), e.recommendations().stream().filter(r -> r.phase() != Phase.SAFETY)
                .map(r -> r.action() + " " + r.target().code()).toList());
        // what is still true stays: the don'ts and the clinician's assessments
        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Muscle.GLUTES));
        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK));
    }

    @Test
    void evaluate_saddleAnaesthesia_suppressesEveryExerciseNamingTheEmergencyReferral() {
        Evaluation e = officeWorkerWith(RedFlag.SADDLE_ANESTHESIA);
        String emergency = referral(e).explanation().rationale();

        for (Object[] p : PROGRAMME) {
            SuppressedRecommendation s = suppressed(e, (Action) p[0], (Target) p[1]).orElseThrow(
                    () -> new AssertionError(p[0] + " " + p[1] + " is not suppressed"));
            assertEquals("RFL-11", s.suppressedBy().rule(), p[0] + " " + p[1]);
            assertEquals(emergency, s.suppressedBy().rationale());
            assertFalse(s.explanation().rule().startsWith("RFL-"), "the exercise keeps its own explanation");
        }
    }

    @Test
    void evaluate_saddleAnaesthesia_proposesNothingThatDependsOnStandingExercise() {
        Evaluation e = officeWorkerWith(RedFlag.SADDLE_ANESTHESIA);

        // warm-up, breathing, pairing and dosage rules of stage "complete" find no exercise standing
        assertFalse(recommends(e, Action.WARM_UP, Target.GENERAL));
        assertFalse(recommends(e, Action.BREATHING, Target.GENERAL));
        assertTrue(e.recommendations().stream().allMatch(r -> r.action() != Action.STRETCH || r.dosage() == null));
        // and every suppressed proposal is absent from the recommendations
        for (SuppressedRecommendation s : e.suppressed()) {
            assertFalse(recommends(e, s.action(), s.target()), s.action() + " " + s.target().code());
        }
    }

    @ParameterizedTest(name = "{0} alone: {1}")
    @CsvSource({
        "SADDLE_ANESTHESIA,                EMERGENCY, suspected cauda equina syndrome",
        "BLADDER_OR_BOWEL_DYSFUNCTION,     EMERGENCY, suspected cauda equina syndrome",
        "PROGRESSIVE_NEUROLOGICAL_DEFICIT, EMERGENCY, suspected cauda equina syndrome",
        "GAIT_DISTURBANCE,                 EMERGENCY, suspected cauda equina syndrome",
        "MAJOR_TRAUMA,                     EMERGENCY, possible spinal fracture",
        "HISTORY_OF_CANCER,                URGENT,    possible spinal malignancy",
        "MINOR_TRAUMA_WITH_OSTEOPOROSIS,   URGENT,    possible spinal fracture",
        "UNEXPLAINED_WEIGHT_LOSS,          REVIEW,    possible spinal malignancy",
        "NIGHT_PAIN,                       REVIEW,    possible spinal malignancy",
        "AGE_OVER_50_NEW_PAIN,             REVIEW,    possible spinal malignancy",
        "FEVER,                            URGENT,    possible spinal infection",
        "IMMUNOSUPPRESSION,                REVIEW,    possible spinal infection",
        "INTRAVENOUS_DRUG_USE,             REVIEW,    possible spinal infection",
        "RECENT_INFECTION,                 REVIEW,    possible spinal infection",
        "PROLONGED_CORTICOSTEROID_USE,     REVIEW,    possible spinal fracture",
    })
    void evaluate_eachRedFlagAlone_refersAtItsUrgencyAndWithholdsExerciseUnlessReview(RedFlag flag, String urgency,
            String category) {
        Evaluation e = officeWorkerWith(flag);

        Recommendation refer = referral(e);
        assertEquals(Phase.SAFETY, refer.phase());
        assertTrue(refer.dosage().startsWith(urgency.toLowerCase() + ":"), refer.dosage());
        assertTrue(refer.explanation().rationale().contains(category), refer.explanation().rationale());
        assertEquals(urgency.equals("REVIEW"), refer.explanation().rationale().contains("REVIEW, not alarm"));
        assertTrue(flagCodes(e).contains(FlagCode.RED_FLAG));
        boolean withheld = !urgency.equals("REVIEW");
        assertEquals(!withheld, recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
        assertEquals(withheld, suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).isPresent());
        assertEquals(!withheld, recommends(e, Action.STRENGTHEN, Muscle.GLUTES));
        assertEquals(withheld, e.recommendations().stream().allMatch(r -> r.phase() == Phase.SAFETY));
    }

    @Test
    void evaluate_anyWithholdingFlagAnyPainRegion_leavesOnlySafetyAdviceAndReportsTheRest() {
        List<String> unsafe = new ArrayList<>();
        List<RedFlag> withholding = List.of(RedFlag.SADDLE_ANESTHESIA, RedFlag.BLADDER_OR_BOWEL_DYSFUNCTION,
                RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT, RedFlag.GAIT_DISTURBANCE, RedFlag.MAJOR_TRAUMA,
                RedFlag.HISTORY_OF_CANCER, RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS);
        for (RedFlag flag : withholding) {
            for (Region pain : Region.values()) {
                Evaluation e = evaluate(officeWorker().pain(pain, 30.0, 6)
                        .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight()).redFlags(flag).build());
                e.recommendations().stream().filter(r -> r.phase() != Phase.SAFETY)
                        .forEach(r -> unsafe.add(flag + ", " + pain + " pain: " + r.action() + " " + r.target().code()));
                if (!suppressed(e, Action.STRETCH, Muscle.HAMSTRINGS).isPresent()) {
                    unsafe.add(flag + ", " + pain + " pain: hamstring stretch not reported as suppressed");
                }
            }
        }
        assertEquals(List.of(), unsafe);
    }

    @Test
    void evaluate_singleLowSpecificityFlag_addsAReviewAndKeepsTheWholeProgramme() {
        Evaluation without = officeWorkerWith();
        Evaluation nightPain = officeWorkerWith(RedFlag.NIGHT_PAIN);

        Recommendation refer = referral(nightPain);
        assertEquals("review: clinician review at this visit", refer.dosage());
        assertEquals("RFL-13", refer.explanation().rule());
        assertTrue(refer.explanation().rationale().contains("REVIEW, not alarm"));
        assertTrue(refer.explanation().rationale().contains("barely changes the probability"));
        assertEquals(without.suppressed(), nightPain.suppressed());
        for (Recommendation r : without.recommendations()) {
            assertTrue(recommends(nightPain, r.action(), r.target()), r.action() + " " + r.target().code());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "NIGHT_PAIN UNEXPLAINED_WEIGHT_LOSS,                  urgent",
        "AGE_OVER_50_NEW_PAIN NIGHT_PAIN,                     urgent",
        "HISTORY_OF_CANCER UNEXPLAINED_WEIGHT_LOSS NIGHT_PAIN, urgent",
        "FEVER INTRAVENOUS_DRUG_USE,                          emergency",
        "FEVER RECENT_INFECTION,                              emergency",
        "IMMUNOSUPPRESSION FEVER,                             emergency",
        "IMMUNOSUPPRESSION INTRAVENOUS_DRUG_USE,              urgent",
        "PROLONGED_CORTICOSTEROID_USE MINOR_TRAUMA_WITH_OSTEOPOROSIS, urgent",
        "PROLONGED_CORTICOSTEROID_USE MAJOR_TRAUMA,           emergency",
    })
    void evaluate_twoOrMoreFlagsOfOneCategory_escalate(String flags, String urgency) {
        Evaluation e = officeWorkerWith(parse(flags));

        assertTrue(referral(e).dosage().startsWith(urgency + ":"), referral(e).dosage());
        assertFalse(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
    }

    @Test
    void evaluate_lowSpecificityFlagsOfDifferentCategories_stayReviewAndNameBoth() {
        Evaluation e = officeWorkerWith(RedFlag.NIGHT_PAIN, RedFlag.IMMUNOSUPPRESSION);

        Recommendation refer = referral(e);
        assertEquals("review: clinician review at this visit", refer.dosage());
        assertTrue(refer.explanation().rationale().contains("Night pain: possible spinal malignancy"));
        assertTrue(refer.explanation().rationale().contains("Immunosuppression: possible spinal infection"));
        assertTrue(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
    }

    @Test
    void evaluate_feverAlone_isUrgentAndHoldsTheProgrammeWhileThePatientIsFebrile() {
        Evaluation e = officeWorkerWith(RedFlag.FEVER);

        Recommendation refer = referral(e);
        assertTrue(refer.dosage().startsWith("urgent:"), refer.dosage());
        assertTrue(refer.explanation().rationale().contains("exercise waits while the patient is febrile"));
        assertEquals("RFL-12", refer.explanation().rule());
        assertEquals("RFL-12", suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).orElseThrow().suppressedBy().rule());
        assertFalse(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
    }

    @Test
    void evaluate_emergencyAndUrgentTogether_listTheEmergencyReferralFirstThenTheUrgentOneAsItsOwnItem() {
        Evaluation e = officeWorkerWith(RedFlag.HISTORY_OF_CANCER, RedFlag.GAIT_DISTURBANCE, RedFlag.NIGHT_PAIN);

        Recommendation emergency = e.recommendations().get(0);
        assertEquals(Topic.EMERGENCY_REFERRAL, emergency.topic());
        assertEquals("emergency: same day", emergency.dosage());
        assertEquals("RFL-11", emergency.explanation().rule());
        assertTrue(emergency.explanation().rationale().contains("Gait disturbance: suspected cauda equina syndrome"));
        assertEquals(Set.of(), supportingRules(emergency));
        Recommendation urgent = e.recommendations().get(1);
        assertEquals(Topic.URGENT_REFERRAL, urgent.topic());
        assertEquals("RFL-12", urgent.explanation().rule());
        assertTrue(urgent.dosage().startsWith("urgent: within days"));
        assertTrue(urgent.explanation().rationale().contains("A history of cancer and night pain: possible spinal malignancy"));
        Flag redFlag = flag(e, FlagCode.RED_FLAG).orElseThrow();
        assertEquals("RFL-11", redFlag.explanation().rule());
        // RFL-21: the national cauda equina pathway, for low back pain
        assertEquals(List.of("RFL-12", "RFL-21"), redFlag.alsoSupportedBy().stream().map(Explanation::rule).toList());
        assertEquals("RFL-11", suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).orElseThrow().suppressedBy().rule());
    }

    @Test
    void evaluate_emergencyWithARecentStrain_keepsTheStrainContraindicationAndItsReferral() {
        Evaluation e = evaluate(officeWorker().injury(Injury.strain(Muscle.HIP_FLEXORS).daysAgo(4))
                .redFlags(RedFlag.BLADDER_OR_BOWEL_DYSFUNCTION).build());

        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Muscle.HIP_FLEXORS));
        assertTrue(flagCodes(e).containsAll(Set.of(FlagCode.RED_FLAG, FlagCode.RECENT_INJURY)));
        Recommendation refer = referral(e);
        assertEquals("RFL-11", refer.explanation().rule());
        assertEquals("emergency: same day", refer.dosage());
        assertEquals("SAF-08", recommendation(e, Action.REFER, Muscle.HIP_FLEXORS).orElseThrow().explanation().rule());
        assertTrue(suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).isPresent());
    }

    @Test
    void evaluate_redFlagsInAnyOrderOrRepeated_giveTheSameResult() {
        Evaluation one = officeWorkerWith(RedFlag.FEVER, RedFlag.HISTORY_OF_CANCER, RedFlag.INTRAVENOUS_DRUG_USE);
        Evaluation other = officeWorkerWith(RedFlag.INTRAVENOUS_DRUG_USE, RedFlag.FEVER, RedFlag.HISTORY_OF_CANCER,
                RedFlag.FEVER);

        assertEquals(one, other);
    }

    @Test
    void evaluate_urgentReferral_citesTheExternalGuidelinesWithYearAndUrl() {
        Recommendation refer = referral(officeWorkerWith(RedFlag.HISTORY_OF_CANCER));

        assertEquals(List.of("NG59-1.1.1", "ACP-2011-IMMEDIATE", "DOWNIE-2013"), refer.explanation().guidance());
        List<String> sources = refer.explanation().citations().stream().map(Citation::source).distinct().toList();
        assertEquals(3, sources.size(), sources.toString());
        for (String source : sources) {
            assertTrue(source.matches(".*\\b(19|20)\\d\\d\\b.*") && source.contains("https://"), source);
        }
        assertTrue(sources.get(0).contains("NG59") && sources.get(0).contains("1.1.1"));
    }

    @Test
    void evaluate_patientWithoutExerciseFindings_stillGetsTheEmergencyReferral() {
        Evaluation e = evaluate(Patient.builder().redFlags(RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT).build());

        assertEquals("RFL-11", referral(e).explanation().rule());
        assertEquals(Set.of(), supportingRules(referral(e)), "the rule doses its own referral: no other support");
        assertEquals("emergency: same day", referral(e).dosage());
        assertEquals(List.of(), e.suppressed());
        assertNull(e.startBack());
    }

    private static RedFlag[] parse(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).map(RedFlag::valueOf).toArray(RedFlag[]::new);
    }
}
