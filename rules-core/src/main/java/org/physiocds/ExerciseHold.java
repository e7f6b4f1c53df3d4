package org.physiocds;

import java.util.Objects;

/**
 * Every exercise and self-management recommendation is withheld until serious pathology has been
 * excluded, because a red-flag referral of this urgency stands (only referrals and what not to do are
 * left; each withheld item is in {@link Evaluation#suppressed()}).
 *
 * @param urgency the referral's urgency: {@link Urgency#EMERGENCY} or {@link Urgency#URGENT}
 * @param rule    the id of the rule that made the referral, e.g. {@code RFL-11}
 */
public record ExerciseHold(Urgency urgency, String rule) {

    /**
     * Checks that both components are given; a {@code null} one throws {@link NullPointerException}.
     *
     * @param urgency the referral's urgency: {@link Urgency#EMERGENCY} or {@link Urgency#URGENT}
     * @param rule    the id of the rule that made the referral, e.g. {@code RFL-11}
     */
    public ExerciseHold {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(rule, "rule");
    }
}
