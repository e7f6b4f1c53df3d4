package org.physiocds;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The thresholds' two kinds of limit: the valid range, always enforced by {@link Thresholds}
 * itself, and the clinical limits, enforced by {@link CdsEngine.Builder#build()} unless
 * {@link CdsEngine.Builder#allowUnsafeThresholds()} is called. The knowledge base is not on this
 * module's class path, so an engine that gets past the threshold check fails next, on loading it:
 * that failure shows the check passed. That an engine built with unsafe thresholds says so is
 * tested in rules-kb ({@code ClinicalThresholdLimitsTest}).
 */
class ThresholdsTest {

    /** A class loader without the knowledge base: build() fails on loading it, after checking the thresholds. */
    private static final ClassLoader NO_KB = new URLClassLoader(new URL[0], null);

    static Stream<Arguments> pastTheirClinicalLimits() {
        return Stream.of(
                Arguments.of("recentInjuryDays", (IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentInjuryDays,
                        20, 21, "below its clinical floor of 21 days"),
                Arguments.of("recentInjuryDays", (IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentInjuryDays,
                        0, 21, "below its clinical floor of 21 days"),
                Arguments.of("recentSurgeryDays", (IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentSurgeryDays,
                        41, 42, "below its clinical floor of 42 days"),
                Arguments.of("painReturnMinutes", (IntFunction<Thresholds>) Thresholds.DEFAULTS::withPainReturnMinutes,
                        59, 60, "below its clinical floor of 60 minutes"),
                Arguments.of("consistentSessionsPerWeek",
                        (IntFunction<Thresholds>) Thresholds.DEFAULTS::withConsistentSessionsPerWeek,
                        2, 3, "below its clinical floor of 3 sessions a week"),
                Arguments.of("consistentSessionsPerWeek",
                        (IntFunction<Thresholds>) Thresholds.DEFAULTS::withConsistentSessionsPerWeek,
                        8, 7, "above its clinical ceiling of 7 sessions a week"),
                Arguments.of("chronicPainWeeks", (IntFunction<Thresholds>) Thresholds.DEFAULTS::withChronicPainWeeks,
                        11, 12, "below its clinical floor of 12 weeks"));
    }

    @ParameterizedTest(name = "{0} {2}: {4}")
    @MethodSource("pastTheirClinicalLimits")
    void build_thresholdPastItsClinicalLimit_refusedNamingItsLimitAndTheOverride(String name, IntFunction<Thresholds> with,
            int unsafe, int limit, String words) {
        Thresholds thresholds = with.apply(unsafe);

        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> CdsEngine.builder().thresholds(thresholds).classLoader(NO_KB).build());

        assertAll(
                () -> assertEquals(List.of(name), e.thresholds()),
                () -> assertTrue(e.getMessage().contains(name + " " + unsafe + " is " + words), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("allowUnsafeThresholds()"), e.getMessage()),
                () -> assertEquals(List.of(name), thresholds.outsideClinicalLimits()),
                () -> assertFalse(thresholds.isClinicallySafe()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("pastTheirClinicalLimits")
    void build_thresholdPastItsClinicalLimitButAllowed_getsPastTheCheck(String name, IntFunction<Thresholds> with,
            int unsafe, int limit, String words) {
        CdsEngine.Builder builder = CdsEngine.builder().thresholds(with.apply(unsafe)).allowUnsafeThresholds()
                .classLoader(NO_KB);

        CdsException e = assertThrows(CdsException.class, builder::build);

        assertFalse(e instanceof InvalidThresholdsException, e.getMessage());
        assertTrue(e.getMessage().contains("not on the class path"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("pastTheirClinicalLimits")
    void build_thresholdAtItsClinicalLimit_accepted(String name, IntFunction<Thresholds> with, int unsafe, int limit) {
        Thresholds atTheLimit = with.apply(limit);

        assertTrue(atTheLimit.isClinicallySafe(), atTheLimit::toString);
        CdsException e = assertThrows(CdsException.class,
                () -> CdsEngine.builder().thresholds(atTheLimit).classLoader(NO_KB).build());
        assertFalse(e instanceof InvalidThresholdsException, e.getMessage());
    }

    @Test
    void defaults_areWithinEveryClinicalLimit() {
        assertTrue(Thresholds.DEFAULTS.isClinicallySafe());
        assertEquals(List.of(), Thresholds.DEFAULTS.outsideClinicalLimits());
        CdsException e = assertThrows(CdsException.class, () -> CdsEngine.builder().classLoader(NO_KB).build());
        assertFalse(e instanceof InvalidThresholdsException, e.getMessage());
    }

    @Test
    void cautiousDirection_alwaysWithinTheClinicalLimits() {
        Thresholds cautious = new Thresholds(3650, 3650, 1440, 7, 520);

        assertTrue(cautious.isClinicallySafe());
    }

    @Test
    void outsideClinicalLimits_severalAtOnce_namedInComponentOrderAndAllInTheMessage() {
        Thresholds unsafe = new Thresholds(0, 0, 0, 1, 1);

        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> CdsEngine.builder().thresholds(unsafe).classLoader(NO_KB).build());

        List<String> all = List.of("recentInjuryDays", "recentSurgeryDays", "painReturnMinutes",
                "consistentSessionsPerWeek", "chronicPainWeeks");
        assertEquals(all, unsafe.outsideClinicalLimits());
        assertEquals(all, e.thresholds());
        all.forEach(name -> assertTrue(e.getMessage().contains(name + " "), name));
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentInjuryDays, -1,
                        "recentInjuryDays must be from 0 to 3650 days, was -1"),
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentInjuryDays, 3651,
                        "recentInjuryDays must be from 0 to 3650 days, was 3651"),
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withRecentSurgeryDays, Integer.MIN_VALUE,
                        "recentSurgeryDays must be from 0 to 3650 days, was -2147483648"),
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withPainReturnMinutes, 1441,
                        "painReturnMinutes must be from 0 to 1440 minutes, was 1441"),
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withConsistentSessionsPerWeek, 0,
                        "consistentSessionsPerWeek must be from 1 to 50 sessions a week, was 0"),
                Arguments.of((IntFunction<Thresholds>) Thresholds.DEFAULTS::withChronicPainWeeks, 521,
                        "chronicPainWeeks must be from 1 to 520 weeks, was 521"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("outOfRange")
    void construct_outOfTheValidRange_isTheLibrarysExceptionEvenWhenUnsafeIsAllowed(IntFunction<Thresholds> with,
            int value, String message) {
        CdsException e = assertThrows(CdsException.class, () -> with.apply(value));

        assertTrue(e instanceof InvalidThresholdsException, e.getClass().getName());
        assertEquals(message, e.getMessage());
        assertEquals(List.of(message.substring(0, message.indexOf(' '))), ((InvalidThresholdsException) e).thresholds());
    }

    @Test
    void construct_severalOutOfRange_listsEveryOne() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> new Thresholds(-1, 42, 60, 51, 0));

        assertEquals(List.of("recentInjuryDays", "consistentSessionsPerWeek", "chronicPainWeeks"), e.thresholds());
        assertEquals("recentInjuryDays must be from 0 to 3650 days, was -1; consistentSessionsPerWeek must be from"
                + " 1 to 50 sessions a week, was 51; chronicPainWeeks must be from 1 to 520 weeks, was 0", e.getMessage());
    }

    @Test
    void limits_oneForEachComponentInOrder_clinicalInsideValid_defaultsInsideClinical() {
        List<String> components = Arrays.stream(Thresholds.class.getRecordComponents()).map(RecordComponent::getName).toList();
        List<Thresholds.Limit> limits = Thresholds.limits();
        int[] defaults = {42, 90, 60, 3, 12};

        assertEquals(components, limits.stream().map(Thresholds.Limit::name).toList());
        for (int i = 0; i < limits.size(); i++) {
            Thresholds.Limit l = limits.get(i);
            assertTrue(l.validMin() <= l.clinicalMin() && l.clinicalMin() <= l.clinicalMax()
                    && l.clinicalMax() <= l.validMax(), l::toString);
            assertTrue(l.isClinicallySafe(defaults[i]), l::toString);
            assertFalse(l.reason().isBlank(), l::toString);
        }
        assertEquals("at least 21 days", limits.get(0).clinicalLimits());
        assertEquals("from 3 to 7 sessions a week", limits.get(3).clinicalLimits());
    }

    @Test
    void allowUnsafeThresholds_withSafeThresholds_changesNothing() {
        CdsException e = assertThrows(CdsException.class,
                () -> CdsEngine.builder().allowUnsafeThresholds().classLoader(NO_KB).build());

        assertFalse(e instanceof InvalidThresholdsException, e.getMessage());
    }
}
