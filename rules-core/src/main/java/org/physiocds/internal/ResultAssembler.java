package org.physiocds.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physiocds.Action;
import org.physiocds.CdsException;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Urgency;
import org.physiocds.Thresholds;
import org.physiocds.Severity;
import org.physiocds.Restriction;
import org.physiocds.Referral;
import org.physiocds.ExerciseHold;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.internal.kb.Advice;
import org.physiocds.internal.kb.Alert;
import org.physiocds.internal.kb.Dose;
import org.physiocds.internal.kb.Overrule;
import org.physiocds.internal.kb.Conclusion;
import org.physiocds.internal.kb.Hold;
import org.physiocds.internal.kb.RedFlagReferral;
import org.physiocds.internal.kb.RedFlagUrgency;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Turns the conclusions of one session into an {@link Evaluation}: overruled advice goes to
 * {@code suppressed}, advice for the same action and target is merged (the explanation of the
 * lowest rule id leads, the others support it), and everything is put in a stable order.
 */
final class ResultAssembler {

    /** Muscles, then regions, then GENERAL, each in declaration order. */
    static final Comparator<Target> TARGET_ORDER = Comparator
            .comparingInt((Target t) -> t instanceof Muscle ? 0 : t instanceof Region ? 1 : 2)
            .thenComparingInt(t -> ((Enum<?>) t).ordinal());

    /**
     * Explanations by rule id, then, for a rule that fired more than once (for the left and the
     * right side, say), by rationale: what an evaluation for its decisions only, whose explanations
     * have no facts, orders by too, so that both lead with the same explanation.
     */
    private static final Comparator<Explanation> BY_REASON = Comparator.comparing(Explanation::rule)
            .thenComparing(Explanation::rationale);

    /**
     * A total order of explanations: {@link #BY_REASON}, then by facts. Which explanation leads,
     * and which one a suppression reports, must not depend on firing order or identity hash codes.
     */
    private static final Comparator<Explanation> BY_RULE = BY_REASON
            .thenComparing((x, y) -> compareJoined(x.facts(), y.facts()));

    private ResultAssembler() {
    }

    static Evaluation assemble(String patientId, KnowledgeBaseInfo kb, Thresholds thresholds, Firings firings,
            StartBackResult startBack, boolean redFlagsScreened, List<String> warnings) {
        List<Advice> advice = new ArrayList<>();
        RedFlagReferral withholding = null;
        List<Hold> holds = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<Dose> doses = new ArrayList<>();
        Map<Advice, List<Conclusion>> overruledBy = new IdentityHashMap<>();
        for (Object conclusion : firings.conclusions()) {
            if (conclusion instanceof Advice a) {
                advice.add(a);
            } else if (conclusion instanceof Alert a) {
                alerts.add(a);
            } else if (conclusion instanceof Dose d) {
                doses.add(d);
            } else if (conclusion instanceof Overrule o) {
                overruledBy.computeIfAbsent(o.overruled(), k -> new ArrayList<>()).add(o.by());
            } else if (conclusion instanceof Hold h) {
                holds.add(h);
            } else if (conclusion instanceof RedFlagReferral r && r.urgency().isWithholdingExercise()
                    && (withholding == null || r.urgency().isMoreUrgentThan(withholding.urgency()))) {
                withholding = r;
            }
        }
        List<Advice> standing = advice.stream().filter(a -> !overruledBy.containsKey(a)).toList();
        requireNoConflict(standing, holds);
        ExerciseHold hold = null;
        if (withholding != null) {
            requireOnlySafetyAdvice(standing, withholding.urgency());
            hold = new ExerciseHold(withholding.advice().referral().urgency(),
                    firings.explanationOf(withholding.advice()).rule());
        }
        return new Evaluation(patientId, kb, thresholds, hold,
                recommendations(standing, doses, firings),
                flags(alerts, firings),
                suppressed(overruledBy, firings),
                startBack, null, redFlagsScreened, warnings);
    }

    /**
     * The last line of defence for red flags: under an emergency or urgent referral only advice of
     * the SAFETY phase may stand, and under an emergency only referrals and what not to do. If an exercise still stands, a rule in red-flags.drl is missing
     * or broken (or a later stage proposed exercise it could not see). Fail rather than hand out
     * exercise to a patient who needs a referral first.
     */
    private static void requireOnlySafetyAdvice(List<Advice> standing, RedFlagUrgency urgency) {
        for (Advice a : standing) {
            if (a.action().phase() != Phase.SAFETY || urgency == RedFlagUrgency.EMERGENCY && a.action() == Action.ASSESS) {
                throw new CdsException("the knowledge base left " + a.action() + " " + a.target().code()
                        + " standing beside a red-flag referral that withholds the exercise programme");
            }
        }
    }

    /**
     * The last line of defence: if a STRETCH still stands beside a DO_NOT_STRETCH that covers it,
     * any exercise beside a referral about its muscle or region, or a stretch, decompression (or,
     * region unknown, any exercise) beside a recent surgery, a conflict rule is missing or broken. Fail rather than hand out unsafe advice.
     */
    private static void requireNoConflict(List<Advice> standing, List<Hold> holds) {
        // Only a do-not-stretch or a referral can conflict with anything: check against those few.
        List<Advice> restrictions = standing.stream()
                .filter(a -> a.action() == Action.DO_NOT_STRETCH || a.action() == Action.REFER)
                .toList();
        for (Advice a : standing) {
            for (Advice other : restrictions) {
                if (other.forbidsStretching(a) || other.withholdsExerciseOf(a)) {
                    throw new CdsException("the knowledge base left " + a.action() + " " + a.target().code()
                            + " standing beside " + other.action() + " " + other.target().code());
                }
            }
            for (Hold hold : holds) {
                if (hold.holds(a)) {
                    throw new CdsException("the knowledge base left " + a.action() + " " + a.target().code()
                            + " standing beside a recent surgery or injury that holds it until cleared");
                }
            }
        }
    }

    private static List<Recommendation> recommendations(List<Advice> standing, List<Dose> doses, Firings firings) {
        // Advice for one side of a muscle folds into the same advice for both sides: "STRENGTHEN
        // rhomboids" (both sides) says all that "STRENGTHEN right rhomboids" would.
        java.util.Set<Key> bothSides = new java.util.HashSet<>();
        for (Advice a : standing) {
            if (a.side() == Side.BOTH) {
                bothSides.add(Key.of(a));
            }
        }
        Map<Key, List<Advice>> groups = new LinkedHashMap<>();
        for (Advice a : standing) {
            groups.computeIfAbsent(Key.of(a).folded(bothSides), k -> new ArrayList<>()).add(a);
        }
        Map<Key, List<Dose>> dosesByKey = new HashMap<>();
        for (Dose d : doses) {
            dosesByKey.computeIfAbsent(Key.of(d.advice()).folded(bothSides), k -> new ArrayList<>()).add(d);
        }
        List<Recommendation> result = new ArrayList<>();
        groups.forEach((key, group) -> {
            List<Explanation> why = sorted(group.stream().map(firings::explanationOf).toList());
            List<Dose> dosing = new ArrayList<>(dosesByKey.getOrDefault(key, List.of()));
            dosing.sort(Comparator.comparing((Dose d) -> firings.explanationOf(d), BY_REASON).thenComparing(Dose::text)
                    .thenComparing(d -> firings.explanationOf(d), BY_RULE));
            List<Explanation> others = new ArrayList<>(why.subList(1, why.size()));
            dosing.forEach(d -> others.add(firings.explanationOf(d)));
            List<Explanation> support = onePerRule(others, why.get(0));
            result.add(new Recommendation(key.action(), key.target(), key.side(), key.topic(),
                    key.action().phase(),
                    dosage(dosing),
                    mostUrgent(group), strongest(group),
                    why.get(0), support));
        });
        result.sort(RECOMMENDATION_ORDER);
        return result;
    }

    /** The distinct dosage texts of an item's doses, in their order, joined; {@code null} when none has one. */
    private static String dosage(List<Dose> dosing) {
        List<String> texts = new ArrayList<>(dosing.size());
        for (Dose d : dosing) {
            if (d.text() != null && !texts.contains(d.text())) {
                texts.add(d.text());
            }
        }
        return texts.isEmpty() ? null : String.join("; ", texts);
    }

    /** The referral of a group of REFER advice (of one key, so of one reason): the most urgent. */
    private static Referral mostUrgent(List<Advice> group) {
        return group.stream().map(Advice::referral).filter(r -> r != null)
                .min(Comparator.comparing(Referral::urgency)).orElse(null);
    }

    /** The restriction of a group of DO_NOT_STRETCH advice: a contraindication if any rule says so. */
    private static Restriction strongest(List<Advice> group) {
        return group.stream().map(Advice::restriction).filter(r -> r != null).min(Comparator.naturalOrder()).orElse(null);
    }

    private static List<Flag> flags(List<Alert> alerts, Firings firings) {
        Map<FlagCode, List<Explanation>> byCode = new EnumMap<>(FlagCode.class);
        Map<FlagCode, Severity> severity = new EnumMap<>(FlagCode.class);
        for (Alert a : alerts) {
            byCode.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(firings.explanationOf(a));
            severity.merge(a.code(), a.severity(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
        }
        List<Flag> result = new ArrayList<>();
        byCode.forEach((code, why) -> {
            // A rule grounded in a guideline or study (a cited source, not a seed's quote: STarT Back
            // for psychosocial factors, say) leads a flag over one that quotes a seed page; then by rule id.
            List<Explanation> ordered = new ArrayList<>(sorted(why));
            ordered.sort(Comparator.comparing((Explanation x) -> x.citations().stream().allMatch(Citation::isQuote)));
            result.add(new Flag(code, severity.get(code), ordered.get(0),
                    onePerRule(ordered.subList(1, ordered.size()), ordered.get(0))));
        });
        return result;
    }

    private static List<SuppressedRecommendation> suppressed(Map<Advice, List<Conclusion>> overruledBy, Firings firings) {
        Map<Key, List<Explanation>> proposedBy = new LinkedHashMap<>();
        Map<Key, List<Explanation>> overruledByKey = new LinkedHashMap<>();
        overruledBy.forEach((advice, by) -> {
            Key key = Key.of(advice);
            proposedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(firings.explanationOf(advice));
            by.forEach(b -> overruledByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(firings.explanationOf(b)));
        });
        List<SuppressedRecommendation> result = new ArrayList<>();
        proposedBy.forEach((key, proposers) -> {
            Explanation proposal = sorted(proposers).get(0);
            List<Explanation> by = sorted(overruledByKey.get(key));
            result.add(new SuppressedRecommendation(key.action(), key.target(), key.side(), key.topic(),
                    key.action().phase(),
                    proposal, by.get(0), onePerRule(by, by.get(0))));
        });
        result.sort(Comparator.comparing((SuppressedRecommendation r) -> Key.of(r), KEY_ORDER));
        return result;
    }

    /**
     * Supporting explanations, one per rule, and none from the leading rule: a rule that fires for
     * several facts (a guarding region for each of two warning signs, a daily practice for each of
     * three exercises) adds one explanation, the first in {@link #BY_RULE} order, not one per firing;
     * and the rule that leads (or doses its own advice) is not listed again as its own support.
     */
    private static List<Explanation> onePerRule(List<Explanation> support, Explanation leading) {
        Map<String, Explanation> byRule = new LinkedHashMap<>();
        for (Explanation x : sorted(support)) {
            if (!x.rule().equals(leading.rule())) {
                byRule.putIfAbsent(x.rule(), x);
            }
        }
        return List.copyOf(byRule.values());
    }

    /**
     * In {@link #BY_RULE} order. Equal explanations are kept: every caller takes the first
     * explanation of a rule (or of a rule and reason), so removing the later equal ones, by hashing
     * whole explanations, rationale and all, would change nothing but the cost.
     */
    private static List<Explanation> sorted(List<Explanation> explanations) {
        List<Explanation> copy = new ArrayList<>(explanations);
        copy.sort(BY_RULE);
        return Collections.unmodifiableList(copy);
    }

    /** What makes an item one piece of advice: action, target, side and topic. */
    private record Key(Action action, Target target, Side side, Topic topic) {
        static Key of(Advice a) {
            return new Key(a.action(), a.target(), a.side(), a.topic());
        }

        static Key of(SuppressedRecommendation s) {
            return new Key(s.action(), s.target(), s.side(), s.topic());
        }

        /**
         * This key, or the same advice for both sides when that is among {@code bothSides}. Referrals
         * and do-not-stretch items keep their side: each side's reason and restriction is its own.
         */
        Key folded(java.util.Set<Key> bothSides) {
            if (side == null || side == Side.BOTH || action == Action.REFER || action == Action.DO_NOT_STRETCH) {
                return this;
            }
            Key both = new Key(action, target, Side.BOTH, topic);
            return bothSides.contains(both) ? both : this;
        }
    }

    /**
     * Phase, then action, then target, side and topic: the order of the interchange contract, total,
     * so no result depends on firing order.
     */
    private static final Comparator<Key> KEY_ORDER = Comparator
            .comparing((Key k) -> k.action().phase())
            .thenComparing(Key::action)
            .thenComparing(Key::target, TARGET_ORDER)
            .thenComparing(Key::side, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::topic, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** {@link #KEY_ORDER}, with referrals the emergency first, then the urgent, the red flags to review, then the others. */
    private static final Comparator<Recommendation> RECOMMENDATION_ORDER = Comparator
            .comparing(Recommendation::phase)
            .thenComparing(Recommendation::action)
            .thenComparingInt(ResultAssembler::referralRank)
            .thenComparing(r -> new Key(r.action(), r.target(), r.side(), r.topic()), KEY_ORDER);

    /** Emergency, urgent, red flags to review, then routine referrals; anything else after. */
    private static int referralRank(Recommendation r) {
        if (r.referral() == null) {
            return 4;
        }
        switch (r.referral().urgency()) {
            case EMERGENCY:
                return 0;
            case URGENT:
                return 1;
            case REVIEW:
                return 2;
            default:
                return 3;
        }
    }

    /**
     * Compares {@code String.join("\n", a)} with {@code String.join("\n", b)} as strings, without
     * building either: sorting compares facts often, and the joined strings were a sixth of all the
     * memory an evaluation allocated. Equal elements are skipped whole (explanations of one firing
     * share their facts); only the first element that differs decides.
     */
    static int compareJoined(List<String> a, List<String> b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            int c = 0;
            if (x.length() < y.length() && y.startsWith(x)) {
                // Joined, a goes on with a line break (or ends) where b goes on with y's next char.
                c = Integer.compare(i == a.size() - 1 ? -1 : '\n', y.charAt(x.length()));
            } else if (y.length() < x.length() && x.startsWith(y)) {
                c = Integer.compare(x.charAt(y.length()), i == b.size() - 1 ? -1 : '\n');
            } else {
                return x.compareTo(y);
            }
            // A tie here means an element holds a line break; facts never do, but be exact.
            return c != 0 ? c : compareJoinedCharByChar(a, b);
        }
        // One is the other plus more elements, which add a line break; but [] and [""] both join to "".
        return n > 0 ? Integer.compare(a.size(), b.size()) : compareJoinedCharByChar(a, b);
    }

    private static int compareJoinedCharByChar(List<String> a, List<String> b) {
        int i = 0;
        int j = 0;
        int p = 0;
        int q = 0;
        while (true) {
            int x = charAt(a, i, p);
            int y = charAt(b, j, q);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x < 0) {
                return 0;
            }
            if (p < a.get(i).length()) {
                p++;
            } else {
                i++;
                p = 0;
            }
            if (q < b.get(j).length()) {
                q++;
            } else {
                j++;
                q = 0;
            }
        }
    }

    /** The char at {@code position} of element {@code index} of the joined list: a line break between elements, -1 at the end. */
    private static int charAt(List<String> list, int index, int position) {
        if (index >= list.size()) {
            return -1;
        }
        String s = list.get(index);
        if (position < s.length()) {
            return s.charAt(position);
        }
        return index == list.size() - 1 ? -1 : '\n';
    }
}
