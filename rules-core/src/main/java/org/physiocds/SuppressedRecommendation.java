package org.physiocds;

import java.util.List;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Advice a rule proposed that a contraindication overruled. It is reported, not dropped, so a
 * clinician sees both sides of the conflict.
 *
 * @param action           what was proposed
 * @param target           for which muscle or region
 * @param side             for a muscle: LEFT, RIGHT or BOTH; {@code null} for a region or GENERAL
 * @param topic            for GENERAL: what the advice is about; {@code null} otherwise
 * @param phase            in which phase it would have been
 * @param explanation      why it was proposed
 * @param suppressedBy     why it was overruled: the explanation of the contraindication with the
 *                         lowest rule id
 * @param alsoSuppressedBy the other contraindications that overruled it (one explanation per rule
 *                         and reason), in rule id order
 */
public record SuppressedRecommendation(
        Action action,
        Target target,
        Side side,
        Topic topic,
        Phase phase,
        Explanation explanation,
        Explanation suppressedBy,
        List<Explanation> alsoSuppressedBy) {

    /**
     * Copies {@code alsoSuppressedBy}, which becomes unmodifiable and may not be {@code null}.
     *
     * @param action           what was proposed
     * @param target           for which muscle or region
     * @param side             for a muscle: LEFT, RIGHT or BOTH; {@code null} for a region or GENERAL
     * @param topic            for GENERAL: what the advice is about; {@code null} otherwise
     * @param phase            in which phase it would have been
     * @param explanation      why it was proposed
     * @param suppressedBy     why it was overruled: the explanation of the contraindication with the
     *                         lowest rule id
     * @param alsoSuppressedBy the other contraindications that overruled it (one explanation per rule
     *                         and reason), in rule id order
     */
    public SuppressedRecommendation {
        alsoSuppressedBy = List.copyOf(alsoSuppressedBy);
    }
}
