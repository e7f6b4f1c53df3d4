package org.physiocds.internal.kb;

/** Seed 000: tonic muscles tend to tighten and shorten; phasic muscles tend to weaken and lengthen. */
public enum MuscleType {
    TONIC, PHASIC
}
