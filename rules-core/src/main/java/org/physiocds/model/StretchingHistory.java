package org.physiocds.model;

/**
 * How the patient stretches and how they respond to it. Every field may be {@code null}: not known.
 *
 * @param sessionsPerWeek                  stretching sessions a week
 * @param painReturnsWithinMinutes         how soon pain comes back after stretching, in minutes
 * @param needsMoreForSameRelief           needs more and more stretching for the same relief
 * @param worseNextDay                     feels good during the stretch but worse the next day
 * @param worseDespiteConsistentStretching pain getting worse despite consistent stretching
 * @param painDuringStretch                stretching is painful (not just uncomfortable)
 * @param ballistic                        bounces at the end of range
 * @param warmsUpFirst                     warms up before stretching
 * @param staticBeforeExercise             holds static stretches before exercise
 * @param aggressive                       pushes into intense discomfort
 */
public record StretchingHistory(
        Integer sessionsPerWeek,
        Integer painReturnsWithinMinutes,
        Boolean needsMoreForSameRelief,
        Boolean worseNextDay,
        Boolean worseDespiteConsistentStretching,
        Boolean painDuringStretch,
        Boolean ballistic,
        Boolean warmsUpFirst,
        Boolean staticBeforeExercise,
        Boolean aggressive) {

    /** {@return a builder; every field left unset stays unknown} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StretchingHistory}; every setter is optional. */
    public static final class Builder {
        private Integer sessionsPerWeek;
        private Integer painReturnsWithinMinutes;
        private Boolean needsMoreForSameRelief;
        private Boolean worseNextDay;
        private Boolean worseDespiteConsistentStretching;
        private Boolean painDuringStretch;
        private Boolean ballistic;
        private Boolean warmsUpFirst;
        private Boolean staticBeforeExercise;
        private Boolean aggressive;

        private Builder() {
        }

        /**
         * Sets {@link StretchingHistory#sessionsPerWeek()}.
         *
         * @param sessionsPerWeek stretching sessions a week (0-50), or {@code null} when not known
         * @return this builder
         */
        public Builder sessionsPerWeek(Integer sessionsPerWeek) {
            this.sessionsPerWeek = sessionsPerWeek;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#painReturnsWithinMinutes()}.
         *
         * @param painReturnsWithinMinutes how soon pain comes back after stretching, in minutes (0 or more),
         *                                 or {@code null} when not known
         * @return this builder
         */
        public Builder painReturnsWithinMinutes(Integer painReturnsWithinMinutes) {
            this.painReturnsWithinMinutes = painReturnsWithinMinutes;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#needsMoreForSameRelief()}.
         *
         * @param needsMoreForSameRelief whether the patient needs more and more stretching for the same
         *                               relief, or {@code null} when not known
         * @return this builder
         */
        public Builder needsMoreForSameRelief(Boolean needsMoreForSameRelief) {
            this.needsMoreForSameRelief = needsMoreForSameRelief;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#worseNextDay()}.
         *
         * @param worseNextDay whether the patient is worse the day after stretching, or {@code null} when not
         *                     known
         * @return this builder
         */
        public Builder worseNextDay(Boolean worseNextDay) {
            this.worseNextDay = worseNextDay;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#worseDespiteConsistentStretching()}.
         *
         * @param worseDespiteConsistentStretching whether pain is getting worse despite consistent
         *                                         stretching, or {@code null} when not known
         * @return this builder
         */
        public Builder worseDespiteConsistentStretching(Boolean worseDespiteConsistentStretching) {
            this.worseDespiteConsistentStretching = worseDespiteConsistentStretching;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#painDuringStretch()}.
         *
         * @param painDuringStretch whether stretching is painful (not just uncomfortable), or {@code null}
         *                          when not known
         * @return this builder
         */
        public Builder painDuringStretch(Boolean painDuringStretch) {
            this.painDuringStretch = painDuringStretch;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#ballistic()}.
         *
         * @param ballistic whether the patient bounces at the end of range, or {@code null} when not known
         * @return this builder
         */
        public Builder ballistic(Boolean ballistic) {
            this.ballistic = ballistic;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#warmsUpFirst()}.
         *
         * @param warmsUpFirst whether the patient warms up before stretching, or {@code null} when not known
         * @return this builder
         */
        public Builder warmsUpFirst(Boolean warmsUpFirst) {
            this.warmsUpFirst = warmsUpFirst;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#staticBeforeExercise()}.
         *
         * @param staticBeforeExercise whether the patient holds static stretches before exercise, or {@code
         *                             null} when not known
         * @return this builder
         */
        public Builder staticBeforeExercise(Boolean staticBeforeExercise) {
            this.staticBeforeExercise = staticBeforeExercise;
            return this;
        }

        /**
         * Sets {@link StretchingHistory#aggressive()}.
         *
         * @param aggressive whether the patient pushes into intense discomfort, or {@code null} when not
         *                   known
         * @return this builder
         */
        public Builder aggressive(Boolean aggressive) {
            this.aggressive = aggressive;
            return this;
        }

        /** {@return the stretching history; values are checked when the patient is evaluated, not here} */
        public StretchingHistory build() {
            return new StretchingHistory(sessionsPerWeek, painReturnsWithinMinutes, needsMoreForSameRelief, worseNextDay, worseDespiteConsistentStretching, painDuringStretch, ballistic, warmsUpFirst, staticBeforeExercise, aggressive);
        }
    }
}
