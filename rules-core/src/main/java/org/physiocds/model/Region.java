package org.physiocds.model;

/** A body region: where pain is felt, where surgery was done, or what a recommendation targets. */
public enum Region implements Target {
    LOWER_BACK, UPPER_BACK, NECK, SHOULDER, HIP, KNEE, ANKLE;

    @Override
    public String code() {
        return name();
    }

    @Override
    public String label() {
        return this == UPPER_BACK ? "upper back (thoracic spine)" : Labels.of(this);
    }
}
