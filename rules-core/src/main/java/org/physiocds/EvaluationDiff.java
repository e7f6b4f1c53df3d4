package org.physiocds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * What changed in the advice for one patient between two evaluations: the same patient under
 * other thresholds or another knowledge base. It compares decisions, not wording: an item (a
 * recommendation, a suppressed recommendation or a flag) appears, disappears, moves between
 * recommended and withheld, changes its dosage, or rests on other rules. A rationale that only
 * quotes another threshold value is not a change.
 */
public final class EvaluationDiff {

    private EvaluationDiff() {
    }

    /** How an item changed. */
    public enum Kind {
        /** Recommended after, not before (nor suppressed before). */
        ADDED,
        /** Recommended before, not after (nor suppressed after). */
        REMOVED,
        /** Recommended before, suppressed after. */
        WITHHELD,
        /** Suppressed before, recommended after. */
        RELEASED,
        /** Suppressed after, neither recommended nor suppressed before. */
        SUPPRESSION_ADDED,
        /** Suppressed before, neither recommended nor suppressed after. */
        SUPPRESSION_REMOVED,
        /** Recommended on both sides, with another dosage. */
        DOSAGE_CHANGED,
        /** Recommended on both sides, or a flag raised on both, resting on other rules (leading or supporting). */
        RULES_CHANGED,
        /** A flag raised after, not before. */
        FLAG_RAISED,
        /** A flag raised before, not after. */
        FLAG_CLEARED
    }

    /**
     * One change.
     *
     * @param kind   how it changed
     * @param action the item's action; {@code null} for a flag
     * @param target the item's target; {@code null} for a flag
     * @param side   the item's side (muscles only), or {@code null}
     * @param topic  the item's topic (GENERAL only), or {@code null}
     * @param flag   the flag's code; {@code null} for a recommendation
     * @param rule   the id of the rule that leads the item (after the change when it exists then,
     *               otherwise before)
     */
    public record Change(Kind kind, Action action, Target target, Side side, Topic topic, FlagCode flag, String rule) {
    }

    /**
     * {@return every change from {@code before} to {@code after}, in a stable order (kind, then item)}
     *
     * @param before the first evaluation; not {@code null}
     * @param after  the second evaluation; not {@code null}
     */
    public static List<Change> between(Evaluation before, Evaluation after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<Item, Recommendation> recommendedBefore = recommended(before);
        Map<Item, Recommendation> recommendedAfter = recommended(after);
        Map<Item, SuppressedRecommendation> suppressedBefore = suppressed(before);
        Map<Item, SuppressedRecommendation> suppressedAfter = suppressed(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Item, Recommendation> e : recommendedBefore.entrySet()) {
            Item item = e.getKey();
            Recommendation was = e.getValue();
            Recommendation now = recommendedAfter.get(item);
            if (now != null) {
                if (!Objects.equals(was.dosage(), now.dosage())) {
                    changes.add(item.change(Kind.DOSAGE_CHANGED, now.explanation().rule()));
                } else if (!rules(was).equals(rules(now))) {
                    changes.add(item.change(Kind.RULES_CHANGED, now.explanation().rule()));
                }
            } else if (suppressedAfter.containsKey(item)) {
                changes.add(item.change(Kind.WITHHELD, suppressedAfter.get(item).explanation().rule()));
            } else {
                changes.add(item.change(Kind.REMOVED, was.explanation().rule()));
            }
        }
        for (Map.Entry<Item, Recommendation> e : recommendedAfter.entrySet()) {
            Item item = e.getKey();
            if (recommendedBefore.containsKey(item)) {
                continue;
            }
            changes.add(item.change(suppressedBefore.containsKey(item) ? Kind.RELEASED : Kind.ADDED,
                    e.getValue().explanation().rule()));
        }
        for (Map.Entry<Item, SuppressedRecommendation> e : suppressedBefore.entrySet()) {
            Item item = e.getKey();
            SuppressedRecommendation now = suppressedAfter.get(item);
            // Withheld on both sides: withheld, whatever overrules it now, is no change of advice.
            if (now == null && !recommendedAfter.containsKey(item)) {
                changes.add(item.change(Kind.SUPPRESSION_REMOVED, e.getValue().explanation().rule()));
            }
        }
        for (Map.Entry<Item, SuppressedRecommendation> e : suppressedAfter.entrySet()) {
            Item item = e.getKey();
            if (!suppressedBefore.containsKey(item) && !recommendedBefore.containsKey(item)) {
                changes.add(item.change(Kind.SUPPRESSION_ADDED, e.getValue().explanation().rule()));
            }
        }
        Map<FlagCode, Flag> flagsBefore = flags(before);
        Map<FlagCode, Flag> flagsAfter = flags(after);
        flagsBefore.forEach((code, was) -> {
            Flag now = flagsAfter.get(code);
            if (now == null) {
                changes.add(new Change(Kind.FLAG_CLEARED, null, null, null, null, code, was.explanation().rule()));
            } else if (!rules(was.explanation(), was.alsoSupportedBy()).equals(rules(now.explanation(), now.alsoSupportedBy()))) {
                changes.add(new Change(Kind.RULES_CHANGED, null, null, null, null, code, now.explanation().rule()));
            }
        });
        flagsAfter.forEach((code, now) -> {
            if (!flagsBefore.containsKey(code)) {
                changes.add(new Change(Kind.FLAG_RAISED, null, null, null, null, code, now.explanation().rule()));
            }
        });
        changes.sort(ORDER);
        return List.copyOf(changes);
    }

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::action, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.target() == null ? "" : c.target().code())
            .thenComparing(Change::side, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::topic, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::flag, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Change::rule);

    /** What identifies an item across two evaluations. */
    private record Item(Action action, Target target, Side side, Topic topic) {
        Change change(Kind kind, String rule) {
            return new Change(kind, action, target, side, topic, null, rule);
        }
    }

    private static Map<Item, Recommendation> recommended(Evaluation e) {
        Map<Item, Recommendation> items = new LinkedHashMap<>();
        e.recommendations().forEach(r -> items.put(new Item(r.action(), r.target(), r.side(), r.topic()), r));
        return items;
    }

    private static Map<Item, SuppressedRecommendation> suppressed(Evaluation e) {
        Map<Item, SuppressedRecommendation> items = new LinkedHashMap<>();
        e.suppressed().forEach(s -> items.put(new Item(s.action(), s.target(), s.side(), s.topic()), s));
        return items;
    }

    private static Map<FlagCode, Flag> flags(Evaluation e) {
        Map<FlagCode, Flag> flags = new LinkedHashMap<>();
        e.flags().forEach(f -> flags.put(f.code(), f));
        return flags;
    }

    private static Set<String> rules(Recommendation r) {
        return rules(r.explanation(), r.alsoSupportedBy());
    }

    private static Set<String> rules(Explanation leading, List<Explanation> others) {
        Set<String> rules = new TreeSet<>();
        rules.add(leading.rule());
        others.forEach(x -> rules.add(x.rule()));
        return rules;
    }
}
