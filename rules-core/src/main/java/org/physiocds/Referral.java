package org.physiocds;

import java.util.Objects;

/**
 * What a REFER recommendation asks for, as data: how soon, and why. An application shows an
 * {@link Urgency#EMERGENCY} or {@link Urgency#URGENT} referral as an alarm and the others as advice,
 * without reading the rationale.
 *
 * @param urgency how soon
 * @param reason  why
 */
public record Referral(Urgency urgency, Reason reason) {

    /**
     * Checks that both components are given; a {@code null} one throws {@link NullPointerException}.
     *
     * @param urgency how soon
     * @param reason  why
     */
    public Referral {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a patient is referred. Each reason is its own item, never merged with another. */
    public enum Reason {
        /** Red flags for serious pathology: a medical assessment (NICE NG59 1.1.1). */
        RED_FLAG_ASSESSMENT,
        /** A recent injury: a clinician says which stretches and exercises are safe (G03). */
        INJURY_CLEARANCE,
        /** A recent surgery: a clinician says which stretches and exercises are safe (G03). */
        SURGERY_CLEARANCE,
        /** Stretching hurts: stop the painful stretches and consult a healthcare provider (G05). */
        PAINFUL_STRETCHING,
        /** STarT Back medium risk: a course of physiotherapy. */
        PHYSIOTHERAPY,
        /** STarT Back high risk: psychologically informed physiotherapy. */
        PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY
    }
}
