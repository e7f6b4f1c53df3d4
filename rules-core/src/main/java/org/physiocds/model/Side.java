package org.physiocds.model;

/** Which side of the body a finding concerns; absent in the interchange means BOTH. */
public enum Side {
    LEFT, RIGHT, BOTH
}
