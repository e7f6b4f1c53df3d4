package org.physiocds.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.Match;
import org.physiocds.Explanation;
import org.physiocds.internal.kb.Conclusion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one session and records, for every fact a rule inserts, the explanation of the rule
 * firing that inserted it: the rule's metadata and the facts its match held. One instance per
 * session; sessions are single-threaded.
 *
 * <p>For decisions only ({@code describeFacts} false) only {@link #insertionListener} is added: it
 * takes the inserting rule from the insertion event, and the explanation gets the rule's metadata
 * and the rationale the rule wrote, but no facts (nothing is put into words, no match is looked at).
 */
final class Firings {

    private static final Logger LOG = LoggerFactory.getLogger(Firings.class);

    private final KnowledgeBase kb;
    private final boolean describeFacts;
    private final Map<Object, Explanation> explanations = new IdentityHashMap<>(64);
    private final List<Object> inserted = new ArrayList<>(64);
    /** Facts are immutable: each is put into words once per session, however often it matches. */
    private final Map<Object, String> descriptions = new IdentityHashMap<>();
    private Match current;
    /** The rule and matched facts of {@link #current}, worked out at its first insertion. */
    private RuleInfo currentRule;
    private List<String> currentFacts;
    /** Decisions only: the rule of the last insertion, and its metadata. */
    private Rule currentRuleObject;

    /** With {@code describeFacts}, {@link #agendaListener} must listen too (it gives the match). */
    Firings(KnowledgeBase kb, boolean describeFacts) {
        this.kb = kb;
        this.describeFacts = describeFacts;
    }

    final DefaultAgendaEventListener agendaListener = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch();
            currentRule = null;
            currentFacts = null;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            current = null;
        }
    };

    final DefaultRuleRuntimeEventListener insertionListener = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (!describeFacts) {
                decisionInserted(event);
                return;
            }
            if (current == null) {
                return; // a patient fact inserted by the engine, not a conclusion
            }
            if (currentRule == null) {
                currentRule = kb.rule(current.getRule());
                currentFacts = describe(current.getObjects());
            }
            Object conclusion = event.getObject();
            RuleInfo rule = currentRule;
            explanations.put(conclusion, new Explanation(rule.id(), rule.name(), rule.guidance(),
                    currentFacts, rationaleOf(conclusion), rule.citations()));
            inserted.add(conclusion);
            if (LOG.isDebugEnabled()) {
                // Rule ids and conclusion types only: never patient facts.
                LOG.debug("rule {} concluded {}", rule.id(), conclusion.getClass().getSimpleName());
            }
        }
    };

    /** Decisions only: the rule's metadata and the rule's rationale, no facts. */
    private void decisionInserted(ObjectInsertedEvent event) {
        Rule by = event.getRule();
        if (by == null) {
            return; // a patient fact inserted by the engine, not a conclusion
        }
        if (by != currentRuleObject) {
            currentRuleObject = by;
            currentRule = kb.rule(by);
        }
        Object conclusion = event.getObject();
        RuleInfo rule = currentRule;
        explanations.put(conclusion, new Explanation(rule.id(), rule.name(), rule.guidance(), List.of(),
                rationaleOf(conclusion), rule.citations()));
        inserted.add(conclusion);
    }

    /** Every conclusion, in insertion order. */
    List<Object> conclusions() {
        return inserted;
    }

    Explanation explanationOf(Object conclusion) {
        return explanations.get(conclusion);
    }

    /** The matched facts in words, in match order, without repeats (a match holds a handful). */
    private List<String> describe(List<Object> matched) {
        List<String> facts = new ArrayList<>(matched.size());
        for (Object fact : matched) {
            String description = descriptions.computeIfAbsent(fact, FactDescriber::describe);
            if (description != null && !facts.contains(description)) {
                facts.add(description);
            }
        }
        return List.copyOf(facts);
    }

    private static String rationaleOf(Object conclusion) {
        return conclusion instanceof Conclusion c ? c.rationale() : "";
    }
}
