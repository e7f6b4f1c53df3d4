package org.physiocds;

import java.util.List;

/**
 * The outcome of evaluating one patient, stamped with what produced it. Immutable. Applications read
 * it; the library (and {@code JsonCodec.readEvaluation}) makes it.
 *
 * @param patientId        the patient id given, echoed back (may be {@code null})
 * @param knowledgeBase    which knowledge base produced this, with the hash of its content
 * @param thresholds       the clinical thresholds it was evaluated with (see {@link #unsafeThresholds()})
 * @param exerciseWithheld why every exercise is withheld (an emergency or urgent red-flag referral),
 *                         or {@code null} when it is not
 * @param recommendations  advice, in phase order (then by action, the most urgent referral first,
 *                         target, side and topic); no action, target, side and topic appears twice
 * @param flags            warnings, in {@link FlagCode} order
 * @param suppressed       advice overruled by a contraindication, with what overruled it
 * @param startBack        the scored STarT Back screening, or {@code null} when the input had none
 * @param missingData      what could change this advice: for each fact the record leaves unknown and
 *                         each value the rules read that would change something, what would change,
 *                         most important first ({@link WhatIf.Rank}); {@code null} unless asked for
 *                         ({@link CdsEngine#evaluateWithMissingData}), empty when
 *                         nothing unknown would change it
 * @param redFlagsScreened whether the patient was screened for red flags ({@code false}: nobody
 *                         screened, so screen before starting exercise; interchange v1.3)
 * @param warnings         what in the input looks inconsistent (a flag that contradicts the age, say),
 *                         each a sentence naming the field; the input is evaluated as given; empty
 *                         when nothing does (interchange v1.3)
 */
public record Evaluation(
        String patientId,
        KnowledgeBaseInfo knowledgeBase,
        Thresholds thresholds,
        ExerciseHold exerciseWithheld,
        List<Recommendation> recommendations,
        List<Flag> flags,
        List<SuppressedRecommendation> suppressed,
        StartBackResult startBack,
        List<WhatIf> missingData,
        boolean redFlagsScreened,
        List<String> warnings) {

    /**
     * Copies the lists, which become unmodifiable; {@code missingData} may be {@code null}, the other lists may not.
     *
     * @param patientId        the patient id given, echoed back (may be {@code null})
     * @param knowledgeBase    which knowledge base produced this, with the hash of its content
     * @param thresholds       the clinical thresholds it was evaluated with (see {@link #unsafeThresholds()})
     * @param exerciseWithheld why every exercise is withheld (an emergency or urgent red-flag referral),
     *                         or {@code null} when it is not
     * @param recommendations  advice, in phase order (then by action, the most urgent referral first,
     *                         target, side and topic); no action, target, side and topic appears twice
     * @param flags            warnings, in {@link FlagCode} order
     * @param suppressed       advice overruled by a contraindication, with what overruled it
     * @param startBack        the scored STarT Back screening, or {@code null} when the input had none
     * @param missingData      what could change this advice: for each fact the record leaves unknown and
     *                         each value the rules read that would change something, what would change,
     *                         most important first ({@link WhatIf.Rank}); {@code null} unless asked for
     *                         ({@link CdsEngine#evaluateWithMissingData}), empty when
     *                         nothing unknown would change it
     * @param redFlagsScreened whether the patient was screened for red flags ({@code false}: nobody
     *                         screened, so screen before starting exercise; interchange v1.3)
     * @param warnings         what in the input looks inconsistent (a flag that contradicts the age, say),
     *                         each a sentence naming the field; the input is evaluated as given; empty
     *                         when nothing does (interchange v1.3)
     */
    public Evaluation {
        recommendations = List.copyOf(recommendations);
        flags = List.copyOf(flags);
        suppressed = List.copyOf(suppressed);
        missingData = missingData == null ? null : List.copyOf(missingData);
        warnings = List.copyOf(warnings);
    }

    /**
     * An evaluation made before interchange v1.3, which says nothing of red-flag screening or
     * warnings: taken as screened, without warnings.
     *
     * @param patientId        the patient id given, echoed back (may be {@code null})
     * @param knowledgeBase    which knowledge base produced this, with the hash of its content
     * @param thresholds       the clinical thresholds it was evaluated with (see {@link #unsafeThresholds()})
     * @param exerciseWithheld why every exercise is withheld (an emergency or urgent red-flag referral),
     *                         or {@code null} when it is not
     * @param recommendations  advice, in phase order (then by action, the most urgent referral first,
     *                         target, side and topic); no action, target, side and topic appears twice
     * @param flags            warnings, in {@link FlagCode} order
     * @param suppressed       advice overruled by a contraindication, with what overruled it
     * @param startBack        the scored STarT Back screening, or {@code null} when the input had none
     * @param missingData      what could change this advice: for each fact the record leaves unknown and
     *                         each value the rules read that would change something, what would change,
     *                         most important first ({@link WhatIf.Rank}); {@code null} unless asked for
     *                         ({@link CdsEngine#evaluateWithMissingData}), empty when
     *                         nothing unknown would change it
     */
    public Evaluation(String patientId, KnowledgeBaseInfo knowledgeBase, Thresholds thresholds,
            ExerciseHold exerciseWithheld, List<Recommendation> recommendations, List<Flag> flags,
            List<SuppressedRecommendation> suppressed, StartBackResult startBack, List<WhatIf> missingData) {
        this(patientId, knowledgeBase, thresholds, exerciseWithheld, recommendations, flags, suppressed, startBack,
                missingData, true, List.of());
    }

    /**
     * An evaluation that was not asked what could change it ({@link #missingData()} is {@code null}).
     *
     * @param patientId        the patient id given, echoed back (may be {@code null})
     * @param knowledgeBase    which knowledge base produced this, with the hash of its content
     * @param thresholds       the clinical thresholds it was evaluated with (see {@link #unsafeThresholds()})
     * @param exerciseWithheld why every exercise is withheld (an emergency or urgent red-flag referral),
     *                         or {@code null} when it is not
     * @param recommendations  advice, in phase order (then by action, the most urgent referral first,
     *                         target, side and topic); no action, target, side and topic appears twice
     * @param flags            warnings, in {@link FlagCode} order
     * @param suppressed       advice overruled by a contraindication, with what overruled it
     * @param startBack        the scored STarT Back screening, or {@code null} when the input had none
     */
    public Evaluation(String patientId, KnowledgeBaseInfo knowledgeBase, Thresholds thresholds,
            ExerciseHold exerciseWithheld, List<Recommendation> recommendations, List<Flag> flags,
            List<SuppressedRecommendation> suppressed, StartBackResult startBack) {
        this(patientId, knowledgeBase, thresholds, exerciseWithheld, recommendations, flags, suppressed, startBack,
                null, true, List.of());
    }

    /**
     * {@return this evaluation with its missing-data report}
     *
     * @param whatIfs the missing-data report ({@link #missingData()})
     */
    public Evaluation withMissingData(List<WhatIf> whatIfs) {
        return new Evaluation(patientId, knowledgeBase, thresholds, exerciseWithheld, recommendations, flags,
                suppressed, startBack, whatIfs, redFlagsScreened, warnings);
    }

    /**
     * {@return whether some threshold was past its clinical limit ({@link Thresholds#outsideClinicalLimits()}),
     * which only an engine built with {@code allowUnsafeThresholds()} accepts: such a result must not
     * be shown as clinical advice}
     */
    public boolean unsafeThresholds() {
        return !thresholds.isClinicallySafe();
    }

    /** {@return whether every exercise is withheld until serious pathology is excluded ({@link #exerciseWithheld()})} */
    public boolean isExerciseWithheld() {
        return exerciseWithheld != null;
    }
}
