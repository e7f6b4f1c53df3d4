package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/**
 * Derived: a surgery within the recent-surgery threshold, and the referral a rule proposed for it,
 * so that the rules that hold exercise back can name that referral as what overruled each item.
 *
 * @param surgery  the surgery
 * @param referral the REFER advice proposed for it
 */
public record RecentSurgery(Surgery surgery, Advice referral) {

    /**
     * Whether {@code advice} waits for the clearance: every stretch and every decompression
     * (hanging and traction load the hips, shoulders and spine) whatever was operated; general
     * loading advice (strengthening for reliable muscles, say); and when the operated region is not
     * known, every exercise, since none can be known not to load it.
     */
    public boolean holds(Advice advice) {
        Action a = advice.action();
        if (a == Action.STRETCH || a == Action.DECOMPRESS) {
            return true;
        }
        boolean loading = a == Action.STRENGTHEN || a == Action.STABILIZE || a == Action.MOBILIZE;
        // Loading advice for the programme as a whole cannot be known to spare the operated region.
        return loading && (surgery.region() == null || advice.target() == Target.GENERAL);
    }
}
