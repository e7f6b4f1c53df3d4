package org.physiocds;

import org.physiocds.model.Target;

/**
 * Advice a rule proposed that a contraindication overruled. It is reported, not dropped, so a
 * clinician sees both sides of the conflict.
 *
 * @param action       what was proposed
 * @param target       for which muscle or region
 * @param phase        in which phase it would have been
 * @param explanation  why it was proposed
 * @param suppressedBy why it was overruled: the contraindication's explanation
 */
public record SuppressedRecommendation(
        Action action,
        Target target,
        Phase phase,
        Explanation explanation,
        Explanation suppressedBy) {
}
