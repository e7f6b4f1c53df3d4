package org.physiocds.internal.kb;

/**
 * Seed 000: tonic muscles tend to tighten and shorten; phasic muscles tend to weaken and lengthen.
 * {@code UNTYPED}: none of the sources types the muscle, and the knowledge base does not guess.
 */
public enum MuscleType {
    TONIC, PHASIC, UNTYPED
}
