package org.physiocds.model;

/**
 * What a clinician found about one muscle on one side. Any assessment may be absent ({@code null}),
 * meaning "not assessed", never "normal".
 *
 * <p>From Java, build one with named setters: {@code MuscleFinding.of(Muscle.GLUTES).left().weak()
 * .lengthened().build()}, or pass the builder to {@link Patient.Builder#muscle(Builder)}. The
 * canonical constructor suits code that maps findings from another model.
 *
 * @param muscle     the muscle
 * @param side       the side; {@code null} means {@link Side#BOTH}
 * @param strength   assessed strength, or {@code null} when not assessed
 * @param length     assessed length, or {@code null} when not assessed
 * @param feelsTight whether the patient reports it feels tight, or {@code null} when not asked
 */
public record MuscleFinding(Muscle muscle, Side side, Strength strength, Length length, Boolean feelsTight) {

    /**
     * Normalises a {@code null} side to {@link Side#BOTH}.
     *
     * @param muscle     the muscle
     * @param side       the side; {@code null} means {@link Side#BOTH}
     * @param strength   assessed strength, or {@code null} when not assessed
     * @param length     assessed length, or {@code null} when not assessed
     * @param feelsTight whether the patient reports it feels tight, or {@code null} when not asked
     */
    public MuscleFinding {
        side = side == null ? Side.BOTH : side;
    }

    /**
     * {@return a builder of a finding about {@code muscle}, for both sides until {@link Builder#left()} or
     * {@link Builder#right()} says otherwise; strength, length and tightness stay "not assessed"
     * until set} The muscle is checked when the patient is evaluated, not here.
     *
     * @param muscle the muscle
     */
    public static Builder of(Muscle muscle) {
        return new Builder(muscle);
    }

    /**
     * Builds a {@link MuscleFinding} with named setters. Leaving a setter out means "not assessed";
     * a later setter of the same thing replaces an earlier one.
     */
    public static final class Builder {
        private final Muscle muscle;
        private Side side = Side.BOTH;
        private Strength strength;
        private Length length;
        private Boolean feelsTight;

        private Builder(Muscle muscle) {
            this.muscle = muscle;
        }

        /**
         * Found on the left side.
         *
         * @return this builder
         */
        public Builder left() {
            side = Side.LEFT;
            return this;
        }

        /**
         * Found on the right side.
         *
         * @return this builder
         */
        public Builder right() {
            side = Side.RIGHT;
            return this;
        }

        /**
         * Found on both sides, or the side is not known (the default).
         *
         * @return this builder
         */
        public Builder bothSides() {
            side = Side.BOTH;
            return this;
        }

        /**
         * Assessed weak.
         *
         * @return this builder
         */
        public Builder weak() {
            strength = Strength.WEAK;
            return this;
        }

        /**
         * Assessed of normal strength.
         *
         * @return this builder
         */
        public Builder normalStrength() {
            strength = Strength.NORMAL;
            return this;
        }

        /**
         * Assessed shorter than normal length.
         *
         * @return this builder
         */
        public Builder shortened() {
            length = Length.SHORT;
            return this;
        }

        /**
         * Assessed of normal length.
         *
         * @return this builder
         */
        public Builder normalLength() {
            length = Length.NORMAL;
            return this;
        }

        /**
         * Assessed longer than normal length.
         *
         * @return this builder
         */
        public Builder lengthened() {
            length = Length.LONG;
            return this;
        }

        /**
         * The patient reports that it feels tight.
         *
         * @return this builder
         */
        public Builder feelsTight() {
            feelsTight = Boolean.TRUE;
            return this;
        }

        /**
         * The patient reports that it does not feel tight.
         *
         * @return this builder
         */
        public Builder doesNotFeelTight() {
            feelsTight = Boolean.FALSE;
            return this;
        }

        /** {@return the finding; values are checked when the patient is evaluated, not here} */
        public MuscleFinding build() {
            return new MuscleFinding(muscle, side, strength, length, feelsTight);
        }
    }
}
