package org.physiocds.model;

/** The kind of injury. */
public enum InjuryType {
    /** A strain (a pulled muscle). */
    STRAIN,
    /** A tear. */
    TEAR,
    /** Any other injury, including one not to a muscle. */
    OTHER
}
