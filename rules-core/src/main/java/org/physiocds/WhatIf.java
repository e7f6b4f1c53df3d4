package org.physiocds;

import java.util.List;

/**
 * One fact the patient's record leaves unknown, one value it could take, and what that value would
 * change in the advice ({@link Evaluation#missingData()}): "if the hip flexors' length were SHORT,
 * STRETCH hip flexors would be added (MUS-05)".
 *
 * @param path    where the fact lives, as a path of the interchange format ({@code muscles[2].length},
 *                {@code stretching.ballistic}, {@code redFlags}, {@code startBack})
 * @param fact    the fact in words, for a clinician ("the length of the left hip flexors")
 * @param value   the value supposed, in words of the format ({@code SHORT}, {@code true}, {@code an
 *                emergency red flag (SADDLE_ANESTHESIA)})
 * @param rank    why it matters: what could reveal a contraindication or red flag first, then what
 *                would add or remove a stretch, then the rest
 * @param changes what would change, as {@link EvaluationDiff} reports it (never empty)
 */
public record WhatIf(String path, String fact, String value, Rank rank, List<EvaluationDiff.Change> changes) {

    /**
     * Copies {@code changes}, which becomes unmodifiable and may not be {@code null}.
     *
     * @param path    where the fact lives, as a path of the interchange format ({@code muscles[2].length},
     *                {@code stretching.ballistic}, {@code redFlags}, {@code startBack})
     * @param fact    the fact in words, for a clinician ("the length of the left hip flexors")
     * @param value   the value supposed, in words of the format ({@code SHORT}, {@code true}, {@code an
     *                emergency red flag (SADDLE_ANESTHESIA)})
     * @param rank    why it matters: what could reveal a contraindication or red flag first, then what
     *                would add or remove a stretch, then the rest
     * @param changes what would change, as {@link EvaluationDiff} reports it (never empty)
     */
    public WhatIf {
        changes = List.copyOf(changes);
    }

    /** The order in which a clinician should find out, most important first. */
    public enum Rank {
        /** Knowing it could reveal a contraindication, a red flag or a referral, or withhold advice. */
        SAFETY,
        /** Knowing it would add, remove, withhold or release a stretch. */
        STRETCH,
        /** Knowing it would change other advice. */
        OTHER
    }
}
