package org.physiocds.model;

/**
 * The muscles the knowledge base reasons about. Whether a muscle is tonic or phasic is clinical
 * knowledge and lives in the knowledge base, not here; {@link #region()} is anatomy.
 */
public enum Muscle implements Target {
    GLUTES(Region.HIP),
    LOWER_BACK_EXTENSORS(Region.LOWER_BACK),
    TRANSVERSE_ABDOMINIS(Region.LOWER_BACK),
    MULTIFIDUS(Region.LOWER_BACK),
    HIP_FLEXORS(Region.HIP),
    PIRIFORMIS(Region.HIP),
    /** Hip extensors and knee flexors; grouped with the hip, where they act on the pelvis. */
    HAMSTRINGS(Region.HIP),
    QUADRATUS_LUMBORUM(Region.LOWER_BACK),
    QUADRICEPS(Region.KNEE),
    CALVES(Region.ANKLE),
    UPPER_TRAPEZIUS(Region.NECK),
    PECTORALS(Region.SHOULDER),
    DEEP_CERVICAL_FLEXORS(Region.NECK),
    RHOMBOIDS(Region.UPPER_BACK),
    LOWER_TRAPEZIUS(Region.UPPER_BACK);

    private final Region region;

    Muscle(Region region) {
        this.region = region;
    }

    /** The region this muscle belongs to, for advice given about a whole region. */
    public Region region() {
        return region;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String label() {
        return Labels.of(this);
    }
}
