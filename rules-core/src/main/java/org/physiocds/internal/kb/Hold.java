package org.physiocds.internal.kb;

/**
 * Derived: a finding that holds some advice until a clinician has cleared the patient (a recent
 * surgery, an injury whose structure is not named), with the referral that asks for the clearance.
 * Each held item is reported as suppressed by that referral.
 */
public interface Hold {

    /** The REFER advice proposed for the finding: what overrules each held item. */
    Advice referral();

    /** Whether {@code advice} waits for the clearance. */
    boolean holds(Advice advice);
}
