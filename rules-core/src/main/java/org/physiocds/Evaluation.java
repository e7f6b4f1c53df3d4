package org.physiocds;

import java.util.List;

/**
 * The outcome of evaluating one patient. Immutable.
 *
 * @param patientId       the patient id given, echoed back (may be {@code null})
 * @param knowledgeBase   which knowledge base produced this
 * @param recommendations advice, in phase order (then by action, then target); no action and
 *                        target pair appears twice
 * @param flags           warnings, in {@link FlagCode} order
 * @param suppressed      advice overruled by a contraindication, with what overruled it
 * @param startBack       the scored STarT Back screening, or {@code null} when the input had none
 */
public record Evaluation(
        String patientId,
        KnowledgeBaseInfo knowledgeBase,
        List<Recommendation> recommendations,
        List<Flag> flags,
        List<SuppressedRecommendation> suppressed,
        StartBackResult startBack) {

    public Evaluation {
        recommendations = List.copyOf(recommendations);
        flags = List.copyOf(flags);
        suppressed = List.copyOf(suppressed);
    }
}
