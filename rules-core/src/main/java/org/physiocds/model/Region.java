package org.physiocds.model;

/** A body region: where pain is felt, where surgery was done, or what a recommendation targets. */
public enum Region implements Target {
    /** The lower back (lumbar spine). */
    LOWER_BACK,
    /** The upper back (thoracic spine). */
    UPPER_BACK,
    /** The neck (cervical spine). */
    NECK,
    /** The shoulder. */
    SHOULDER,
    /** The hip. */
    HIP,
    /** The knee. */
    KNEE,
    /** The ankle. */
    ANKLE;

    @Override
    public String code() {
        return name();
    }

    @Override
    public String label() {
        return this == UPPER_BACK ? "upper back (thoracic spine)" : Labels.of(this);
    }
}
