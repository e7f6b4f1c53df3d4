package org.physiocds;

import java.util.List;

/**
 * One rule of the knowledge base, as the knowledge base itself describes it: its metadata in the
 * rule file ({@code @id}, {@code @guidance}), its name, the citations of its guidance from the
 * guidance catalog ({@code guidance.tsv}), and what its consequence concludes, read from the rule
 * file. For an application, a knowledge repository or a governance board that lists, publishes or
 * cites the rules (the {@code fhir} module's PlanDefinition is made from these) without running
 * them. {@link CdsEngine#rules()} lists them.
 *
 * @param id        the rule's permanent id ({@code SAF-02}), as every explanation names it
 * @param name      the rule's name: its condition and conclusion in its own words ("Injured muscle:
 *                  do not stretch a recently strained, torn or otherwise injured muscle")
 * @param file      the rule file it is written in ({@code safety.drl}: one file per clinical topic);
 *                  {@code null} when the knowledge base does not ship it
 * @param guidance  the guidance ids it encodes: the catalog's {@code G01}-{@code G44} and the ids of
 *                  external guidance ({@code NG59-1.1.1}), in the rule's order
 * @param citations the citations of that guidance, each once, as every result the rule explains
 *                  carries them: seed quotes verbatim, other sources by reference and summary
 * @param actions   the actions of the recommendations its consequence can propose, in
 *                  {@link Action} order; empty for a rule that proposes none
 * @param flags     the flags its consequence can raise, in {@link FlagCode} order
 * @param withholds whether its consequence can withhold advice other rules proposed (reported as
 *                  suppressed, with this rule as the reason)
 * @param phase     the phase of the plan its conclusions belong to: the first phase of its
 *                  {@code actions}; for a rule that proposes nothing but sets the dosage of an item,
 *                  the phase of that item; {@code null} for a rule that only withholds advice, raises
 *                  flags or derives findings other rules read (a muscle's class, a red-flag finding)
 */
public record RuleDescription(String id, String name, String file, List<String> guidance, List<Citation> citations,
        List<Action> actions, List<FlagCode> flags, boolean withholds, Phase phase) {

    /**
     * Copies the lists, which become unmodifiable; none may be {@code null}.
     *
     * @param id        the rule's permanent id ({@code SAF-02}), as every explanation names it
     * @param name      the rule's name: its condition and conclusion in its own words ("Injured muscle:
     *                  do not stretch a recently strained, torn or otherwise injured muscle")
     * @param file      the rule file it is written in ({@code safety.drl}: one file per clinical topic);
     *                  {@code null} when the knowledge base does not ship it
     * @param guidance  the guidance ids it encodes: the catalog's {@code G01}-{@code G44} and the ids of
     *                  external guidance ({@code NG59-1.1.1}), in the rule's order
     * @param citations the citations of that guidance, each once, as every result the rule explains
     *                  carries them: seed quotes verbatim, other sources by reference and summary
     * @param actions   the actions of the recommendations its consequence can propose, in
     *                  {@link Action} order; empty for a rule that proposes none
     * @param flags     the flags its consequence can raise, in {@link FlagCode} order
     * @param withholds whether its consequence can withhold advice other rules proposed (reported as
     *                  suppressed, with this rule as the reason)
     * @param phase     the phase of the plan its conclusions belong to: the first phase of its
     *                  {@code actions}; for a rule that proposes nothing but sets the dosage of an item,
     *                  the phase of that item; {@code null} for a rule that only withholds advice, raises
     *                  flags or derives findings other rules read (a muscle's class, a red-flag finding)
     */
    public RuleDescription {
        guidance = List.copyOf(guidance);
        citations = List.copyOf(citations);
        actions = List.copyOf(actions);
        flags = List.copyOf(flags);
    }
}
