package org.physiocds.internal.kb;

import java.util.EnumSet;
import java.util.Set;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;

/** Which regions and sides a finding concerns; used by rules that reason about them. */
public final class Anatomy {

    /** Muscles that span the midline: advice about them is for both sides whatever side was assessed. */
    private static final Set<Muscle> MIDLINE = EnumSet.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS,
            Muscle.DEEP_CERVICAL_FLEXORS);

    private Anatomy() {
    }

    /**
     * The region whose muscles are taken to be guarding when a warning sign suggests it: the painful
     * region (guarding follows the complaint), or the lower back, which the sources are about, when
     * the painful region is not known.
     */
    public static Region guardedRegion(Region painRegion) {
        return painRegion == null ? Region.LOWER_BACK : painRegion;
    }

    /**
     * The spinal region a sign of spinal compression concerns: the painful region when it is part
     * of the spine (lower back, upper back, neck), otherwise the lower back.
     */
    public static Region spinalRegion(Region painRegion) {
        return painRegion == Region.NECK || painRegion == Region.UPPER_BACK ? painRegion : Region.LOWER_BACK;
    }

    /** The side advice from a finding is for: the finding's side, or BOTH for a midline muscle. */
    public static Side side(MuscleFinding finding) {
        return MIDLINE.contains(finding.muscle()) ? Side.BOTH : finding.side();
    }

    /** The joint a restricted-mobility sign concerns, or {@code null} for other signs. */
    public static Region restrictedRegion(Sign sign) {
        switch (sign) {
            case HIP_MOBILITY_RESTRICTED:
                return Region.HIP;
            case THORACIC_MOBILITY_RESTRICTED:
                return Region.UPPER_BACK;
            case ANKLE_MOBILITY_RESTRICTED:
                return Region.ANKLE;
            default:
                return null;
        }
    }

    /** Seed 000's kinetic chain: the joints that need stability rather than mobility. */
    public static boolean isStabilityJoint(Region region) {
        return region == Region.KNEE || region == Region.LOWER_BACK || region == Region.NECK;
    }

    /** Seed 000's kinetic chain: the joints that need mobility rather than stability. */
    public static boolean isMobilityJoint(Region region) {
        return region == Region.ANKLE || region == Region.HIP || region == Region.SHOULDER;
    }
}
