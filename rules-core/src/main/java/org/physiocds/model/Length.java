package org.physiocds.model;

/** Muscle length as assessed by a clinician (not as it feels). */
public enum Length {
    SHORT, NORMAL, LONG
}
