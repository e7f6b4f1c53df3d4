package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiocds.StartBackResult;
import org.physiocds.StartBackResult.Stratum;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.StartBackAnswers;

/** The STarT Back Screening Tool's scoring, at every boundary (Keele University scoring). */
class StartBackScorerTest {

    /** Answers with "agree" to exactly the given items of 1-8, and item 9 as given. */
    static StartBackAnswers agreeing(Set<Integer> items, Bothersomeness item9) {
        return new StartBackAnswers(items.contains(1), items.contains(2), items.contains(3), items.contains(4),
                items.contains(5), items.contains(6), items.contains(7), items.contains(8), item9);
    }

    /** "1 2 5" becomes {1, 2, 5}; "-" is none. */
    private static Set<Integer> items(String list) {
        return list.equals("-") ? Set.of()
                : java.util.Arrays.stream(list.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
    }

    @Test
    void score_allDisagreeAndNotAtAllBothersome_isZeroAndLowRisk() {
        assertEquals(new StartBackResult(0, 0, Stratum.LOW), StartBackScorer.score(agreeing(Set.of(), Bothersomeness.NOT_AT_ALL)));
    }

    @Test
    void score_allAgreeAndExtremelyBothersome_isNineWithFullSubscaleAndHighRisk() {
        Set<Integer> all = IntStream.rangeClosed(1, 8).boxed().collect(Collectors.toSet());
        assertEquals(new StartBackResult(9, 5, Stratum.HIGH), StartBackScorer.score(agreeing(all, Bothersomeness.EXTREMELY)));
    }

    @ParameterizedTest(name = "item 9 {0} scores {1}")
    @CsvSource({"NOT_AT_ALL, 0", "SLIGHTLY, 0", "MODERATELY, 0", "VERY_MUCH, 1", "EXTREMELY, 1"})
    void score_item9_scoresOnlyVeryMuchAndExtremely_inTotalAndSubscale(Bothersomeness item9, int point) {
        StartBackResult r = StartBackScorer.score(agreeing(Set.of(), item9));

        assertEquals(point, r.total());
        assertEquals(point, r.psychosocial());
    }

    @ParameterizedTest(name = "agree to item {0} alone")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void score_oneAgreement_countsInTheTotalAndInTheSubscaleOnlyForItems5To8(int item) {
        StartBackResult r = StartBackScorer.score(agreeing(Set.of(item), Bothersomeness.NOT_AT_ALL));

        assertEquals(1, r.total());
        assertEquals(item >= 5 ? 1 : 0, r.psychosocial());
    }

    @ParameterizedTest(name = "agree to {0}, item 9 {1}: total {2}, subscale {3}, {4}")
    @CsvSource({
        // the total boundary 3 / 4
        "1 2 3,       NOT_AT_ALL, 3, 0, LOW",
        "5 6,         VERY_MUCH,  3, 3, LOW",
        "1 2 3 4,     NOT_AT_ALL, 4, 0, MEDIUM",
        "1 5 6,       EXTREMELY,  4, 3, MEDIUM",
        // the subscale boundary 3 / 4 above a total of 3
        "1 2 5 6 7,   MODERATELY, 5, 3, MEDIUM",
        "1 2 3 4 5 6, VERY_MUCH,  7, 3, MEDIUM",
        "5 6 7 8,     SLIGHTLY,   4, 4, HIGH",
        "5 6 7,       VERY_MUCH,  4, 4, HIGH",
        "1 2 5 6 7 8, NOT_AT_ALL, 6, 4, HIGH",
        // the subscale alone never makes a low total anything but low
        "-,           EXTREMELY,  1, 1, LOW",
    })
    void score_aroundTheStratumBoundaries_stratifiesAsKeele(String agreed, Bothersomeness item9, int total,
            int psychosocial, Stratum stratum) {
        assertEquals(new StartBackResult(total, psychosocial, stratum), StartBackScorer.score(agreeing(items(agreed), item9)));
    }

    @ParameterizedTest(name = "total {0}, subscale {1}: {2}")
    @CsvSource({"0, 0, LOW", "3, 3, LOW", "4, 0, MEDIUM", "4, 3, MEDIUM", "4, 4, HIGH", "7, 3, MEDIUM", "9, 5, HIGH"})
    void stratum_totalAndSubscale_followTheCutOffs(int total, int psychosocial, Stratum stratum) {
        assertEquals(stratum, StartBackScorer.stratum(total, psychosocial));
    }

    @ParameterizedTest
    @EnumSource(Bothersomeness.class)
    void score_missingAgreeItem_isRefusedNotScoredAsDisagree(Bothersomeness item9) {
        StartBackAnswers missingItem4 = new StartBackAnswers(true, true, true, null, true, true, true, true, item9);

        assertThrows(IllegalArgumentException.class, () -> StartBackScorer.score(missingItem4));
    }

    @Test
    void score_missingItem9_isRefusedNotScoredAsNotBothersome() {
        assertThrows(IllegalArgumentException.class,
                () -> StartBackScorer.score(agreeing(Set.of(1, 2, 3), null)));
    }
}
