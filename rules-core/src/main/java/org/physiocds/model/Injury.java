package org.physiocds.model;

/**
 * An injury.
 *
 * @param type    strain, tear or other
 * @param muscle  the injured muscle, or {@code null} when the injury is not to a muscle
 * @param side    the side; {@code null} means {@link Side#BOTH}
 * @param daysAgo days since the injury, or {@code null} when not known (treated as recent: an
 *                injury of unknown date is assumed to be still healing)
 */
public record Injury(InjuryType type, Muscle muscle, Side side, Integer daysAgo) {

    public Injury {
        side = side == null ? Side.BOTH : side;
    }

    /** Whether this injury happened within {@code days} days, or its date is unknown. */
    public boolean isWithinDays(int days) {
        return daysAgo == null || daysAgo <= days;
    }

    /** Whether this is a strain or tear of a muscle. */
    public boolean isMuscleDamage() {
        return muscle != null && (type == InjuryType.STRAIN || type == InjuryType.TEAR);
    }
}
