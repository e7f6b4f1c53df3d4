package org.physiocds.model;

/** Muscle length as assessed by a clinician (not as it feels). */
public enum Length {
    /** Shorter than normal. */
    SHORT,
    /** Normal length. */
    NORMAL,
    /** Longer than normal (lengthened). */
    LONG
}
