package org.physiocds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.Referral;
import org.physiocds.Restriction;
import org.physiocds.Severity;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.WhatIf;
import org.physiocds.model.Side;
import org.physiocds.model.Target;
import org.physiocds.text.TextReport;

/**
 * Turns an evaluation into at most three cards, designed against alert fatigue: driven by the typed
 * signals only, never by parsing text.
 *
 * <ul>
 * <li>{@code critical}: an emergency or urgent referral (and any critical flag): act now.</li>
 * <li>{@code warning}: what must not be done ({@code DO_NOT_STRETCH} with restriction
 * {@code CONTRAINDICATED}) and the advice withheld because of it.</li>
 * <li>{@code info}: one card with the rest of the plan, by phase.</li>
 * </ul>
 * No card when there is nothing to say. Each card's {@code detail} gives the rationale, the rule ids
 * and the seed quotes (external sources are summaries, never shown as quotes); its
 * {@code source.topic} names the rule that raised it, {@link DesignedCard#rules()} all of them.
 */
final class CardDesigner {

    /** The system of {@code source.topic}: a rule id of the knowledge base. */
    static final String RULE_SYSTEM = "https://physiocds.org/fhir/CodeSystem/rule";
    /** The system of the override reasons. */
    static final String OVERRIDE_SYSTEM = "https://physiocds.org/fhir/CodeSystem/override-reason";

    /** The documented override reasons, offered on critical and warning cards. */
    static final List<Wire.Coding> OVERRIDE_REASONS = List.of(
            new Wire.Coding(OVERRIDE_SYSTEM, "already-addressed", "Already addressed"),
            new Wire.Coding(OVERRIDE_SYSTEM, "record-incorrect", "Patient record is incorrect or out of date"),
            new Wire.Coding(OVERRIDE_SYSTEM, "clinical-judgement", "Not applicable to this patient (clinical judgement)"),
            new Wire.Coding(OVERRIDE_SYSTEM, "patient-declined", "Patient declined"),
            new Wire.Coding(OVERRIDE_SYSTEM, "not-this-visit", "Not relevant to this visit"));

    static final int MAX_SUMMARY = 139;

    /** A card and every rule id behind it (for the card log). */
    record DesignedCard(Wire.Card card, List<String> rules) {
    }

    private final Supplier<UUID> uuids;

    CardDesigner(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    List<DesignedCard> cards(Evaluation evaluation) {
        List<DesignedCard> cards = new ArrayList<>();
        List<Recommendation> urgent = new ArrayList<>();
        List<Recommendation> mustNot = new ArrayList<>();
        List<Recommendation> plan = new ArrayList<>();
        for (Recommendation r : evaluation.recommendations()) {
            if (isUrgentReferral(r)) {
                urgent.add(r);
            } else if (r.action() == Action.DO_NOT_STRETCH && r.restriction() == Restriction.CONTRAINDICATED) {
                mustNot.add(r);
            } else {
                plan.add(r);
            }
        }
        List<Flag> criticalFlags = evaluation.flags().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        List<Flag> otherFlags = evaluation.flags().stream().filter(f -> f.severity() != Severity.CRITICAL).toList();
        String label = evaluation.knowledgeBase().name() + " " + evaluation.knowledgeBase().version();

        if (!urgent.isEmpty()) {
            Urgency top = urgent.stream().map(r -> r.referral().urgency()).min(Enum::compareTo).orElseThrow();
            Set<String> reasons = new LinkedHashSet<>();
            urgent.forEach(r -> reasons.add(r.topic() != null ? r.topic().label() : words(r.referral().reason().name())));
            String summary = (top == Urgency.EMERGENCY ? "Emergency referral" : "Urgent referral") + ": "
                    + String.join(", ", reasons)
                    + (evaluation.isExerciseWithheld() ? "; withhold all exercise" : "");
            StringBuilder detail = new StringBuilder();
            List<String> rules = new ArrayList<>();
            for (Recommendation r : urgent) {
                item(detail, title(r.action(), r.target(), r.side(), r.topic(), r.referral()), r.dosage(),
                        r.explanation(), r.alsoSupportedBy(), rules);
            }
            if (evaluation.isExerciseWithheld()) {
                detail.append("All exercise is withheld until the patient has been seen (rule `")
                        .append(evaluation.exerciseWithheld().rule()).append("`).\n\n");
                rules.add(evaluation.exerciseWithheld().rule());
            }
            flags(detail, criticalFlags, rules);
            cards.add(card("critical", summary, detail, label, rules, true));
        }

        List<SuppressedRecommendation> withheld = evaluation.suppressed();
        if (!mustNot.isEmpty() || !withheld.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Recommendation r : mustNot) {
                parts.add(sideAndTarget(r.side(), r.target()));
            }
            String summary = mustNot.isEmpty() ? "" : "Do not stretch " + String.join(", ", parts);
            if (!withheld.isEmpty()) {
                summary += (summary.isEmpty() ? "" : "; ") + withheld.size()
                        + (withheld.size() == 1 ? " item of advice withheld" : " items of advice withheld");
            }
            StringBuilder detail = new StringBuilder();
            List<String> rules = new ArrayList<>();
            if (!mustNot.isEmpty()) {
                detail.append("### Do not\n\n");
                for (Recommendation r : mustNot) {
                    item(detail, title(r.action(), r.target(), r.side(), r.topic(), null), r.dosage(),
                            r.explanation(), r.alsoSupportedBy(), rules);
                }
            }
            if (!withheld.isEmpty()) {
                detail.append("### Withheld\n\n");
                for (SuppressedRecommendation s : withheld) {
                    detail.append("- **").append(md(title(s.action(), s.target(), s.side(), s.topic(), null)))
                            .append("**: withheld by rule `").append(s.suppressedBy().rule()).append("` (")
                            .append(md(s.suppressedBy().ruleName())).append(")\n");
                    rules.add(s.suppressedBy().rule());
                    s.alsoSuppressedBy().forEach(e -> rules.add(e.rule()));
                }
                detail.append('\n');
            }
            if (urgent.isEmpty()) {
                flags(detail, criticalFlags, rules);
            }
            cards.add(card("warning", summary, detail, label, rules, true));
        }

        if (!plan.isEmpty()) {
            Map<Phase, List<Recommendation>> byPhase = new LinkedHashMap<>();
            for (Phase phase : Phase.values()) {
                for (Recommendation r : plan) {
                    if (r.phase() == phase) {
                        byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(r);
                    }
                }
            }
            String summary = "Plan: " + plan.size() + (plan.size() == 1 ? " step" : " steps") + " in "
                    + String.join(", ", byPhase.keySet().stream().map(p -> words(p.name())).toList());
            StringBuilder detail = new StringBuilder();
            List<String> rules = new ArrayList<>();
            int n = 1;
            for (Map.Entry<Phase, List<Recommendation>> e : byPhase.entrySet()) {
                detail.append("### ").append(n++).append(". ").append(capitalised(words(e.getKey().name()))).append("\n\n");
                for (Recommendation r : e.getValue()) {
                    item(detail, title(r.action(), r.target(), r.side(), r.topic(), r.referral()), r.dosage(),
                            r.explanation(), r.alsoSupportedBy(), rules);
                }
            }
            if (!otherFlags.isEmpty()) {
                detail.append("### Findings\n\n");
                flags(detail, otherFlags, rules);
            }
            if (evaluation.startBack() != null) {
                detail.append("STarT Back: ").append(md(String.valueOf(evaluation.startBack()))).append("\n\n");
            }
            whatCouldChange(detail, evaluation.missingData());
            cards.add(card("info", summary, detail, label, rules, false));
        }
        return cards;
    }

    /** Most unknown facts worth finding out, on a card; the command line's --what-if lists them all. */
    static final int WHAT_IF_LINES = 5;

    /**
     * What the record leaves unknown that would change the plan, most important first ({@link
     * WhatIf.Rank}): "If the length of the left hamstrings were SHORT: STRETCH left hamstrings would be
     * added (MUS-05)".
     */
    private static void whatCouldChange(StringBuilder detail, List<WhatIf> whatIfs) {
        if (whatIfs == null || whatIfs.isEmpty()) {
            return;
        }
        detail.append("### What could change this advice\n\n");
        for (WhatIf w : whatIfs.subList(0, Math.min(WHAT_IF_LINES, whatIfs.size()))) {
            detail.append("- ").append(md(TextReport.render(w))).append('\n');
        }
        if (whatIfs.size() > WHAT_IF_LINES) {
            detail.append("- ").append(whatIfs.size() - WHAT_IF_LINES).append(" more unknown facts could change it.\n");
        }
        detail.append('\n');
    }

    static boolean isUrgentReferral(Recommendation r) {
        Referral referral = r.referral();
        return referral != null && (referral.urgency() == Urgency.EMERGENCY || referral.urgency() == Urgency.URGENT);
    }

    private DesignedCard card(String indicator, String summary, StringBuilder detail, String label, List<String> rules,
            boolean overridable) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(rules));
        detail.append("---\n").append(md(label)).append("; rules: ")
                .append(String.join(", ", distinct.stream().map(r -> "`" + r + "`").toList())).append('\n');
        Wire.Coding topic = distinct.isEmpty() ? null
                : new Wire.Coding(RULE_SYSTEM, distinct.get(0), "Rules " + String.join(", ", distinct));
        Wire.Card card = new Wire.Card(uuids.get().toString(), shorten(summary), detail.toString(), indicator,
                new Wire.Source(label, null, null, topic), List.of(), null,
                overridable ? OVERRIDE_REASONS : List.of(), List.of());
        return new DesignedCard(card, distinct);
    }

    private static void item(StringBuilder detail, String title, String dosage, Explanation why,
            List<Explanation> also, List<String> rules) {
        detail.append("- **").append(md(title)).append("**");
        if (dosage != null && !dosage.isBlank()) {
            detail.append(" (").append(md(dosage)).append(')');
        }
        detail.append(": ").append(md(why.rationale())).append(" Rule `").append(why.rule()).append("`.\n");
        rules.add(why.rule());
        quotes(detail, why.citations());
        for (Explanation e : also) {
            rules.add(e.rule());
            detail.append("  - Also rule `").append(e.rule()).append("`: ").append(md(e.rationale())).append('\n');
        }
        detail.append('\n');
    }

    private static void flags(StringBuilder detail, List<Flag> flags, List<String> rules) {
        for (Flag f : flags) {
            detail.append("- **").append(capitalised(words(f.code().name()))).append("**: ")
                    .append(md(f.explanation().rationale())).append(" Rule `").append(f.explanation().rule())
                    .append("`.\n");
            rules.add(f.explanation().rule());
            quotes(detail, f.explanation().citations());
        }
        if (!flags.isEmpty()) {
            detail.append('\n');
        }
    }

    private static void quotes(StringBuilder detail, List<Citation> citations) {
        for (Citation c : citations) {
            if (c.isQuote()) {
                detail.append("  > \"").append(md(c.quote())).append("\" (").append(md(c.source())).append(")\n");
            } else {
                detail.append("  - ").append(md(c.source())).append(", in summary: ").append(md(c.summary())).append('\n');
            }
        }
    }

    static String title(Action action, Target target, Side side, Topic topic, Referral referral) {
        StringBuilder title = new StringBuilder(capitalised(words(action.name())));
        if (referral != null) {
            title.append(" (").append(referral.urgency().name().toLowerCase(Locale.ROOT)).append(')');
        }
        if (topic != null) {
            return title.append(": ").append(topic.label()).toString();
        }
        return title.append(' ').append(sideAndTarget(side, target)).toString();
    }

    static String sideAndTarget(Side side, Target target) {
        if (target == null) {
            return "";
        }
        if (side == null) {
            return target.label();
        }
        return (side == Side.BOTH ? "both sides, " : side.name().toLowerCase(Locale.ROOT) + " ") + target.label();
    }

    static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Under 140 characters, cut at a word with an ellipsis. */
    static String shorten(String summary) {
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        int cut = summary.lastIndexOf(' ', MAX_SUMMARY - 1);
        return summary.substring(0, cut > 40 ? cut : MAX_SUMMARY - 1) + "…";
    }

    /** Text of the knowledge base is plain: escape what Markdown would read as markup or HTML. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_<>[]#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }
}
