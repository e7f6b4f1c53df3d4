package org.physiocds;

import java.util.List;
import org.physiocds.model.Target;

/**
 * One piece of advice.
 *
 * @param action          what to do
 * @param target          the muscle, region or {@link Target#GENERAL} it concerns
 * @param phase           when, in the phased programme
 * @param dosage          how much, or {@code null} when the advice has no dosage
 * @param explanation     why: the first rule (by rule id) that proposed it
 * @param alsoSupportedBy the other rules (one explanation each) that proposed the same action for
 *                        the same target or set its dosage, in rule id order
 */
public record Recommendation(
        Action action,
        Target target,
        Phase phase,
        String dosage,
        Explanation explanation,
        List<Explanation> alsoSupportedBy) {

    public Recommendation {
        alsoSupportedBy = List.copyOf(alsoSupportedBy);
    }
}
