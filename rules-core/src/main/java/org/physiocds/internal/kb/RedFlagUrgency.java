package org.physiocds.internal.kb;

/**
 * How soon a red-flag finding needs a clinician, most urgent first. The timing words are what the
 * referral recommendation shows as its dosage, so the urgency is visible without reading the
 * rationale.
 */
public enum RedFlagUrgency {

    /**
     * Suspected cauda equina syndrome, an unstable fracture or a spinal infection (fever with a risk
     * factor): the same day, in emergency care.
     */
    EMERGENCY("emergency: same day"),

    /**
     * Suspected malignancy, fragility fracture, fever alone or several infection risk factors without
     * fever, back pain under 16: a medical assessment within days.
     */
    URGENT("urgent: within days, same day if systemically unwell"),

    /** One low-specificity flag: a clinician reviews it at this visit; no alarm. */
    REVIEW("review: clinician review at this visit");

    private final String timing;

    RedFlagUrgency(String timing) {
        this.timing = timing;
    }

    /** The referral's timing in words, shown as the recommendation's dosage. */
    public String timing() {
        return timing;
    }

    /** Whether this urgency is higher than {@code other}'s. */
    public boolean isMoreUrgentThan(RedFlagUrgency other) {
        return ordinal() < other.ordinal();
    }

    /**
     * Whether exercise waits for the referral: it does when serious pathology is suspected
     * (emergency or urgent), not when one low-specificity flag is only to be reviewed.
     */
    public boolean isWithholdingExercise() {
        return this != REVIEW;
    }
}
