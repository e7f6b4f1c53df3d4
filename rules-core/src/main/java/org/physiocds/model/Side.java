package org.physiocds.model;

/** Which side of the body a finding concerns; absent in the interchange means BOTH. */
public enum Side {
    /** The left side only. */
    LEFT,
    /** The right side only. */
    RIGHT,
    /** Both sides. */
    BOTH
}
