package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.Phase;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/**
 * Derived: a surgery within the recent-surgery threshold, and the referral a rule proposed for it,
 * so that the rules that hold exercise back can name that referral as what overruled each item.
 *
 * @param surgery  the surgery
 * @param referral the REFER advice proposed for it
 */
public record RecentSurgery(Surgery surgery, Advice referral) implements Hold {

    /**
     * Whether {@code advice} waits for the clearance: every stretch and every decompression
     * (hanging loads the hips, shoulders and spine) whatever was operated; general loading advice
     * (strengthening for reliable muscles, say); every exercise of a muscle that loads the operated
     * region ({@link SurgicalRegions}) on the operated side (both sides when the side is not given),
     * and region-wide exercise of the regions it moves; and when the operated region is not known,
     * every exercise, since none can be known not to load it.
     */
    @Override
    public boolean holds(Advice advice) {
        Action a = advice.action();
        if (a == Action.STRETCH || a == Action.DECOMPRESS) {
            return true;
        }
        Region operated = surgery.region();
        if (operated == null || advice.target() == Target.GENERAL) {
            // Loading advice for the programme as a whole cannot be known to spare the operated region.
            return a == Action.STRENGTHEN || a == Action.STABILIZE || a == Action.MOBILIZE;
        }
        return loads(surgery, advice);
    }

    /**
     * Whether {@code advice} exercises what a surgery of a known region loads: a muscle of its row
     * in {@link SurgicalRegions} on the operated side (both sides when the side is not given), or
     * region-wide exercise of a region it moves. Safety items and advice for the programme as a
     * whole load nothing in particular.
     */
    public static boolean loads(Surgery surgery, Advice advice) {
        Region operated = surgery.region();
        if (operated == null || advice.target() == Target.GENERAL || advice.action().phase() == Phase.SAFETY) {
            return false;
        }
        if (advice.target() instanceof Muscle m) {
            return SurgicalRegions.holdsMuscle(operated, m) && Advice.overlaps(advice.side(), surgery.heldSide());
        }
        return SurgicalRegions.holdsRegion(operated, (Region) advice.target());
    }
}
