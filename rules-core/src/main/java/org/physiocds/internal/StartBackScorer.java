package org.physiocds.internal;

import java.util.Objects;
import org.physiocds.StartBackResult;
import org.physiocds.StartBackResult.Stratum;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.StartBackAnswers;

/**
 * Scores the STarT Back Screening Tool (Keele University, https://www.keele.ac.uk/startback/) the
 * way its published scoring does: every "agree" to items 1-8 scores 1; item 9 (bothersomeness)
 * scores 1 only for "very much" or "extremely". The total is all nine items (0-9); the
 * psychosocial subscale is items 5-9 (0-5). A total of 3 or less is low risk; otherwise a
 * subscale of 3 or less is medium risk and 4 or more is high risk.
 *
 * <p>The cut-offs are the tool's own, not clinical thresholds to tune: they are fixed here rather
 * than in {@link org.physiocds.Thresholds}.
 */
public final class StartBackScorer {

    /** A total up to this (inclusive) is low risk. */
    static final int LOW_RISK_MAX_TOTAL = 3;
    /** Above the low-risk total, a psychosocial subscale up to this (inclusive) is medium risk. */
    static final int MEDIUM_RISK_MAX_PSYCHOSOCIAL = 3;

    private StartBackScorer() {
    }

    /**
     * Scores complete answers.
     *
     * @throws IllegalArgumentException when an item is missing (validation reports that first)
     */
    public static StartBackResult score(StartBackAnswers a) {
        Objects.requireNonNull(a, "answers");
        int physical = point(a.item1(), 1) + point(a.item2(), 2) + point(a.item3(), 3) + point(a.item4(), 4);
        int psychosocial = point(a.item5(), 5) + point(a.item6(), 6) + point(a.item7(), 7) + point(a.item8(), 8)
                + point(a.item9());
        int total = physical + psychosocial;
        return new StartBackResult(total, psychosocial, stratum(total, psychosocial));
    }

    static Stratum stratum(int total, int psychosocial) {
        if (total <= LOW_RISK_MAX_TOTAL) {
            return Stratum.LOW;
        }
        return psychosocial <= MEDIUM_RISK_MAX_PSYCHOSOCIAL ? Stratum.MEDIUM : Stratum.HIGH;
    }

    private static int point(Boolean agree, int item) {
        if (agree == null) {
            throw new IllegalArgumentException("STarT Back item " + item + " is missing");
        }
        return agree ? 1 : 0;
    }

    /** Item 9: only "very much" and "extremely" score. */
    private static int point(Bothersomeness item9) {
        if (item9 == null) {
            throw new IllegalArgumentException("STarT Back item 9 is missing");
        }
        return item9 == Bothersomeness.VERY_MUCH || item9 == Bothersomeness.EXTREMELY ? 1 : 0;
    }
}
