package org.physiocds.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a clinician knows about one patient. Every field is optional: {@code null} or an empty list
 * means "not known", never "no". Lists are copied and unmodifiable; their order does not affect
 * the evaluation. Values are checked when the patient is evaluated, not here, so that one error
 * can list every problem.
 *
 * @param patientId         an identifier echoed back in the result; never logged
 * @param age               age in years (0-120)
 * @param painRegion        where the pain is
 * @param painDurationWeeks how long the pain has lasted, in weeks
 * @param painIntensity     numeric rating scale, 0-10
 * @param muscles           per-muscle findings
 * @param injuries          injuries
 * @param surgeries         surgeries
 * @param stretching        stretching habits and response, or {@code null} when not known
 * @param signs             clinical signs found
 * @param lifestyle         lifestyle and psychosocial factors
 * @param redFlags          red flags for serious pathology found on screening
 * @param startBack         STarT Back Screening Tool answers, or {@code null} when not screened
 */
public record Patient(
        String patientId,
        Integer age,
        Region painRegion,
        Double painDurationWeeks,
        Integer painIntensity,
        List<MuscleFinding> muscles,
        List<Injury> injuries,
        List<Surgery> surgeries,
        StretchingHistory stretching,
        List<Sign> signs,
        List<Lifestyle> lifestyle,
        List<RedFlag> redFlags,
        StartBackAnswers startBack) {

    public Patient {
        muscles = copy(muscles);
        injuries = copy(injuries);
        surgeries = copy(surgeries);
        signs = copy(signs);
        lifestyle = copy(lifestyle);
        redFlags = copy(redFlags);
    }

    /** A builder, for Java callers who know only some of the facts. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The record's usual text, but with the patient id withheld: a patient printed anywhere (an
     * assertion message, a debugger, Drools' TRACE log of the facts it inserts) never says who it is.
     */
    @Override
    public String toString() {
        return "Patient[patientId=" + (patientId == null ? "null" : "<withheld>") + ", age=" + age
                + ", painRegion=" + painRegion + ", painDurationWeeks=" + painDurationWeeks
                + ", painIntensity=" + painIntensity + ", muscles=" + muscles + ", injuries=" + injuries
                + ", surgeries=" + surgeries + ", stretching=" + stretching + ", signs=" + signs
                + ", lifestyle=" + lifestyle + ", redFlags=" + redFlags + ", startBack=" + startBack + "]";
    }

    /** Whether the pain is known to be in {@code region}. */
    public boolean hasPainIn(Region region) {
        return painRegion == region;
    }

    /** Whether the pain is known to have lasted at least {@code weeks} weeks. */
    public boolean isPainLastingAtLeast(int weeks) {
        return painDurationWeeks != null && painDurationWeeks >= weeks;
    }

    /** Unmodifiable copy that keeps null elements, so that validation can report them by index. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Builds a {@link Patient}; every setter is optional. */
    public static final class Builder {
        private String patientId;
        private Integer age;
        private Region painRegion;
        private Double painDurationWeeks;
        private Integer painIntensity;
        private final List<MuscleFinding> muscles = new ArrayList<>();
        private final List<Injury> injuries = new ArrayList<>();
        private final List<Surgery> surgeries = new ArrayList<>();
        private StretchingHistory stretching;
        private final List<Sign> signs = new ArrayList<>();
        private final List<Lifestyle> lifestyle = new ArrayList<>();
        private final List<RedFlag> redFlags = new ArrayList<>();
        private StartBackAnswers startBack;

        private Builder() {
        }

        public Builder patientId(String patientId) {
            this.patientId = patientId;
            return this;
        }

        public Builder age(Integer age) {
            this.age = age;
            return this;
        }

        /** The pain: where, for how many weeks, and how intense (0-10). */
        public Builder pain(Region region, Double durationWeeks, Integer intensity) {
            this.painRegion = region;
            this.painDurationWeeks = durationWeeks;
            this.painIntensity = intensity;
            return this;
        }

        public Builder muscle(MuscleFinding finding) {
            muscles.add(finding);
            return this;
        }

        /** A finding for both sides: strength and length as assessed, and whether it feels tight. */
        public Builder muscle(Muscle muscle, Strength strength, Length length, Boolean feelsTight) {
            return muscle(new MuscleFinding(muscle, Side.BOTH, strength, length, feelsTight));
        }

        public Builder injury(Injury injury) {
            injuries.add(injury);
            return this;
        }

        /** An injury to a muscle on both sides (or side unknown), {@code daysAgo} days ago. */
        public Builder injury(InjuryType type, Muscle muscle, Integer daysAgo) {
            return injury(new Injury(type, muscle, Side.BOTH, daysAgo));
        }

        public Builder surgery(Region region, Integer daysAgo) {
            surgeries.add(new Surgery(region, daysAgo));
            return this;
        }

        public Builder stretching(StretchingHistory stretching) {
            this.stretching = stretching;
            return this;
        }

        public Builder signs(Sign... signs) {
            this.signs.addAll(Arrays.asList(signs)); // keeps nulls for validation to report
            return this;
        }

        public Builder lifestyle(Lifestyle... factors) {
            this.lifestyle.addAll(Arrays.asList(factors)); // keeps nulls for validation to report
            return this;
        }

        public Builder redFlags(RedFlag... flags) {
            this.redFlags.addAll(Arrays.asList(flags)); // keeps nulls for validation to report
            return this;
        }

        public Builder startBack(StartBackAnswers answers) {
            this.startBack = answers;
            return this;
        }

        public Patient build() {
            return new Patient(patientId, age, painRegion, painDurationWeeks, painIntensity,
                    muscles, injuries, surgeries, stretching, signs, lifestyle, redFlags, startBack);
        }
    }
}
