package org.physiocds.model;

/**
 * Answers to the nine items of the STarT Back Screening Tool (Keele University). Items 1-8 are
 * {@code true} for "agree"; item 9 is the bothersomeness scale. All nine are required; the
 * questionnaire's wording is Keele University's and is not reproduced here.
 */
public record StartBackAnswers(
        Boolean item1, Boolean item2, Boolean item3, Boolean item4,
        Boolean item5, Boolean item6, Boolean item7, Boolean item8,
        Bothersomeness item9) {
}
