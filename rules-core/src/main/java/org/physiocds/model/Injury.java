package org.physiocds.model;

import java.time.LocalDate;

/**
 * An injury.
 *
 * <p>From Java, build one with named setters and pass the builder to
 * {@link Patient.Builder#injury(Builder)}: {@code Injury.strain(Muscle.HAMSTRINGS).left().daysAgo(5)},
 * or with the date of onset, {@code Injury.tear(Muscle.CALVES).onset(LocalDate.of(2026, 10, 20))},
 * which {@link Patient.Builder#build()} turns into days before the patient's
 * {@linkplain Patient.Builder#asOf(LocalDate) as-of date}. The canonical constructor suits code that
 * maps injuries from another model.
 *
 * @param type    strain, tear or other
 * @param muscle  the injured muscle, or {@code null} when the injury is not to a muscle
 * @param side    the side; {@code null} means {@link Side#BOTH}
 * @param daysAgo days since the injury, or {@code null} when not known (treated as recent: an
 *                injury of unknown date is assumed to be still healing)
 */
public record Injury(InjuryType type, Muscle muscle, Side side, Integer daysAgo) {

    /**
     * Normalises a {@code null} side to {@link Side#BOTH}.
     *
     * @param type    strain, tear or other
     * @param muscle  the injured muscle, or {@code null} when the injury is not to a muscle
     * @param side    the side; {@code null} means {@link Side#BOTH}
     * @param daysAgo days since the injury, or {@code null} when not known (treated as recent: an
     *                injury of unknown date is assumed to be still healing)
     */
    public Injury {
        side = side == null ? Side.BOTH : side;
    }

    /**
     * {@return a builder of a strain of {@code muscle}}
     *
     * @param muscle the strained muscle
     */
    public static Builder strain(Muscle muscle) {
        return new Builder(InjuryType.STRAIN, muscle);
    }

    /**
     * {@return a builder of a tear of {@code muscle}}
     *
     * @param muscle the torn muscle
     */
    public static Builder tear(Muscle muscle) {
        return new Builder(InjuryType.TEAR, muscle);
    }

    /**
     * {@return a builder of an injury of {@code muscle} other than a strain or a tear (a contusion, say)}
     *
     * @param muscle the injured muscle
     */
    public static Builder other(Muscle muscle) {
        return new Builder(InjuryType.OTHER, muscle);
    }

    /**
     * {@return a builder of an injury that is not to one of the muscles the knowledge base knows (a sprained
     * ligament, a fracture healed long ago...)} It raises the recent-injury referral, but no advice
     * about a muscle.
     *
     * @param type the kind of injury
     */
    public static Builder notToAMuscle(InjuryType type) {
        return new Builder(type, null);
    }

    /**
     * Builds an {@link Injury}. The side defaults to both sides (or side not known), the date to
     * "not known" (an injury of unknown date is treated as recent). Give the date either as
     * {@link #daysAgo(int)} or as {@link #onset(LocalDate)}; the later call wins. Values are
     * checked when the patient is evaluated, not here.
     */
    public static final class Builder {
        private final InjuryType type;
        private final Muscle muscle;
        private Side side = Side.BOTH;
        private Integer daysAgo;
        private LocalDate onset;

        private Builder(InjuryType type, Muscle muscle) {
            this.type = type;
            this.muscle = muscle;
        }

        /**
         * On the left side.
         *
         * @return this builder
         */
        public Builder left() {
            side = Side.LEFT;
            return this;
        }

        /**
         * On the right side.
         *
         * @return this builder
         */
        public Builder right() {
            side = Side.RIGHT;
            return this;
        }

        /**
         * On both sides, or the side is not known (the default).
         *
         * @return this builder
         */
        public Builder bothSides() {
            side = Side.BOTH;
            return this;
        }

        /**
         * Happened {@code days} days ago (0: today).
         *
         * @param days whole days since the injury, 0 or more
         * @return this builder
         */
        public Builder daysAgo(int days) {
            daysAgo = days;
            onset = null;
            return this;
        }

        /**
         * Happened on {@code date}. {@link Patient.Builder#build()} turns it into
         * {@link Injury#daysAgo()}: the whole calendar days from {@code date} to the patient's
         * {@linkplain Patient.Builder#asOf(LocalDate) as-of date}, which must then be given.
         *
         * @param date the date of the injury
         * @return this builder
         */
        public Builder onset(LocalDate date) {
            onset = date;
            daysAgo = null;
            return this;
        }

        /**
         * The injury. For an injury dated with {@link #onset(LocalDate)}, pass the builder to
         * {@link Patient.Builder#injury(Builder)} instead: only the patient has an as-of date.
         *
         * @return the injury
         * @throws org.physiocds.InvalidPatientException at {@code daysAgo} when an onset date was given
         */
        public Injury build() {
            if (onset != null) {
                throw Dates.noAsOf("daysAgo");
            }
            return undated();
        }

        /** The injury without the onset date, which {@link #onset()} keeps apart. */
        Injury undated() {
            return new Injury(type, muscle, side, daysAgo);
        }

        LocalDate onset() {
            return onset;
        }
    }
}
