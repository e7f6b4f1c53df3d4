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

        public Builder sessionsPerWeek(Integer sessionsPerWeek) {
            this.sessionsPerWeek = sessionsPerWeek;
            return this;
        }

        public Builder painReturnsWithinMinutes(Integer painReturnsWithinMinutes) {
            this.painReturnsWithinMinutes = painReturnsWithinMinutes;
            return this;
        }

        public Builder needsMoreForSameRelief(Boolean needsMoreForSameRelief) {
            this.needsMoreForSameRelief = needsMoreForSameRelief;
            return this;
        }

        public Builder worseNextDay(Boolean worseNextDay) {
            this.worseNextDay = worseNextDay;
            return this;
        }

        public Builder worseDespiteConsistentStretching(Boolean worseDespiteConsistentStretching) {
            this.worseDespiteConsistentStretching = worseDespiteConsistentStretching;
            return this;
        }

        public Builder painDuringStretch(Boolean painDuringStretch) {
            this.painDuringStretch = painDuringStretch;
            return this;
        }

        public Builder ballistic(Boolean ballistic) {
            this.ballistic = ballistic;
            return this;
        }

        public Builder warmsUpFirst(Boolean warmsUpFirst) {
            this.warmsUpFirst = warmsUpFirst;
            return this;
        }

        public Builder staticBeforeExercise(Boolean staticBeforeExercise) {
            this.staticBeforeExercise = staticBeforeExercise;
            return this;
        }

        public Builder aggressive(Boolean aggressive) {
            this.aggressive = aggressive;
            return this;
        }

        public StretchingHistory build() {
            return new StretchingHistory(sessionsPerWeek, painReturnsWithinMinutes, needsMoreForSameRelief, worseNextDay, worseDespiteConsistentStretching, painDuringStretch, ballistic, warmsUpFirst, staticBeforeExercise, aggressive);
        }
    }
}
