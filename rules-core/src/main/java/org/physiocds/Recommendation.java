package org.physiocds;

import java.util.List;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * One piece of advice. No two recommendations of an evaluation share action, target, side and topic.
 *
 * @param action          what to do
 * @param target          the muscle, region or {@link Target#GENERAL} it concerns
 * @param side            for a muscle: LEFT, RIGHT or BOTH; {@code null} for a region or GENERAL
 * @param topic           for GENERAL: what the advice is about; {@code null} otherwise
 * @param phase           when, in the phased programme
 * @param dosage          how much, or {@code null} when the advice has no dosage
 * @param referral        for REFER: how soon and why, as data; {@code null} for any other action
 * @param restriction     for DO_NOT_STRETCH: a contraindication or "not indicated" (the strongest of
 *                        the rules behind it); {@code null} for any other action
 * @param explanation     why: the first rule (by rule id) that proposed it
 * @param alsoSupportedBy the other rules (one explanation each, never the leading rule again) that
 *                        proposed the same advice or set its dosage, in rule id order
 */
public record Recommendation(
        Action action,
        Target target,
        Side side,
        Topic topic,
        Phase phase,
        String dosage,
        Referral referral,
        Restriction restriction,
        Explanation explanation,
        List<Explanation> alsoSupportedBy) {

    /**
     * Copies {@code alsoSupportedBy}, which becomes unmodifiable and may not be {@code null}.
     *
     * @param action          what to do
     * @param target          the muscle, region or {@link Target#GENERAL} it concerns
     * @param side            for a muscle: LEFT, RIGHT or BOTH; {@code null} for a region or GENERAL
     * @param topic           for GENERAL: what the advice is about; {@code null} otherwise
     * @param phase           when, in the phased programme
     * @param dosage          how much, or {@code null} when the advice has no dosage
     * @param referral        for REFER: how soon and why, as data; {@code null} for any other action
     * @param restriction     for DO_NOT_STRETCH: a contraindication or "not indicated" (the strongest of
     *                        the rules behind it); {@code null} for any other action
     * @param explanation     why: the first rule (by rule id) that proposed it
     * @param alsoSupportedBy the other rules (one explanation each, never the leading rule again) that
     *                        proposed the same advice or set its dosage, in rule id order
     */
    public Recommendation {
        alsoSupportedBy = List.copyOf(alsoSupportedBy);
    }
}
