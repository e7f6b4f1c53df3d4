package org.physiocds;

/** The phases of the programme (seed 001: decompress first, activate, mobilize, build a daily practice), in order. */
public enum Phase {
    /** Safety first: referrals, what not to do and what to assess before anything else. */
    SAFETY,
    /** Take pressure off compressed structures first. */
    DECOMPRESS,
    /** Activate what is dormant: strengthen and stabilise weak muscles. */
    ACTIVATE,
    /** Mobilise what is restricted: warm up, mobilise, stretch, breathe. */
    MOBILIZE,
    /** Build a daily practice: general advice on habits, consistency, sleep and stress. */
    DAILY_PRACTICE
}
