package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.model.Surgery;

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
     * (hanging and traction load the hips, shoulders and spine) whatever was operated; and when the
     * operated region is not known, every exercise, since none can be known not to load it.
     */
    public boolean holds(Advice advice) {
        Action a = advice.action();
        if (a == Action.STRETCH || a == Action.DECOMPRESS) {
            return true;
        }
        return surgery.region() == null
                && (a == Action.STRENGTHEN || a == Action.STABILIZE || a == Action.MOBILIZE);
    }
}
