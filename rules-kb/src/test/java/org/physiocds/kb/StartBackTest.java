package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.flag;
import static org.physiocds.kb.Kb.flagCodes;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;

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
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.Topic;
import org.physiocds.StartBackResult.Stratum;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Target;

/** Risk stratification with the STarT Back Screening Tool and its matched care (start-back.drl). */
class StartBackTest {

    /** Answers agreeing to exactly the listed items of 1-8 ("-" for none), item 9 as given. */
    private static StartBackAnswers answers(String agreed, Bothersomeness item9) {
        Set<Integer> items = agreed.equals("-") ? Set.of()
                : Arrays.stream(agreed.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
        return new StartBackAnswers(items.contains(1), items.contains(2), items.contains(3), items.contains(4),
                items.contains(5), items.contains(6), items.contains(7), items.contains(8), item9);
    }

    /**
     * A 45-year-old with four weeks of low back pain and nothing else known (under 50: over 50,
     * new pain would raise the new-onset red flag for review).
     */
    private static Patient.Builder firstContact() {
        return Patient.builder().age(45).pain(Region.LOWER_BACK, 4.0, 6);
    }

    private static Evaluation screened(String agreed, Bothersomeness item9, RedFlag... flags) {
        return evaluate(firstContact().startBack(answers(agreed, item9)).redFlags(flags).build());
    }

    private static boolean referralRests(Evaluation e, String rule) {
        return e.recommendations().stream().anyMatch(r -> r.action() == Action.REFER && ruleIds(r).contains(rule));
    }

    @ParameterizedTest(name = "agree to {0}, item 9 {1}: {2}/{3}, {4}")
    @CsvSource({
        "-,           NOT_AT_ALL, 0, 0, LOW",
        "1 2 3,       MODERATELY, 3, 0, LOW",
        "1 2 3,       VERY_MUCH,  4, 1, MEDIUM",
        "5 6 7,       SLIGHTLY,   3, 3, LOW",
        "5 6 7,       EXTREMELY,  4, 4, HIGH",
        "1 2 5 6 7,   NOT_AT_ALL, 5, 3, MEDIUM",
        "1 2 5 6 7 8, NOT_AT_ALL, 6, 4, HIGH",
        "1 2 3 4 5 6 7 8, EXTREMELY, 9, 5, HIGH",
    })
    void evaluate_startBackAnswers_reportTheScoreAndMatchTheStratumsCare(String agreed, Bothersomeness item9,
            int total, int psychosocial, Stratum stratum) {
        Evaluation e = screened(agreed, item9);

        assertEquals(new StartBackResult(total, psychosocial, stratum), e.startBack());
        Recommendation selfManagement = recommendation(e, Action.ADVISE, Topic.SELF_MANAGEMENT).orElseThrow();
        assertEquals("SBT-01", selfManagement.explanation().rule(), "the stratum's care leads");
        assertEquals(Set.of("SBT-01", "SBT-05"), ruleIds(selfManagement), "NG59 1.2.1 for every back-pain patient");
        assertEquals(stratum == Stratum.MEDIUM, referralRests(e, "SBT-02"), "physiotherapy at medium risk");
        assertEquals(stratum == Stratum.MEDIUM, recommends(e, Action.REFER, Topic.PHYSIOTHERAPY));
        assertEquals(stratum == Stratum.HIGH, recommends(e, Action.REFER, Topic.PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY));
        assertEquals(stratum == Stratum.HIGH, referralRests(e, "SBT-03"), "psychologically informed at high risk");
        assertEquals(stratum == Stratum.HIGH, flagCodes(e).contains(FlagCode.PSYCHOSOCIAL_FACTORS));
        assertEquals(stratum != Stratum.LOW, recommends(e, Action.REFER, Target.GENERAL), "low risk: no referral");
    }

    @Test
    void evaluate_lowRisk_saysAdviceAndSelfManagementAreTheWholeCare() {
        Evaluation e = screened("1 2", Bothersomeness.SLIGHTLY);

        String why = recommendation(e, Action.ADVISE, Topic.SELF_MANAGEMENT).orElseThrow().explanation().rationale();
        assertTrue(why.startsWith("STarT Back total 2/9, psychosocial subscale (items 5-9) 0/5: low risk."), why);
        // Third review, Medium 6: "no referral is needed" contradicted other referrals in the same plan.
        assertTrue(why.contains("the risk itself calls for no further referral"), why);
    }

    @Test
    void evaluate_highRisk_refersForPsychologicallyInformedPhysiotherapyCitingTheTrial() {
        Evaluation e = screened("1 5 6 7 8", Bothersomeness.VERY_MUCH);

        var informed = recommendation(e, Action.REFER, Topic.PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY).orElseThrow()
                .explanation();
        assertEquals("SBT-03", informed.rule());
        assertFalse(recommends(e, Action.REFER, Topic.PHYSIOTHERAPY), "high risk leads with its own care, not medium's");
        assertTrue(informed.rationale().contains("psychologically informed physiotherapy"));
        assertTrue(informed.facts().contains("STarT Back total 6/9, psychosocial subscale (items 5-9) 5/5: high risk"),
                informed.facts().toString());
        List<String> sources = informed.citations().stream().map(Citation::source).toList();
        assertTrue(sources.stream().anyMatch(s -> s.contains("Lancet 2011;378:1560-71") && s.contains("https://")));
        assertTrue(sources.stream().anyMatch(s -> s.contains("https://www.keele.ac.uk/")));
        assertEquals("SBT-04", flag(e, FlagCode.PSYCHOSOCIAL_FACTORS).orElseThrow().explanation().rule());
    }

    @Test
    void evaluate_notScreened_reportsNoScoreAndNoStratifiedCare() {
        Evaluation e = evaluate(firstContact().build());

        assertNull(e.startBack());
        // Only NICE NG59 1.2.1's self-management advice (SBT-05), which every back-pain patient gets.
        assertTrue(Kb.ruleIds(e).stream().noneMatch(id -> id.startsWith("SBT-") && !id.equals("SBT-05")));
        assertTrue(Kb.ruleIds(e).contains("SBT-05"));
    }

    @Test
    void evaluate_highRiskWithAnEmergencyRedFlag_reportsTheScoreButStratifiedCareWaits() {
        Evaluation e = screened("1 2 5 6 7 8", Bothersomeness.EXTREMELY, RedFlag.SADDLE_ANESTHESIA);

        assertEquals(Stratum.HIGH, e.startBack().stratum());
        assertEquals("emergency: same day", recommendation(e, Action.REFER, Target.GENERAL).orElseThrow().dosage());
        Set<String> rules = Kb.ruleIds(e);
        assertFalse(rules.contains("SBT-01") || rules.contains("SBT-02") || rules.contains("SBT-03"), rules.toString());
        assertTrue(flagCodes(e).contains(FlagCode.PSYCHOSOCIAL_FACTORS), "the clinician still learns the risk");
        assertFalse(recommends(e, Action.ADVISE, Target.GENERAL));
    }

    @Test
    void evaluate_mediumRiskWithAnUrgentRedFlag_stratifiedCareWaitsForTheAssessment() {
        Evaluation e = screened("1 2 3 4", Bothersomeness.MODERATELY, RedFlag.HISTORY_OF_CANCER);

        assertEquals(Stratum.MEDIUM, e.startBack().stratum());
        assertFalse(referralRests(e, "SBT-02"));
        assertTrue(recommendation(e, Action.REFER, Target.GENERAL).orElseThrow().dosage().startsWith("urgent:"));
    }

    @Test
    void evaluate_mediumRiskWithAFlagForReview_stillGetsStratifiedCare() {
        Evaluation e = screened("1 2 3 4", Bothersomeness.MODERATELY, RedFlag.AGE_OVER_50_NEW_PAIN);

        assertTrue(referralRests(e, "SBT-02"));
        assertTrue(recommends(e, Action.ADVISE, Topic.SELF_MANAGEMENT));
        assertEquals("review: clinician review at this visit",
                recommendation(e, Action.REFER, Target.GENERAL).orElseThrow().dosage());
    }

    @Test
    void evaluate_incompleteAnswers_areRejectedNamingEachMissingItem() {
        StartBackAnswers partial = new StartBackAnswers(true, true, true, null, false, false, false, false, null);

        InvalidPatientException e = assertThrows(InvalidPatientException.class,
                () -> Kb.ENGINE.evaluate(firstContact().startBack(partial).build()));

        assertEquals(List.of("startBack.item4", "startBack.item9"), e.problems().stream().map(Problem::path).toList());
    }
}
