package org.physiocds.model;

/** Muscle strength as assessed by a clinician. */
public enum Strength {
    /** Weaker than normal. */
    WEAK,
    /** Normal strength. */
    NORMAL
}
