package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physiocds.kb.Kb.evaluate;
import static org.physiocds.kb.Kb.flagCodes;
import static org.physiocds.kb.Kb.recommendation;
import static org.physiocds.kb.Kb.recommends;
import static org.physiocds.kb.Kb.ruleIds;
import static org.physiocds.kb.Kb.suppressed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.physiocds.Action;
import org.physiocds.Topic;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/** Section A of the guidance catalog: safety and contraindications (safety.drl). */
class SafetyRulesTest {

    /** A runner with chronic low back pain and short hamstrings, strained {@code daysAgo} days ago. */
    private static Patient runnerWithHamstringStrain(Integer daysAgo) {
        return Patient.builder().age(34).pain(Region.LOWER_BACK, 20.0, 4)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
                .injury(daysAgo == null ? Injury.strain(Muscle.HAMSTRINGS) : Injury.strain(Muscle.HAMSTRINGS).daysAgo(daysAgo))
                .build();
    }

    @Test
    void evaluate_runnerFiveDaysAfterHamstringStrain_doesNotStretchHamstringsAndSuppressesTheStretch() {
        Evaluation e = evaluate(runnerWithHamstringStrain(5));

        assertEquals(Set.of("SAF-02"), ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS).orElseThrow()));
        assertFalse(recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
        SuppressedRecommendation stretch = suppressed(e, Action.STRETCH, Muscle.HAMSTRINGS).orElseThrow();
        assertEquals("SAF-02", stretch.suppressedBy().rule());
        assertEquals(List.of("G01", "G02"), stretch.suppressedBy().guidance());
        assertTrue(stretch.suppressedBy().rationale().contains("strained 5 days ago"));
        assertTrue(stretch.suppressedBy().rationale().contains("42-day recent-injury threshold"));
        assertTrue(stretch.suppressedBy().facts().stream().anyMatch(f -> f.contains("HAMSTRINGS, 5 days ago")));
        assertEquals("SAF-08", recommendation(e, Action.REFER, Muscle.HAMSTRINGS).orElseThrow().explanation().rule());
        assertEquals(1, e.recommendations().stream().filter(r -> r.action() == Action.REFER).count(),
                "one strain, one referral");
        assertTrue(flagCodes(e).contains(FlagCode.RECENT_INJURY));
    }

    @ParameterizedTest(name = "strain {0} days ago: recent = {1}")
    @CsvSource({"0, true", "41, true", "42, true", "43, false", "200, false"})
    void evaluate_strainAroundTheRecentInjuryThreshold_contraindicatesStretchOnlyWhileRecent(int daysAgo, boolean recent) {
        Evaluation e = evaluate(runnerWithHamstringStrain(daysAgo));

        assertEquals(recent, recommends(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS));
        assertEquals(!recent, recommends(e, Action.STRETCH, Muscle.HAMSTRINGS));
        assertEquals(recent, flagCodes(e).contains(FlagCode.RECENT_INJURY));
    }

    /** The visit; a date of onset counts back from it. */
    private static final LocalDate VISIT = LocalDate.of(2026, 12, 1);

    /** The same runner, with the left hamstring strained on {@code onset} and the facts as of the visit. */
    private static Patient runnerStrainedOn(LocalDate onset) {
        return Patient.builder().asOf(VISIT).age(34).pain(Region.LOWER_BACK, 20.0, 4)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened().feelsTight())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().onset(onset))
                .build();
    }

    @ParameterizedTest(name = "strain recentInjuryDays + {0} days before the visit: recent = {1}")
    @CsvSource({"-1, true", "0, true", "1, false"})
    void evaluate_strainDatedByItsOnset_isRecentUpToRecentInjuryDaysBeforeTheAsOfDate(int beyond, boolean recent) {
        LocalDate onset = VISIT.minusDays(Thresholds.DEFAULTS.recentInjuryDays() + beyond);

        Evaluation e = evaluate(runnerStrainedOn(onset));

        assertEquals(recent, recommends(e, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.LEFT));
        assertEquals(!recent, recommends(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT));
        assertEquals(recent, flagCodes(e).contains(FlagCode.RECENT_INJURY));
    }

    @Test
    void evaluate_strainOnTheTwentiethOfOctoberAsOfTheFirstOfDecember_is42DaysAgo_stillRecent() {
        Evaluation e = evaluate(runnerStrainedOn(LocalDate.of(2026, 10, 20)));

        SuppressedRecommendation stretch = suppressed(e, Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT).orElseThrow();
        assertTrue(stretch.suppressedBy().rationale().contains("strained 42 days ago"), stretch.suppressedBy().rationale());
    }

    @Test
    void evaluate_onsetAfterTheAsOfDate_isInvalidAtItsDaysAgo_andNothingIsEvaluated() {
        Patient p = runnerStrainedOn(VISIT.plusDays(1));

        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> Kb.ENGINE.evaluate(p));

        assertEquals(List.of("injuries[0].daysAgo"), e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void building_aDatedStrainWithoutTheAsOfDate_isInvalidAtItsDaysAgo() {
        Patient.Builder b = Patient.builder().injury(Injury.strain(Muscle.HAMSTRINGS).onset(VISIT));

        InvalidPatientException e = assertThrows(InvalidPatientException.class, b::build);

        assertEquals(List.of("injuries[0].daysAgo"), e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void evaluate_tearOfUnknownDate_isTreatedAsRecent() {
        Evaluation e = evaluate(Patient.builder().pain(Region.HIP, 3.0, 5)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .injury(Injury.tear(Muscle.HIP_FLEXORS))
                .build());

        assertTrue(recommends(e, Action.DO_NOT_STRETCH, Muscle.HIP_FLEXORS));
        assertTrue(suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).isPresent());
        assertTrue(recommendation(e, Action.DO_NOT_STRETCH, Muscle.HIP_FLEXORS).orElseThrow()
                .explanation().rationale().contains("date not given"));
    }

    @Test
    void evaluate_recentInjuryThresholdOverridden_usesAndEchoesTheNewThreshold() {
        CdsEngine strict = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(14))
                .allowUnsafeThresholds().build(); // 14 days is below the clinical floor: allowed explicitly

        Evaluation twentyDays = strict.evaluate(runnerWithHamstringStrain(20));
        Evaluation tenDays = strict.evaluate(runnerWithHamstringStrain(10));

        assertTrue(recommends(twentyDays, Action.STRETCH, Muscle.HAMSTRINGS));
        assertTrue(recommendation(tenDays, Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS).orElseThrow()
                .explanation().rationale().contains("14-day recent-injury threshold (recentInjuryDays)"));
    }

    @Test
    void evaluate_injuryNotToAMuscle_refersButContraindicatesNoMuscle() {
        Evaluation e = evaluate(Patient.builder().pain(Region.KNEE, 1.0, 6)
                .injury(Injury.notToAMuscle(InjuryType.OTHER).daysAgo(10))
                .build());

        assertEquals("SAF-03", recommendation(e, Action.REFER, org.physiocds.Topic.INJURY_CLEARANCE).orElseThrow()
                .explanation().rule());
        assertEquals(1, e.recommendations().stream().filter(r -> r.action() == Action.REFER).count());
        assertTrue(flagCodes(e).contains(FlagCode.RECENT_INJURY));
        assertTrue(e.recommendations().stream().noneMatch(r -> r.action() == Action.DO_NOT_STRETCH
                && r.target() instanceof Muscle));
    }

    @ParameterizedTest(name = "surgery {0} days ago: recent = {1}")
    @CsvSource({"40, true", "90, true", "91, false"})
    void evaluate_surgeryAroundTheRecentSurgeryThreshold_refersOnlyWhileRecent(int daysAgo, boolean recent) {
        Evaluation e = evaluate(Patient.builder().age(58).pain(Region.LOWER_BACK, 8.0, 3)
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(daysAgo)).build());

        assertEquals(recent, flagCodes(e).contains(FlagCode.RECENT_SURGERY));
        assertEquals(recent, recommendation(e, Action.REFER, Region.LOWER_BACK)
                .map(r -> ruleIds(r).contains("SAF-04")).orElse(false));
    }

    @Test
    void evaluate_twentyDaysAfterLumbarSurgery_withholdsExerciseOfTheOperatedRegionUntilCleared() {
        Evaluation e = evaluate(Patient.builder().age(55).pain(Region.LOWER_BACK, 10.0, 4)
                .surgery(Surgery.of(Region.LOWER_BACK).daysAgo(20))
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight())
                .signs(Sign.SPINAL_COMPRESSION).build());

        assertEquals("SAF-04", suppressed(e, Action.DECOMPRESS, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertEquals("SAF-04", suppressed(e, Action.STABILIZE, Region.LOWER_BACK).orElseThrow().suppressedBy().rule());
        assertTrue(e.recommendations().stream().noneMatch(r -> r.action().phase() != org.physiocds.Phase.SAFETY
                && Region.LOWER_BACK.covers(r.target())));
        assertFalse(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS), "every stretch waits for clearance (G03)");
        assertEquals("SAF-04", suppressed(e, Action.STRETCH, Muscle.HIP_FLEXORS).orElseThrow().suppressedBy().rule());
    }

    @Test
    void evaluate_hamstringTornThreeDaysAgo_withholdsStrengtheningAsWellAsStretching() {
        Evaluation e = evaluate(Patient.builder().age(27)
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).weak().shortened().feelsTight())
                .injury(Injury.tear(Muscle.HAMSTRINGS).daysAgo(3)).build());

        assertEquals("SAF-08", suppressed(e, Action.STRENGTHEN, Muscle.HAMSTRINGS).orElseThrow().suppressedBy().rule());
        assertTrue(suppressed(e, Action.STRETCH, Muscle.HAMSTRINGS).isPresent());
        assertEquals(Set.of("SAF-08"), ruleIds(recommendation(e, Action.REFER, Muscle.HAMSTRINGS).orElseThrow()));
        assertFalse(recommends(e, Action.STRENGTHEN, Muscle.HAMSTRINGS));
    }

    @Test
    void evaluate_painDuringTheStretch_refersAndAdvisesAPainFreeRange() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 10.0, 5)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened())
                .stretching(StretchingHistory.builder().painDuringStretch(true).build()).build());
        Evaluation noStretch = evaluate(Patient.builder().pain(Region.LOWER_BACK, 10.0, 5)
                .stretching(StretchingHistory.builder().painDuringStretch(true).build()).build());

        assertTrue(ruleIds(recommendation(e, Action.REFER, Target.GENERAL).orElseThrow()).contains("SAF-06"));
        assertEquals("SAF-13", Kb.recommendation(e, Action.ADVISE, Topic.PAIN_FREE_RANGE).orElseThrow().explanation().rule());
        assertTrue(ruleIds(recommendation(noStretch, Action.REFER, Target.GENERAL).orElseThrow()).contains("SAF-06"),
                "stop and consult stands without a stretch in the plan");
        assertFalse(Kb.recommends(noStretch, Action.ADVISE, Topic.PAIN_FREE_RANGE), "no technique advice without a stretch");
    }

    @Test
    void evaluate_ballisticStretching_advisesAgainstBouncing() {
        Evaluation e = evaluate(Patient.builder().muscle(MuscleFinding.of(Muscle.CALVES).shortened())
                .stretching(StretchingHistory.builder().ballistic(true).build()).build());

        assertEquals(Set.of("SAF-07"), ruleIds(Kb.recommendation(e, Action.ADVISE, Topic.NO_BALLISTIC).orElseThrow()));
    }

    @Test
    void evaluate_spinalCompressionWithShortLowBackExtensors_guardsTheLowBack() {
        Evaluation e = evaluate(Patient.builder().age(51).pain(Region.LOWER_BACK, 30.0, 6)
                .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).shortened().feelsTight())
                .signs(Sign.SPINAL_COMPRESSION).build());

        assertTrue(ruleIds(recommendation(e, Action.DO_NOT_STRETCH, Region.LOWER_BACK).orElseThrow()).contains("SAF-05"));
        assertTrue(suppressed(e, Action.STRETCH, Muscle.LOWER_BACK_EXTENSORS).isPresent());
    }
}
