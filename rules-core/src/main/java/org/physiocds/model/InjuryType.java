package org.physiocds.model;

/** The kind of injury. */
public enum InjuryType {
    STRAIN, TEAR, OTHER
}
