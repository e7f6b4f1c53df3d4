package org.physiocds;

import java.util.List;

/**
 * Why a rule concluded what it did.
 *
 * @param rule      the rule's permanent id, e.g. {@code MUS-02}
 * @param ruleName  the rule's name, a clinical sentence
 * @param guidance  the guidance ids (of the guidance catalog) the rule encodes
 * @param facts     the patient facts and derived findings that matched, in words
 * @param rationale what was seen and why the conclusion follows, for a clinician
 * @param citations the sources, each quoted verbatim
 */
public record Explanation(
        String rule,
        String ruleName,
        List<String> guidance,
        List<String> facts,
        String rationale,
        List<Citation> citations) {

    /**
     * Copies the lists, which become unmodifiable; none may be {@code null}.
     *
     * @param rule      the rule's permanent id, e.g. {@code MUS-02}
     * @param ruleName  the rule's name, a clinical sentence
     * @param guidance  the guidance ids (of the guidance catalog) the rule encodes
     * @param facts     the patient facts and derived findings that matched, in words
     * @param rationale what was seen and why the conclusion follows, for a clinician
     * @param citations the sources, each quoted verbatim
     */
    public Explanation {
        guidance = List.copyOf(guidance);
        facts = List.copyOf(facts);
        citations = List.copyOf(citations);
    }
}
