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

/** Where the sources disagree, the contraindication wins and the loser is shown (conflicts.drl). */
class ConflictResolutionTest {

    /** Seed 003 backs stretching short hamstrings in chronic low back pain; seeds 000 and 002 forbid stretching a fresh strain. */
    private static final Patient CHRONIC_LBP_FRESH_HAMSTRING_STRAIN = Patient.builder().age(38)
            .pain(Region.LOWER_BACK, 30.0, 5)
            .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
            .injury(Injury.strain(Muscle.HAMSTRINGS).daysAgo(7)).build();

    @Test
    void evaluate_evidenceBackedStretchOfAStrainedMuscle_isSuppressedCitingBothSides() {
        var s = suppressed(evaluate(CHRONIC_LBP_FRESH_HAMSTRING_STRAIN), Action.STRETCH, Muscle.HAMSTRINGS).orElseThrow();

        assertEquals(Phase.MOBILIZE, s.phase());
        Set<String> forSide = new java.util.TreeSet<>();
        s.explanation().citations().forEach(c -> forSide.add(c.source()));
        Set<String> againstSide = new java.util.TreeSet<>();
        s.suppressedBy().citations().forEach(c -> againstSide.add(c.source()));
        assertTrue(forSide.contains("seeds/000_d332fd75da60d9b3.txt") || forSide.contains("seeds/003_531c27325db2dc0c.txt"));
        assertEquals(Set.of("seeds/000_d332fd75da60d9b3.txt", "seeds/002_1deaa0d1b380007e.txt"), againstSide);
        assertEquals("SAF-02", s.suppressedBy().rule());
    }

    @Test
    void evaluate_suppressedStretch_neverAlsoAppearsAsARecommendation() {
        Evaluation e = evaluate(CHRONIC_LBP_FRESH_HAMSTRING_STRAIN);

        for (var s : e.suppressed()) {
            assertFalse(recommends(e, s.action(), s.target()), s.action() + " " + s.target().code());
        }
    }

    @Test
    void evaluate_sameInputTwice_givesEqualResults() {
        assertEquals(evaluate(CHRONIC_LBP_FRESH_HAMSTRING_STRAIN), evaluate(CHRONIC_LBP_FRESH_HAMSTRING_STRAIN));
    }

    /**
     * One rule proposing the same stretch for the left and the right side gives two explanations
     * of the one suppressed stretch: which is shown must not depend on object identity hashes or
     * on the order of the input lists.
     */
    @Test
    void evaluate_sameStretchProposedForBothSidesAndOverruled_givesOneStableResult() {
        MuscleFinding left = MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).left().normalStrength().shortened().feelsTight().build();
        MuscleFinding right = MuscleFinding.of(Muscle.UPPER_TRAPEZIUS).right().shortened().doesNotFeelTight().build();
        Patient.Builder patient = Patient.builder().pain(Region.NECK, 20.0, 4)
                .injury(Injury.strain(Muscle.UPPER_TRAPEZIUS).daysAgo(3));
        Evaluation leftFirst = evaluate(patient.muscle(left).muscle(right).build());
        Patient rightFirst = Patient.builder().pain(Region.NECK, 20.0, 4)
                .injury(Injury.strain(Muscle.UPPER_TRAPEZIUS).daysAgo(3)).muscle(right).muscle(left).build();

        for (int i = 0; i < 20; i++) {
            assertEquals(leftFirst, evaluate(rightFirst));
        }
        assertTrue(suppressed(leftFirst, Action.STRETCH, Muscle.UPPER_TRAPEZIUS).isPresent());
    }

    @Test
    void evaluate_regionContraindication_overrulesStretchesOfTheMusclesInIt() {
        Evaluation e = evaluate(Patient.builder().pain(Region.LOWER_BACK, 5.0, 5)
                .muscle(MuscleFinding.of(Muscle.LOWER_BACK_EXTENSORS).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.QUADRATUS_LUMBORUM).shortened().feelsTight())
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).shortened().feelsTight()).build());

        assertTrue(suppressed(e, Action.STRETCH, Muscle.LOWER_BACK_EXTENSORS).isPresent());
        assertTrue(suppressed(e, Action.STRETCH, Muscle.QUADRATUS_LUMBORUM).isPresent());
        assertTrue(recommends(e, Action.STRETCH, Muscle.HIP_FLEXORS));
    }
}
