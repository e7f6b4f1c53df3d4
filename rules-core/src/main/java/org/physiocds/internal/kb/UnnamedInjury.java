package org.physiocds.internal.kb;

import java.util.EnumSet;
import java.util.Set;
import org.physiocds.model.Muscle;
import org.physiocds.model.Target;

import org.physiocds.Action;
import org.physiocds.model.Injury;
import org.physiocds.model.Region;

/**
 * Derived: a recent injury whose structure is not named (no muscle), and the clearance referral a
 * rule proposed for it. Until it is cleared nobody knows which stretch or load could strain it:
 * every stretch on the injured side waits (every stretch when no side was recorded), and every loading of the painful region (strengthening, stabilisation,
 * mobilisation, decompression of it or of the muscles that load it, on the injured side; the
 * reviewed table of {@link SurgicalRegions}), and when the painful region is not known every
 * mobilisation and decompression, and loading advice for the programme as a whole.
 *
 * @param injury     the injury
 * @param painRegion where the pain is, or {@code null} when not known
 * @param referral   the REFER advice proposed for it
 */
public record UnnamedInjury(Injury injury, Region painRegion, Advice referral) implements Hold {

    /** The actions that load a region or muscle. */
    private static final Set<Action> LOADING = EnumSet.of(Action.STRETCH, Action.STRENGTHEN, Action.STABILIZE,
            Action.MOBILIZE, Action.DECOMPRESS);

    @Override
    public boolean holds(Advice advice) {
        Action a = advice.action();
        if (a == Action.STRETCH) {
            // Every stretch on the injured side (both sides when no side was recorded).
            return Advice.overlaps(advice.side(), injury.side());
        }
        if (!LOADING.contains(a)) {
            return false;
        }
        if (painRegion == null) {
            return a == Action.MOBILIZE || a == Action.DECOMPRESS || advice.target() == Target.GENERAL;
        }
        if (advice.target() instanceof Muscle m) {
            return (painRegion.covers(m) || SurgicalRegions.holdsMuscle(painRegion, m))
                    && Advice.overlaps(advice.side(), injury.side());
        }
        return advice.target() instanceof Region g && (g == painRegion || SurgicalRegions.holdsRegion(painRegion, g));
    }
}
