package org.physiocds;

/** Something a clinician should know about the patient, raised by a rule. */
public enum FlagCode {
    /**
     * Pain returns soon after stretching (within the painReturnMinutes threshold): instability suspected
     * (WRN-01, G17).
     */
    INSTABILITY_SUSPECTED,
    /**
     * The patient needs more and more stretching for the same relief: the problem is progressing
     * (WRN-02, G18).
     */
    PROBLEM_PROGRESSING,
    /**
     * The patient is worse the day after stretching: stretching has destabilised a protected area
     * (WRN-03, G19).
     */
    DESTABILIZED,
    /**
     * Pain is getting worse despite consistent stretching: the root cause is not being addressed
     * (WRN-04, G20).
     */
    ROOT_CAUSE_UNADDRESSED,
    /** Signs of spinal compression. */
    COMPRESSION,
    /** One area is working overtime for another (e.g. a restricted hip or upper back, glutes not firing). */
    COMPENSATION,
    /** Side-to-side asymmetry in range of motion. */
    ASYMMETRY,
    /**
     * Psychosocial factors (fear of movement, stress, anxiety, a high STarT Back psychosocial subscale)
     * influence the pain.
     */
    PSYCHOSOCIAL_FACTORS,
    /**
     * An injury within the recentInjuryDays threshold (or of unknown date): the injured muscle is still
     * healing.
     */
    RECENT_INJURY,
    /**
     * Surgery within the recentSurgeryDays threshold (or of unknown date): stretching waits for
     * clearance.
     */
    RECENT_SURGERY,
    /**
     * A red flag for serious pathology, or a child or adolescent outside the scope of this adult
     * guidance.
     */
    RED_FLAG
}
