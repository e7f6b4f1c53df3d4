package org.physiocds.internal.kb;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;

/**
 * The one reviewed table of what a surgery holds until a clinician clears it: for each operated
 * region, the muscles whose stretching or loading loads it and the regions whose region-wide
 * exercise (stabilisation, mobilisation, decompression) moves or loads it. The clinical reason for
 * each row is in {@code docs/surgical-regions.md}; a test holds the two together. Every muscle of a
 * region is in that region's row.
 */
public final class SurgicalRegions {

    /** What one operated region holds. */
    public record Row(Set<Muscle> muscles, Set<Region> regions) {
    }

    private static final Map<Region, Row> TABLE = new EnumMap<>(Region.class);

    static {
        row(Region.LOWER_BACK,
                EnumSet.of(Muscle.LOWER_BACK_EXTENSORS, Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS,
                        Muscle.QUADRATUS_LUMBORUM, Muscle.GLUTES, Muscle.HIP_FLEXORS, Muscle.HAMSTRINGS),
                EnumSet.of(Region.LOWER_BACK, Region.HIP));
        row(Region.UPPER_BACK,
                EnumSet.of(Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS),
                EnumSet.of(Region.UPPER_BACK));
        row(Region.NECK,
                EnumSet.of(Muscle.UPPER_TRAPEZIUS, Muscle.DEEP_CERVICAL_FLEXORS),
                EnumSet.of(Region.NECK, Region.UPPER_BACK));
        row(Region.SHOULDER,
                EnumSet.of(Muscle.PECTORALS, Muscle.RHOMBOIDS, Muscle.LOWER_TRAPEZIUS, Muscle.UPPER_TRAPEZIUS),
                EnumSet.of(Region.SHOULDER, Region.UPPER_BACK));
        row(Region.HIP,
                EnumSet.of(Muscle.GLUTES, Muscle.HIP_FLEXORS, Muscle.PIRIFORMIS, Muscle.HAMSTRINGS, Muscle.QUADRICEPS),
                EnumSet.of(Region.HIP));
        row(Region.KNEE,
                EnumSet.of(Muscle.QUADRICEPS, Muscle.HAMSTRINGS, Muscle.CALVES),
                EnumSet.of(Region.KNEE));
        row(Region.ANKLE,
                EnumSet.of(Muscle.CALVES),
                EnumSet.of(Region.ANKLE));
    }

    private SurgicalRegions() {
    }

    private static void row(Region operated, Set<Muscle> muscles, Set<Region> regions) {
        TABLE.put(operated, new Row(Set.copyOf(muscles), Set.copyOf(regions)));
    }

    /** The row of an operated region. */
    public static Row of(Region operated) {
        return TABLE.get(operated);
    }

    /** Whether a surgery of {@code operated} holds the stretching and loading of {@code muscle}. */
    public static boolean holdsMuscle(Region operated, Muscle muscle) {
        return operated != null && TABLE.get(operated).muscles().contains(muscle);
    }

    /** Whether a surgery of {@code operated} holds region-wide exercise of {@code region}. */
    public static boolean holdsRegion(Region operated, Region region) {
        return operated != null && TABLE.get(operated).regions().contains(region);
    }

    /**
     * The row in words, for the referral: "the pectorals, rhomboids, lower trapezius and upper
     * trapezius, and region-wide exercise of the shoulder and upper back (thoracic spine)".
     */
    public static String describe(Region operated) {
        Row row = TABLE.get(operated);
        String muscles = and(row.muscles().stream().sorted().map(Muscle::label).toList());
        String regions = and(row.regions().stream().sorted().map(Region::label).toList());
        return "the " + muscles + ", and region-wide exercise of the " + regions;
    }

    private static String and(java.util.List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + words.get(words.size() - 1);
    }
}
