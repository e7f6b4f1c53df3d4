package org.physiocds.model;

/**
 * The muscles the knowledge base reasons about. Whether a muscle is tonic or phasic is clinical
 * knowledge and lives in the knowledge base, not here; {@link #region()} is anatomy.
 */
public enum Muscle implements Target {
    /** The gluteal muscles (buttocks); grouped with the hip. */
    GLUTES(Region.HIP),
    /** The lower back extensors (erector spinae of the lumbar spine). */
    LOWER_BACK_EXTENSORS(Region.LOWER_BACK),
    /** The transverse abdominis, the deepest abdominal muscle. */
    TRANSVERSE_ABDOMINIS(Region.LOWER_BACK),
    /** The multifidus, a deep muscle along the spine. */
    MULTIFIDUS(Region.LOWER_BACK),
    /** The hip flexors (iliopsoas and others), at the front of the hip. */
    HIP_FLEXORS(Region.HIP),
    /** The piriformis, deep in the buttock. */
    PIRIFORMIS(Region.HIP),
    /** Hip extensors and knee flexors; grouped with the hip, where they act on the pelvis. */
    HAMSTRINGS(Region.HIP),
    /** The quadratus lumborum, at the side of the lower back. */
    QUADRATUS_LUMBORUM(Region.LOWER_BACK),
    /** The quadriceps, at the front of the thigh; grouped with the knee. */
    QUADRICEPS(Region.KNEE),
    /** The calf muscles; grouped with the ankle. */
    CALVES(Region.ANKLE),
    /** The upper trapezius, between the neck and the shoulder; grouped with the neck. */
    UPPER_TRAPEZIUS(Region.NECK),
    /** The chest muscles; grouped with the shoulder. */
    PECTORALS(Region.SHOULDER),
    /** The deep neck flexors, at the front of the cervical spine. */
    DEEP_CERVICAL_FLEXORS(Region.NECK),
    /** The rhomboids, between the shoulder blades; grouped with the upper back. */
    RHOMBOIDS(Region.UPPER_BACK),
    /** The lower trapezius, below the shoulder blades; grouped with the upper back. */
    LOWER_TRAPEZIUS(Region.UPPER_BACK);

    private final Region region;

    Muscle(Region region) {
        this.region = region;
    }

    /** {@return the region this muscle belongs to, for advice given about a whole region} */
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
