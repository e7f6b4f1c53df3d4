package org.physiocds.model;

/** A clinical sign found on examination. */
public enum Sign {
    SPINAL_COMPRESSION, HIP_MOBILITY_RESTRICTED, THORACIC_MOBILITY_RESTRICTED, ANKLE_MOBILITY_RESTRICTED, SIDE_TO_SIDE_ASYMMETRY
}
