package org.physiocds.model;

import java.time.LocalDate;

/**
 * A surgery.
 *
 * <p>From Java, build one and pass the builder to {@link Patient.Builder#surgery(Builder)}:
 * {@code Surgery.of(Region.LOWER_BACK).daysAgo(40)}, or with the date of the operation,
 * {@code Surgery.of(Region.KNEE).on(LocalDate.of(2026, 9, 1))}, which
 * {@link Patient.Builder#build()} turns into days before the patient's
 * {@linkplain Patient.Builder#asOf(LocalDate) as-of date}.
 *
 * @param region  the operated region, or {@code null} when not given
 * @param daysAgo days since the surgery, or {@code null} when not known (treated as recent)
 * @param side    the side operated on, {@code LEFT} or {@code RIGHT}, or {@code BOTH}; {@code null} when
 *                not given, which holds the muscles of both sides (interchange v1.3)
 */
public record Surgery(Region region, Integer daysAgo, Side side) {

    /**
     * A surgery whose side was not given (both sides' muscles are held).
     *
     * @param region  the operated region, or {@code null} when not given
     * @param daysAgo days since the surgery, or {@code null} when not known (treated as recent)
     */
    public Surgery(Region region, Integer daysAgo) {
        this(region, daysAgo, null);
    }

    /** {@return the side whose muscles the surgery holds: its side, or {@code BOTH} when not given} */
    public Side heldSide() {
        return side == null ? Side.BOTH : side;
    }

    /**
     * {@return a builder of a surgery of {@code region}}
     *
     * @param region the operated region, or {@code null} when not given
     */
    public static Builder of(Region region) {
        return new Builder(region);
    }

    /**
     * {@return a builder of a surgery whose region was not given: until a clinician clears the patient,
     * every stretch and exercise waits}
     */
    public static Builder regionNotGiven() {
        return new Builder(null);
    }

    /**
     * Builds a {@link Surgery}. The date defaults to "not known" (treated as recent). Give it
     * either as {@link #daysAgo(int)} or as {@link #on(LocalDate)}; the later call wins. Values are
     * checked when the patient is evaluated, not here.
     */
    public static final class Builder {
        private final Region region;
        private Integer daysAgo;
        private LocalDate date;
        private Side side;

        private Builder(Region region) {
            this.region = region;
        }

        /**
         * Done {@code days} days ago (0: today).
         *
         * @param days whole days since the surgery, 0 or more
         * @return this builder
         */
        public Builder daysAgo(int days) {
            daysAgo = days;
            date = null;
            return this;
        }

        /**
         * On the left side: the left side's muscles are held, the right side's are not.
         *
         * @return this builder
         */
        public Builder left() {
            side = Side.LEFT;
            return this;
        }

        /**
         * On the right side: the right side's muscles are held, the left side's are not.
         *
         * @return this builder
         */
        public Builder right() {
            side = Side.RIGHT;
            return this;
        }

        /**
         * On both sides (the same as not giving a side: both sides' muscles are held).
         *
         * @return this builder
         */
        public Builder bothSides() {
            side = Side.BOTH;
            return this;
        }

        /**
         * Done on {@code date}. {@link Patient.Builder#build()} turns it into
         * {@link Surgery#daysAgo()}: the whole calendar days from {@code date} to the patient's
         * {@linkplain Patient.Builder#asOf(LocalDate) as-of date}, which must then be given.
         *
         * @param date the date of the surgery
         * @return this builder
         */
        public Builder on(LocalDate date) {
            this.date = date;
            daysAgo = null;
            return this;
        }

        /**
         * The surgery. For a surgery dated with {@link #on(LocalDate)}, pass the builder to
         * {@link Patient.Builder#surgery(Builder)} instead: only the patient has an as-of date.
         *
         * @return the surgery
         * @throws org.physiocds.InvalidPatientException at {@code daysAgo} when a date was given
         */
        public Surgery build() {
            if (date != null) {
                throw Dates.noAsOf("daysAgo");
            }
            return undated();
        }

        /** The surgery without its date, which {@link #date()} keeps apart. */
        Surgery undated() {
            return new Surgery(region, daysAgo, side);
        }

        LocalDate date() {
            return date;
        }
    }
}
