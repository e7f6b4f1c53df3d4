package org.physiocds;

/** The phases of the programme (seed 001: decompress first, activate, mobilize, build a daily practice), in order. */
public enum Phase {
    SAFETY, DECOMPRESS, ACTIVATE, MOBILIZE, DAILY_PRACTICE
}
