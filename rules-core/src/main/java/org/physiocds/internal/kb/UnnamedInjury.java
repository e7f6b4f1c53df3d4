package org.physiocds.internal.kb;

import org.physiocds.Action;
import org.physiocds.model.Injury;
import org.physiocds.model.Region;

/**
 * Derived: a recent injury whose structure is not named (no muscle), and the clearance referral a
 * rule proposed for it. Until it is cleared nobody knows which stretch or mobilisation could
 * strain it: every stretch waits, and the mobilisation of the painful region (every mobilisation
 * when the painful region is not known).
 *
 * @param injury     the injury
 * @param painRegion where the pain is, or {@code null} when not known
 * @param referral   the REFER advice proposed for it
 */
public record UnnamedInjury(Injury injury, Region painRegion, Advice referral) implements Hold {

    @Override
    public boolean holds(Advice advice) {
        if (advice.action() == Action.STRETCH) {
            return true;
        }
        return advice.action() == Action.MOBILIZE && (painRegion == null || advice.target() == painRegion);
    }
}
