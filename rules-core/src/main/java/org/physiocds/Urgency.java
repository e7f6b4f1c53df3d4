package org.physiocds;

/** How soon a referral needs a clinician, most urgent first. */
public enum Urgency {
    /** The same day, in emergency care (suspected cauda equina syndrome, major trauma). */
    EMERGENCY,
    /** A medical assessment within days (suspected malignancy, infection, fragility fracture). */
    URGENT,
    /** Before the advice it concerns is acted on: a clearance or a course of care, at the usual pace. */
    ROUTINE,
    /** A clinician reviews a finding at this visit; nothing is withheld for it. */
    REVIEW
}
