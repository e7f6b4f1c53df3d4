package org.physiocds;

import java.util.ArrayList;
import java.util.List;

/**
 * The clinical thresholds the rules use, with their units. Every rationale that relies on one
 * names it and its value. Defaults: {@link #DEFAULTS}; override one with its {@code with...} method
 * and pass the result to {@link CdsEngine.Builder#thresholds}.
 *
 * <p><b>Two kinds of limit.</b> Each threshold has a <em>valid range</em>, always enforced: a
 * value outside it cannot be constructed ({@link InvalidThresholdsException}). Inside that range
 * each threshold also has <em>clinical limits</em>: the values the sources support, on the side
 * where an error would make the advice less safe. A threshold past its clinical floor (or, for
 * {@code consistentSessionsPerWeek}, its ceiling) can be constructed, but
 * {@link CdsEngine.Builder#build()} refuses it unless the builder was told
 * {@link CdsEngine.Builder#allowUnsafeThresholds()}; {@link #outsideClinicalLimits()} names such
 * thresholds so a result made with them can say so. Moving a threshold the other way (a longer
 * healing time, say) is always allowed: it only makes the advice more cautious.
 *
 * <table>
 * <caption>Limits (units as in the parameter names)</caption>
 * <tr><th>threshold</th><th>default</th><th>valid range</th><th>clinical limits</th><th>why that side is unsafe</th></tr>
 * <tr><td>recentInjuryDays</td><td>42</td><td>0-3650</td><td>at least 21</td><td>lower: a muscle
 *     still healing would be stretched. 21 days is the end of the repair phase of the mildest
 *     (grade I) strain; tears and grade II strains (the threshold does not know the grade) take
 *     the default six weeks or longer (G01, G02)</td></tr>
 * <tr><td>recentSurgeryDays</td><td>90</td><td>0-3650</td><td>at least 42</td><td>lower: the
 *     referral before stretching (G03) would lapse while the wound and deep tissues are still
 *     healing; 6 weeks is the shortest usual period of post-operative precautions</td></tr>
 * <tr><td>painReturnMinutes</td><td>60</td><td>0-1440</td><td>at least 60</td><td>lower:
 *     instability would be flagged less often than the source says ("within an hour", G17), and
 *     with it the do-not-stretch of the guarded region withdrawn</td></tr>
 * <tr><td>consistentSessionsPerWeek</td><td>3</td><td>1-50</td><td>3 to 7</td><td>lower: once or
 *     twice a week, which the source calls "often insufficient" (G31), would count as consistent
 *     practice, and tightness would be put down to a lack of control (G16) after too little
 *     stretching; higher: a patient who stretches every day (G31: "every day") would be told to
 *     stretch more often than any source supports</td></tr>
 * <tr><td>chronicPainWeeks</td><td>12</td><td>1-520</td><td>at least 12</td><td>lower: the
 *     evidence for stretching in chronic low back pain (G32) would be applied to acute and
 *     subacute pain, recommending stretches it does not cover; 12 weeks (three months) is the
 *     usual definition of chronic pain</td></tr>
 * </table>
 *
 * @param recentInjuryDays          days (inclusive) within which an injury counts as recent, the
 *                                  muscle still healing. Default 42: six weeks, the usual healing
 *                                  time of a grade I-II muscle strain. An injury of unknown date
 *                                  counts as recent. Clinical floor 21.
 * @param recentSurgeryDays         days (inclusive) within which a surgery counts as recent.
 *                                  Default 90: the usual post-operative rehabilitation period.
 *                                  Clinical floor 42.
 * @param painReturnMinutes         minutes (inclusive) after stretching within which returning pain
 *                                  counts as "within an hour" (seed 001). Default 60, which is
 *                                  also the clinical floor.
 * @param consistentSessionsPerWeek stretching sessions a week that count as consistent practice.
 *                                  Default 3 (seed 002: "start with 3 times a week"). Clinical
 *                                  limits 3 to 7.
 * @param chronicPainWeeks          weeks of pain after which it counts as chronic. Default 12: the
 *                                  usual clinical definition of chronic low back pain, which is
 *                                  also the clinical floor.
 */
public record Thresholds(int recentInjuryDays, int recentSurgeryDays, int painReturnMinutes,
        int consistentSessionsPerWeek, int chronicPainWeeks) {

    /**
     * One threshold's limits.
     *
     * @param name        the threshold, as its accessor is named ({@code recentInjuryDays})
     * @param unit        its unit in words ({@code days})
     * @param validMin    the smallest value that can be constructed at all
     * @param validMax    the largest value that can be constructed at all
     * @param clinicalMin the smallest value the sources support (a floor)
     * @param clinicalMax the largest value the sources support (a ceiling; {@code validMax} when
     *                    raising the threshold is always the cautious direction)
     * @param reason      why a value past the clinical limits is unsafe, in a sentence
     */
    public record Limit(String name, String unit, int validMin, int validMax, int clinicalMin, int clinicalMax,
            String reason) {

        /**
         * {@return whether {@code value} is within the clinical limits}
         *
         * @param value a value of this threshold
         */
        public boolean isClinicallySafe(int value) {
            return value >= clinicalMin && value <= clinicalMax;
        }

        /** {@return the clinical limits in words: {@code at least 21 days}, {@code from 3 to 7 sessions a week}} */
        public String clinicalLimits() {
            return clinicalMax == validMax ? "at least " + clinicalMin + " " + unit
                    : "from " + clinicalMin + " to " + clinicalMax + " " + unit;
        }
    }

    private static final List<Limit> LIMITS = List.of(
            new Limit("recentInjuryDays", "days", 0, 3650, 21, 3650,
                    "below 21 days even a grade I strain is still in its repair phase, and a tear or grade II"
                            + " strain (the threshold does not know the grade) takes six weeks or longer:"
                            + " a muscle still healing would be stretched"),
            new Limit("recentSurgeryDays", "days", 0, 3650, 42, 3650,
                    "below six weeks the wound and deep tissues are still healing and post-operative"
                            + " precautions usually still apply: the referral before stretching would lapse"),
            new Limit("painReturnMinutes", "minutes", 0, 1440, 60, 1440,
                    "the source says pain returning \"within an hour\": a lower value flags instability less"
                            + " often and withdraws the do-not-stretch of the guarded region"),
            new Limit("consistentSessionsPerWeek", "sessions a week", 1, 50, 3, 7,
                    "the source calls once or twice a week \"often insufficient\" and asks for every day:"
                            + " fewer than 3 counts too little stretching as consistent, more than 7 tells a"
                            + " patient who stretches daily to stretch more"),
            new Limit("chronicPainWeeks", "weeks", 1, 520, 12, 520,
                    "chronic pain is pain lasting 12 weeks (three months): a lower value applies the evidence"
                            + " for stretching in chronic low back pain to acute and subacute pain"));

    /** The documented defaults; all within their clinical limits. */
    public static final Thresholds DEFAULTS = new Thresholds(42, 90, 60, 3, 12);

    /**
     * Checks every value against its valid range (the clinical limits are checked by the engine builder).
     *
     * @param recentInjuryDays          days (inclusive) within which an injury counts as recent, the
     *                                  muscle still healing. Default 42: six weeks, the usual healing
     *                                  time of a grade I-II muscle strain. An injury of unknown date
     *                                  counts as recent. Clinical floor 21.
     * @param recentSurgeryDays         days (inclusive) within which a surgery counts as recent.
     *                                  Default 90: the usual post-operative rehabilitation period.
     *                                  Clinical floor 42.
     * @param painReturnMinutes         minutes (inclusive) after stretching within which returning pain
     *                                  counts as "within an hour" (seed 001). Default 60, which is
     *                                  also the clinical floor.
     * @param consistentSessionsPerWeek stretching sessions a week that count as consistent practice.
     *                                  Default 3 (seed 002: "start with 3 times a week"). Clinical
     *                                  limits 3 to 7.
     * @param chronicPainWeeks          weeks of pain after which it counts as chronic. Default 12: the
     *                                  usual clinical definition of chronic low back pain, which is
     *                                  also the clinical floor.
     * @throws InvalidThresholdsException when a value is outside its valid range, naming every
     *                                    such threshold, its range and the value
     */
    public Thresholds {
        int[] values = {recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek,
                chronicPainWeeks};
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Limit limit = LIMITS.get(i);
            if (values[i] < limit.validMin() || values[i] > limit.validMax()) {
                names.add(limit.name());
                problems.add(limit.name() + " must be from " + limit.validMin() + " to " + limit.validMax() + " "
                        + limit.unit() + ", was " + values[i]);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidThresholdsException(String.join("; ", problems), names);
        }
    }

    /** {@return every threshold's limits, in the order of the record's components} */
    public static List<Limit> limits() {
        return LIMITS;
    }

    /**
     * A copy of these thresholds with another {@code recentInjuryDays}.
     *
     * @param days the new value, in days
     * @return the new thresholds
     * @throws InvalidThresholdsException when the value is outside its valid range (see the class comment)
     */
    public Thresholds withRecentInjuryDays(int days) {
        return new Thresholds(days, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    /**
     * A copy of these thresholds with another {@code recentSurgeryDays}.
     *
     * @param days the new value, in days
     * @return the new thresholds
     * @throws InvalidThresholdsException when the value is outside its valid range (see the class comment)
     */
    public Thresholds withRecentSurgeryDays(int days) {
        return new Thresholds(recentInjuryDays, days, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    /**
     * A copy of these thresholds with another {@code painReturnMinutes}.
     *
     * @param minutes the new value, in minutes
     * @return the new thresholds
     * @throws InvalidThresholdsException when the value is outside its valid range (see the class comment)
     */
    public Thresholds withPainReturnMinutes(int minutes) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, minutes, consistentSessionsPerWeek, chronicPainWeeks);
    }

    /**
     * A copy of these thresholds with another {@code consistentSessionsPerWeek}.
     *
     * @param sessions the new value, in sessions a week
     * @return the new thresholds
     * @throws InvalidThresholdsException when the value is outside its valid range (see the class comment)
     */
    public Thresholds withConsistentSessionsPerWeek(int sessions) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, painReturnMinutes, sessions, chronicPainWeeks);
    }

    /**
     * A copy of these thresholds with another {@code chronicPainWeeks}.
     *
     * @param weeks the new value, in weeks
     * @return the new thresholds
     * @throws InvalidThresholdsException when the value is outside its valid range (see the class comment)
     */
    public Thresholds withChronicPainWeeks(int weeks) {
        return new Thresholds(recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, weeks);
    }

    /**
     * {@return the names of the thresholds past their clinical limits (see the class comment), in the order
     * of the record's components; empty when every threshold is within them} An engine refuses such
     * thresholds unless built with {@link CdsEngine.Builder#allowUnsafeThresholds()}.
     */
    public List<String> outsideClinicalLimits() {
        List<String> names = new ArrayList<>();
        int[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (!LIMITS.get(i).isClinicallySafe(values[i])) {
                names.add(LIMITS.get(i).name());
            }
        }
        return List.copyOf(names);
    }

    /** {@return whether every threshold is within its clinical limits; {@link #DEFAULTS} is} */
    public boolean isClinicallySafe() {
        return outsideClinicalLimits().isEmpty();
    }

    /**
     * Throws when a threshold is past its clinical limits, naming each one, its value, its limit
     * and why, and that {@code allowUnsafeThresholds()} overrides the check.
     */
    void requireClinicallySafe() {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] values = values();
        for (int i = 0; i < values.length; i++) {
            Limit limit = LIMITS.get(i);
            if (!limit.isClinicallySafe(values[i])) {
                names.add(limit.name());
                String side = values[i] < limit.clinicalMin()
                        ? "below its clinical floor of " + limit.clinicalMin()
                        : "above its clinical ceiling of " + limit.clinicalMax();
                problems.add(limit.name() + " " + values[i] + " is " + side + " " + limit.unit() + " ("
                        + limit.reason() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidThresholdsException("thresholds past their clinical limits: " + String.join("; ", problems)
                    + ". To use them anyway, call allowUnsafeThresholds() on the CdsEngine builder.", names);
        }
    }

    private int[] values() {
        return new int[] {recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek,
                chronicPainWeeks};
    }
}
