package org.physiocds.internal.kb;

/**
 * Derived: the referral advice a rule proposed for a red-flag finding, so that the rules that
 * withhold exercise can name it as what overruled each exercise.
 *
 * @param urgency the finding's urgency
 * @param advice  the REFER advice proposed for it
 */
public record RedFlagReferral(RedFlagUrgency urgency, Advice advice) {
}
