package org.physiocds.model;

/** A clinical sign found on examination. */
public enum Sign {
    /** Signs of spinal compression (the muscles tighten to splint the spine). */
    SPINAL_COMPRESSION,
    /** Hip mobility is restricted. */
    HIP_MOBILITY_RESTRICTED,
    /** Thoracic (upper back) mobility is restricted. */
    THORACIC_MOBILITY_RESTRICTED,
    /** Ankle mobility is restricted. */
    ANKLE_MOBILITY_RESTRICTED,
    /** Range of motion differs between the left and right sides. */
    SIDE_TO_SIDE_ASYMMETRY
}
