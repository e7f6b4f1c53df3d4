package org.physiocds.model;

/**
 * What a recommendation is about: a {@link Muscle}, a {@link Region}, or {@link #GENERAL} for
 * advice about the whole programme.
 */
public sealed interface Target permits Muscle, Region, Target.General {

    /** Advice about the programme as a whole rather than one muscle or region. */
    Target GENERAL = General.GENERAL;

    /** {@return the interchange code: a muscle code, a region code or {@code GENERAL}} */
    String code();

    /** {@return a readable name, for rationales and reports} */
    String label();

    /**
     * {@return whether advice about this target also concerns {@code other}: a target covers itself, and
     * a region covers the muscles that belong to it}
     *
     * @param other another target
     */
    default boolean covers(Target other) {
        return this.equals(other) || (other instanceof Muscle m && m.region() == this);
    }

    /**
     * {@return the target with this interchange code, or {@code null} when the code is unknown}
     *
     * @param code an interchange code ({@code GLUTES}, {@code LOWER_BACK}, {@code GENERAL})
     */
    static Target fromCode(String code) {
        for (Muscle m : Muscle.values()) {
            if (m.name().equals(code)) {
                return m;
            }
        }
        for (Region r : Region.values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return GENERAL.code().equals(code) ? GENERAL : null;
    }

    /** The single value standing for the programme as a whole. */
    enum General implements Target {
        /** The programme as a whole. */
        GENERAL;

        @Override
        public String code() {
            return name();
        }

        @Override
        public String label() {
            return "general programme";
        }
    }
}
