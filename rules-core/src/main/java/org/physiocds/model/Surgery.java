package org.physiocds.model;

/**
 * A surgery.
 *
 * @param region  the operated region
 * @param daysAgo days since the surgery, or {@code null} when not known (treated as recent)
 */
public record Surgery(Region region, Integer daysAgo) {

    /** Whether this surgery happened within {@code days} days, or its date is unknown. */
    public boolean isWithinDays(int days) {
        return daysAgo == null || daysAgo <= days;
    }
}
