package org.physiocds.internal.kb;

import java.util.EnumSet;
import java.util.List;
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

    /** The deep stabilisers of the spine (seed 000's "supportive belt"), in the order advice lists them. */
    public static final List<Muscle> DEEP_CORE = List.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS);

    private Anatomy() {
    }

    /**
     * The deep stabilisers nobody stretches (transverse abdominis, multifidus, deep cervical
     * flexors): a do-not-stretch of them would only dilute the real contraindications.
     */
    public static boolean isNeverStretched(Muscle muscle) {
        return MIDLINE.contains(muscle);
    }

    /** The side advice about {@code muscle} is for, given a side: BOTH for a midline muscle. */
    public static Side side(Muscle muscle, Side side) {
        return MIDLINE.contains(muscle) ? Side.BOTH : side;
    }

    /**
     * Seed 002: the muscles that oppose a tight upper trapezius (the deep cervical flexors) or tight
     * pectorals (the rhomboids and lower trapezius), which are often long and weak; none for others.
     */
    public static List<Muscle> opposing(Muscle tight) {
        switch (tight) {
            case UPPER_TRAPEZIUS:
                return List.of(Muscle.DEEP_CERVICAL_FLEXORS);
            case PECTORALS:
                return List.of(Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS);
            default:
                return List.of();
        }
    }

    /**
     * The region whose stability work follows mobility work (seed 003, about chronic low back pain):
     * the lower back (trunk stability) for back pain or pain of a region not given; the painful joint
     * itself when it is one that needs stability (knee, neck); {@code null} for a shoulder, hip or
     * ankle, joints that need mobility.
     */
    public static Region stabilityAfterMobility(Region painRegion) {
        if (painRegion == null || isBack(painRegion)) {
            return Region.LOWER_BACK;
        }
        return isStabilityJoint(painRegion) ? painRegion : null;
    }

    /** Back pain: the lower or the upper back (seed 003's trunk stability, seed 000's deep core). */
    public static boolean isBack(Region region) {
        return region == Region.LOWER_BACK || region == Region.UPPER_BACK;
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

    /**
     * The different muscles assessed long, in the enum's order (so that text naming them is the same
     * on every run).
     */
    public static List<Muscle> longMuscles(List<MuscleFinding> findings) {
        Set<Muscle> found = EnumSet.noneOf(Muscle.class);
        for (MuscleFinding f : findings) {
            if (f.length() == org.physiocds.model.Length.LONG) {
                found.add(f.muscle());
            }
        }
        return List.copyOf(found);
    }

    /**
     * A hypermobile pattern (TEC-11): two or more different muscles assessed long and none assessed
     * short. Long muscles beside a short one are an imbalance (rounded shoulders: short pectorals,
     * long rhomboids), where the short muscle is still stretched.
     */
    public static boolean hypermobile(List<MuscleFinding> findings) {
        return longMuscles(findings).size() >= 2
                && findings.stream().noneMatch(f -> f.length() == org.physiocds.model.Length.SHORT);
    }
}
