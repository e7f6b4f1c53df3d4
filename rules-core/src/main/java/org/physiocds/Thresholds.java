package org.physiocds;

/**
 * The clinical thresholds the rules use, with their units. Every rationale that relies on one
 * names it and its value. Defaults: {@link #DEFAULTS}; override one with its {@code with...} method
 * and pass the result to {@link CdsEngine.Builder#thresholds}.
 *
 * @param recentInjuryDays          days (inclusive) within which an injury counts as recent, the
 *                                  muscle still healing. Default 42: six weeks, the usual healing
 *                                  time of a grade I-II muscle strain. An injury of unknown date
 *                                  counts as recent.
 * @param recentSurgeryDays         days (inclusive) within which a surgery counts as recent.
 *                                  Default 90: the usual post-operative rehabilitation period.
 * @param painReturnMinutes         minutes (inclusive) after stretching within which returning pain
 *                                  counts as "within an hour" (seed 001). Default 60.
 * @param consistentSessionsPerWeek stretching sessions a week that count as consistent practice.
 *                                  Default 3 (seed 002: "start with 3 times a week").
 * @param chronicPainWeeks          weeks of pain after which it counts as chronic. Default 12: the
 *                                  usual clinical definition of chronic low back pain.
 */
public record Thresholds(int recentInjuryDays, int recentSurgeryDays, int painReturnMinutes,
        int consistentSessionsPerWeek, int chronicPainWeeks) {

    /** The documented defaults. */
    public static final Thresholds DEFAULTS = new Thresholds(42, 90, 60, 3, 12);

    public Thresholds {
        requireRange("recentInjuryDays", recentInjuryDays, 0, 3650);
        requireRange("recentSurgeryDays", recentSurgeryDays, 0, 3650);
        requireRange("painReturnMinutes", painReturnMinutes, 0, 1440);
        requireRange("consistentSessionsPerWeek", consistentSessionsPerWeek, 1, 50);
        requireRange("chronicPainWeeks", chronicPainWeeks, 1, 520);
    }

    public Thresholds withRecentInjuryDays(int days) {
        return new Thresholds(days, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    public Thresholds withRecentSurgeryDays(int days) {
        return new Thresholds(recentInjuryDays, days, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    public Thresholds withPainReturnMinutes(int minutes) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, minutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    public Thresholds withConsistentSessionsPerWeek(int sessions) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, painReturnMinutes, sessions, chronicPainWeeks);
    }

    public Thresholds withChronicPainWeeks(int weeks) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, weeks);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
