package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidThresholdsException;
import org.physiocds.Thresholds;
import org.physiocds.model.Injury;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;

/**
 * The clinical floors against the real knowledge base: what a floor prevents (the example:
 * {@code withRecentInjuryDays(0)} makes yesterday's tear stretchable), that it takes an explicit
 * {@code allowUnsafeThresholds()} to get there, and that such an engine says so. The limits
 * themselves are tested in rules-core ({@code ThresholdsTest}).
 */
class ClinicalThresholdLimitsTest {

    /** Chronic low back pain, short hamstrings, torn yesterday. */
    private static final Patient TORN_YESTERDAY = Patient.builder().age(34).pain(Region.LOWER_BACK, 20.0, 4)
            .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).shortened().feelsTight())
            .injury(Injury.tear(Muscle.HAMSTRINGS).daysAgo(1))
            .build();

    @Test
    void defaultEngine_appliesSafeThresholds_andNeverStretchesYesterdaysTear() {
        assertFalse(Fixtures.ENGINE.unsafeThresholds());
        assertFalse(stretches(Fixtures.ENGINE.evaluate(TORN_YESTERDAY)));
    }

    @Test
    void thresholdBelowItsFloor_refusedWithoutTheExplicitOverride() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(0)).build());

        assertEquals(List.of("recentInjuryDays"), e.thresholds());
        assertTrue(e.getMessage().contains("recentInjuryDays 0 is below its clinical floor of 21 days"), e.getMessage());
    }

    @Test
    void thresholdBelowItsFloor_allowedExplicitly_engineSaysSo_andShowsWhatTheFloorPrevents() {
        CdsEngine unsafe = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(0))
                .allowUnsafeThresholds().build();

        assertTrue(unsafe.unsafeThresholds());
        assertEquals(List.of("recentInjuryDays"), unsafe.thresholds().outsideClinicalLimits());
        assertTrue(stretches(unsafe.evaluate(TORN_YESTERDAY)), "a day-old tear is no longer recent at 0 days");
    }

    @Test
    void allowUnsafeThresholds_withThresholdsInsideTheirLimits_isNotUnsafe() {
        CdsEngine cautious = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(56))
                .allowUnsafeThresholds().build();

        assertFalse(cautious.unsafeThresholds());
        assertFalse(stretches(cautious.evaluate(TORN_YESTERDAY)));
    }

    private static boolean stretches(Evaluation e) {
        return e.recommendations().stream()
                .anyMatch(r -> r.action() == Action.STRETCH && r.target() == Muscle.HAMSTRINGS);
    }
}
