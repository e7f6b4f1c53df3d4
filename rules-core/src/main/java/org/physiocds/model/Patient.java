package org.physiocds.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;

/**
 * What a clinician knows about one patient. Every field is optional: {@code null} or an empty list
 * means "not known", never "no". Lists are copied and unmodifiable; their order does not affect
 * the evaluation. Values are checked when the patient is evaluated, not here, so that one error
 * can list every problem.
 *
 * <p>Build one with {@link #builder()}; derive a variant of one with {@link #toBuilder()}. Two
 * patients are equal when every field is equal, lists in the same order.
 */
public final class Patient {

    private final String patientId;
    private final Integer age;
    private final Region painRegion;
    private final Double painDurationWeeks;
    private final Integer painIntensity;
    private final List<MuscleFinding> muscles;
    private final List<Injury> injuries;
    private final List<Surgery> surgeries;
    private final StretchingHistory stretching;
    private final List<Sign> signs;
    private final List<Lifestyle> lifestyle;
    private final List<RedFlag> redFlags;
    private final boolean redFlagsScreened;
    private final StartBackAnswers startBack;

    private Patient(Builder b, List<Injury> injuries, List<Surgery> surgeries) {
        this.patientId = b.patientId;
        this.age = b.age;
        this.painRegion = b.painRegion;
        this.painDurationWeeks = b.painDurationWeeks;
        this.painIntensity = b.painIntensity;
        this.muscles = copy(b.muscles);
        this.injuries = copy(injuries);
        this.surgeries = copy(surgeries);
        this.stretching = b.stretching;
        this.signs = copy(b.signs);
        this.lifestyle = copy(b.lifestyle);
        this.redFlags = copy(b.redFlags);
        this.redFlagsScreened = b.redFlagsScreened || !b.redFlags.isEmpty();
        this.startBack = b.startBack;
    }

    /** {@return a builder, for Java callers who know only some of the facts} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every fact of this patient, to derive a variant: {@code
     * patient.toBuilder().lifestyle(Lifestyle.POOR_SLEEP).build()}. List setters add to the lists
     * copied from this patient. The builder has no as-of date: give one if you add a dated injury
     * or surgery ({@code build()} counts the days from it).
     *
     * @return a new builder holding this patient's facts
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.patientId = patientId;
        b.age = age;
        b.painRegion = painRegion;
        b.painDurationWeeks = painDurationWeeks;
        b.painIntensity = painIntensity;
        b.muscles.addAll(muscles);
        b.injuries.addAll(injuries);
        b.surgeries.addAll(surgeries);
        b.stretching = stretching;
        b.signs.addAll(signs);
        b.lifestyle.addAll(lifestyle);
        b.redFlags.addAll(redFlags);
        b.redFlagsScreened = redFlagsScreened;
        b.startBack = startBack;
        return b;
    }

    /** {@return an identifier echoed back in the result, or {@code null}; never logged} */
    public String patientId() {
        return patientId;
    }

    /** {@return age in years (0-120), or {@code null} when not known} */
    public Integer age() {
        return age;
    }

    /** {@return where the pain is, or {@code null} when not known} */
    public Region painRegion() {
        return painRegion;
    }

    /** {@return how long the pain has lasted, in weeks, or {@code null} when not known} */
    public Double painDurationWeeks() {
        return painDurationWeeks;
    }

    /** {@return pain intensity on the numeric rating scale, 0-10, or {@code null} when not known} */
    public Integer painIntensity() {
        return painIntensity;
    }

    /** {@return per-muscle findings; unmodifiable, never {@code null}} */
    public List<MuscleFinding> muscles() {
        return muscles;
    }

    /** {@return injuries; unmodifiable, never {@code null}} */
    public List<Injury> injuries() {
        return injuries;
    }

    /** {@return surgeries; unmodifiable, never {@code null}} */
    public List<Surgery> surgeries() {
        return surgeries;
    }

    /** {@return stretching habits and response, or {@code null} when not known} */
    public StretchingHistory stretching() {
        return stretching;
    }

    /** {@return clinical signs found; unmodifiable, never {@code null}} */
    public List<Sign> signs() {
        return signs;
    }

    /** {@return lifestyle and psychosocial factors; unmodifiable, never {@code null}} */
    public List<Lifestyle> lifestyle() {
        return lifestyle;
    }

    /** {@return red flags for serious pathology found on screening; unmodifiable, never {@code null}} */
    public List<RedFlag> redFlags() {
        return redFlags;
    }

    /**
     * {@return whether the patient was screened for red flags: {@code true} when {@link #redFlags()} holds
     * the result of a screening (empty: screened, none found), {@code false} when nobody screened
     * (interchange: {@code redFlags} absent)} Exercise should not start before the screening.
     */
    public boolean redFlagsScreened() {
        return redFlagsScreened;
    }

    /** {@return STarT Back Screening Tool answers, or {@code null} when not screened} */
    public StartBackAnswers startBack() {
        return startBack;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Patient p
                && Objects.equals(patientId, p.patientId)
                && Objects.equals(age, p.age)
                && painRegion == p.painRegion
                && Objects.equals(painDurationWeeks, p.painDurationWeeks)
                && Objects.equals(painIntensity, p.painIntensity)
                && muscles.equals(p.muscles)
                && injuries.equals(p.injuries)
                && surgeries.equals(p.surgeries)
                && Objects.equals(stretching, p.stretching)
                && signs.equals(p.signs)
                && lifestyle.equals(p.lifestyle)
                && redFlags.equals(p.redFlags)
                && redFlagsScreened == p.redFlagsScreened
                && Objects.equals(startBack, p.startBack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(patientId, age, painRegion, painDurationWeeks, painIntensity, muscles, injuries,
                surgeries, stretching, signs, lifestyle, redFlags, redFlagsScreened, startBack);
    }

    /**
     * Every field, but with the patient id withheld: a patient printed anywhere (an assertion
     * message, a debugger, Drools' TRACE log of the facts it inserts) never says who it is.
     */
    @Override
    public String toString() {
        return "Patient[patientId=" + (patientId == null ? "null" : "<withheld>") + ", age=" + age
                + ", painRegion=" + painRegion + ", painDurationWeeks=" + painDurationWeeks
                + ", painIntensity=" + painIntensity + ", muscles=" + muscles + ", injuries=" + injuries
                + ", surgeries=" + surgeries + ", stretching=" + stretching + ", signs=" + signs
                + ", lifestyle=" + lifestyle + ", redFlags=" + (redFlagsScreened ? redFlags : "not screened") + ", startBack=" + startBack + "]";
    }

    /** Unmodifiable copy that keeps null elements, so that validation can report them by index. */
    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * Builds a {@link Patient}; every setter is optional. Setters of a single value replace it; the
     * others add to a list, keeping {@code null} elements for validation to report. Nothing is
     * checked here but dates (see {@link #build()}): values are checked when the patient is
     * evaluated, so that one error lists every problem.
     */
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
        private boolean redFlagsScreened;
        private StartBackAnswers startBack;
        private LocalDate asOf;
        /** Dates still to be turned into days, by index in {@link #injuries} / {@link #surgeries}. */
        private final Map<Integer, LocalDate> injuryOnsets = new TreeMap<>();
        private final Map<Integer, LocalDate> surgeryDates = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets an identifier echoed back in the result; never logged.
         *
         * @param patientId the identifier, or {@code null} for none
         * @return this builder
         */
        public Builder patientId(String patientId) {
            this.patientId = patientId;
            return this;
        }

        /**
         * Sets the age.
         *
         * @param age age in years (0-120), or {@code null} when not known
         * @return this builder
         */
        public Builder age(Integer age) {
            this.age = age;
            return this;
        }

        /**
         * The pain: where, for how many weeks, and how intense (0-10).
         *
         * @param region        where the pain is, or {@code null} when not known
         * @param durationWeeks how long it has lasted, in weeks (0 or more), or {@code null} when not
         *                      known
         * @param intensity     its intensity on the numeric rating scale (0-10), or {@code null} when
         *                      not known
         * @return this builder
         */
        public Builder pain(Region region, Double durationWeeks, Integer intensity) {
            this.painRegion = region;
            this.painDurationWeeks = durationWeeks;
            this.painIntensity = intensity;
            return this;
        }

        /**
         * The pain, its duration in whole weeks: {@code pain(Region.LOWER_BACK, 20, 5)}.
         *
         * @param region        where the pain is, or {@code null} when not known
         * @param durationWeeks how long it has lasted, in whole weeks (0 or more)
         * @param intensity     its intensity on the numeric rating scale (0-10), or {@code null} when
         *                      not known
         * @return this builder
         */
        public Builder pain(Region region, int durationWeeks, Integer intensity) {
            return pain(region, (double) durationWeeks, intensity);
        }

        /**
         * The date the facts are as of (usually the day of the visit), from which the dates of
         * injuries ({@link Injury.Builder#onset(LocalDate)}) and surgeries
         * ({@link Surgery.Builder#on(LocalDate)}) are counted. Not kept in the patient: only the
         * days it gives are.
         *
         * @param date the as-of date
         * @return this builder
         */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /**
         * Adds a finding about one muscle.
         *
         * @param finding the finding
         * @return this builder
         */
        public Builder muscle(MuscleFinding finding) {
            muscles.add(finding);
            return this;
        }

        /**
         * {@code muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())}.
         *
         * @param finding a finding builder, built now
         * @return this builder
         */
        public Builder muscle(MuscleFinding.Builder finding) {
            return muscle(finding == null ? null : finding.build());
        }

        /**
         * Adds an injury.
         *
         * @param injury the injury
         * @return this builder
         */
        public Builder injury(Injury injury) {
            injuries.add(injury);
            return this;
        }

        /**
         * {@code injury(Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5))}. The builder's state is
         * taken now; an onset date is turned into days by {@link #build()}.
         *
         * @param injury an injury builder
         * @return this builder
         */
        public Builder injury(Injury.Builder injury) {
            if (injury != null && injury.onset() != null) {
                injuryOnsets.put(injuries.size(), injury.onset());
            }
            return injury(injury == null ? null : injury.undated());
        }

        /**
         * Adds a surgery.
         *
         * @param surgery the surgery
         * @return this builder
         */
        public Builder surgery(Surgery surgery) {
            surgeries.add(surgery);
            return this;
        }

        /**
         * {@code surgery(Surgery.of(Region.LOWER_BACK).daysAgo(40))}. The builder's state is taken
         * now; a date is turned into days by {@link #build()}.
         *
         * @param surgery a surgery builder
         * @return this builder
         */
        public Builder surgery(Surgery.Builder surgery) {
            if (surgery != null && surgery.date() != null) {
                surgeryDates.put(surgeries.size(), surgery.date());
            }
            return surgery(surgery == null ? null : surgery.undated());
        }

        /**
         * Sets how the patient stretches and responds to it.
         *
         * @param stretching the stretching history, or {@code null} when not known
         * @return this builder
         */
        public Builder stretching(StretchingHistory stretching) {
            this.stretching = stretching;
            return this;
        }

        /**
         * Adds clinical signs found on examination.
         *
         * @param signs the signs
         * @return this builder
         */
        public Builder signs(Sign... signs) {
            this.signs.addAll(Arrays.asList(signs)); // keeps nulls for validation to report
            return this;
        }

        /**
         * Adds lifestyle and psychosocial factors.
         *
         * @param factors the factors
         * @return this builder
         */
        public Builder lifestyle(Lifestyle... factors) {
            this.lifestyle.addAll(Arrays.asList(factors)); // keeps nulls for validation to report
            return this;
        }

        /**
         * The red flags found on screening. Calling it, even with none ({@code redFlags()}), says
         * the patient was screened; a patient built without it was not screened for red flags
         * ({@link Patient#redFlagsScreened()}).
         *
         * @param flags the red flags found; none when the screening found none
         * @return this builder
         */
        public Builder redFlags(RedFlag... flags) {
            this.redFlags.addAll(Arrays.asList(flags)); // keeps nulls for validation to report
            this.redFlagsScreened = true;
            return this;
        }

        /**
         * Sets the answers to the STarT Back Screening Tool.
         *
         * @param answers the nine answers, or {@code null} when the tool was not used
         * @return this builder
         */
        public Builder startBack(StartBackAnswers answers) {
            this.startBack = answers;
            return this;
        }

        /**
         * The patient. Each date of onset or of surgery becomes {@code daysAgo}: the whole calendar
         * days from the date to the {@linkplain #asOf(LocalDate) as-of date},
         * {@code ChronoUnit.DAYS.between(date, asOf)}, the same rule as the FHIR mapping's (a strain
         * on 2026-10-20 as of 2026-12-01 is 42 days ago). A date after the as-of date gives a
         * negative count, which the evaluation reports as invalid.
         *
         * @return the patient
         * @throws InvalidPatientException when a date was given without an as-of date, with a
         *                                 problem at each such date's path ({@code injuries[0].daysAgo})
         */
        public Patient build() {
            List<Problem> problems = new ArrayList<>();
            List<Injury> datedInjuries = new ArrayList<>(injuries);
            injuryOnsets.forEach((i, onset) -> {
                Injury injury = datedInjuries.get(i);
                Integer days = Dates.daysAgo(onset, asOf, "injuries[" + i + "].daysAgo", problems);
                datedInjuries.set(i, new Injury(injury.type(), injury.muscle(), injury.side(), days));
            });
            List<Surgery> datedSurgeries = new ArrayList<>(surgeries);
            surgeryDates.forEach((i, date) -> {
                Surgery surgery = datedSurgeries.get(i);
                Integer days = Dates.daysAgo(date, asOf, "surgeries[" + i + "].daysAgo", problems);
                datedSurgeries.set(i, new Surgery(surgery.region(), days, surgery.side()));
            });
            if (!problems.isEmpty()) {
                throw new InvalidPatientException(problems);
            }
            return new Patient(this, datedInjuries, datedSurgeries);
        }
    }
}
