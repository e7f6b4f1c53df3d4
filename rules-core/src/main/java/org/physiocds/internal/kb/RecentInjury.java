package org.physiocds.internal.kb;

import org.physiocds.model.Injury;

/** Derived: a strain or tear of a muscle within the recent-injury threshold, still healing. */
public record RecentInjury(Injury injury, int thresholdDays) {
}
