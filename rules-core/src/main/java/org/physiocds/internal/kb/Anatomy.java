package org.physiocds.internal.kb;

import java.util.List;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;

/** Which regions a finding concerns; used by rules that reason about regions. */
public final class Anatomy {

    private Anatomy() {
    }

    /**
     * The regions whose muscles are taken to be guarding when a warning sign suggests it: always
     * the lower back, which the sources are about, and the painful region as well when it is
     * another part of the spine (upper back or neck).
     */
    public static List<Region> guardedRegions(Region painRegion) {
        return painRegion == Region.UPPER_BACK || painRegion == Region.NECK
                ? List.of(Region.LOWER_BACK, painRegion)
                : List.of(Region.LOWER_BACK);
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
