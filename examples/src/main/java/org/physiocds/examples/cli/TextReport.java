package org.physiocds.examples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.model.Target;

/**
 * An evaluation as a report a clinician reads: recommendations grouped by phase, then flags,
 * then suppressed advice, each with why, the rule and its sources. Quotes longer than a line
 * are shortened here only; the JSON document keeps them whole.
 */
final class TextReport {

    static final int WIDTH = 100;
    static final int MAX_QUOTE = 120;

    private static final String ITEM = "  ";
    private static final String DETAIL = "      ";

    private final List<String> lines = new ArrayList<>();
    /** Explanations already shown in full, and under which item: a repeat refers back to it. */
    private final Map<Explanation, String> shown = new HashMap<>();

    private TextReport() {
    }

    static String render(Evaluation e) {
        TextReport report = new TextReport();
        report.evaluation(e);
        return String.join("\n", report.lines);
    }

    private void evaluation(Evaluation e) {
        lines.add("Patient " + (e.patientId() == null ? "(no id given)" : e.patientId())
                + ", evaluated by knowledge base " + e.knowledgeBase().name() + " " + e.knowledgeBase().version());
        if (e.startBack() != null) {
            StartBackResult s = e.startBack();
            lines.add("STarT Back: " + s.stratum() + " risk (total score " + s.total() + " of 9, psychosocial "
                    + s.psychosocial() + " of 5)");
        }

        heading("RECOMMENDATIONS", e.recommendations().size());
        for (Phase phase : Phase.values()) {
            List<Recommendation> inPhase = e.recommendations().stream().filter(r -> r.phase() == phase).toList();
            if (!inPhase.isEmpty()) {
                lines.add("");
                lines.add(ITEM + "Phase " + (phase.ordinal() + 1) + ", " + words(phase).toUpperCase(Locale.ROOT)
                        + ": " + PHASE_MEANING[phase.ordinal()]);
                inPhase.forEach(this::recommendation);
            }
        }

        heading("FLAGS", e.flags().size());
        e.flags().forEach(this::flag);

        heading("SUPPRESSED: advice a rule proposed and a contraindication overruled", e.suppressed().size());
        e.suppressed().forEach(this::suppressed);
    }

    /** What each phase is for, in the order of {@link Phase} (seed 001's programme). */
    private static final String[] PHASE_MEANING = {
        "referrals, precautions and what not to do, before anything else",
        "decompress first",
        "activate what is dormant",
        "mobilise what is restricted",
        "build a daily practice"};

    private void heading(String title, int count) {
        lines.add("");
        lines.add(title + (count == 0 ? ": none" : " (" + count + ")"));
    }

    private void recommendation(Recommendation r) {
        String title = words(r.action()).toUpperCase(Locale.ROOT) + target(r.target());
        lines.add(ITEM + "* " + title);
        if (r.dosage() != null) {
            field("Dosage", r.dosage());
        }
        explained("Why", "Rule", r.explanation(), title);
        alsoSupportedBy(r.alsoSupportedBy());
    }

    private void flag(Flag f) {
        String title = words(f.code()).toUpperCase(Locale.ROOT);
        lines.add(ITEM + "! " + title);
        explained("Why", "Rule", f.explanation(), "the flag " + title);
        alsoSupportedBy(f.alsoSupportedBy());
    }

    private void alsoSupportedBy(List<Explanation> others) {
        for (Explanation also : others) {
            field("Also", also.rule() + guidance(also) + ": " + also.rationale());
        }
    }

    private void suppressed(SuppressedRecommendation s) {
        String title = words(s.action()).toUpperCase(Locale.ROOT) + target(s.target());
        lines.add(ITEM + "x " + title + " (not advised)");
        explained("Proposed because", "Proposed by", s.explanation(), "the suppressed " + title);
        explained("Suppressed because", "Suppressed by", s.suppressedBy(), "what suppressed " + title);
        for (Explanation also : s.alsoSuppressedBy()) {
            field("And because", also.rule() + guidance(also) + ": " + also.rationale());
        }
    }

    /** Why, by which rule and on which sources; an explanation shown before refers back to it instead. */
    private void explained(String why, String by, Explanation x, String where) {
        String earlier = shown.putIfAbsent(x, where);
        if (earlier != null) {
            field(why, "as for " + earlier + " above");
            field(by, x.rule() + " \"" + x.ruleName() + "\"");
            return;
        }
        field(why, x.rationale());
        field(by, x.rule() + " \"" + x.ruleName() + "\"" + guidance(x));
        // One line per source document, its quotes in the order the rule cites them.
        Map<String, List<String>> quotes = new LinkedHashMap<>();
        for (Citation c : x.citations()) {
            quotes.computeIfAbsent(c.source(), k -> new ArrayList<>()).add("\"" + shorten(c.quote()) + "\"");
        }
        quotes.forEach((source, quoted) -> field("Source", source + ": " + String.join(" ", quoted)));
    }

    /** " (guidance G08, G09)", or nothing. */
    private static String guidance(Explanation x) {
        return x.guidance().isEmpty() ? "" : " (guidance " + String.join(", ", x.guidance()) + ")";
    }

    /** A labelled detail, wrapped to the width with a hanging indent. */
    private void field(String label, String text) {
        lines.addAll(wrap(DETAIL + label + ": ", DETAIL + "  ", text));
    }

    /** {@code text} in lines of at most {@link #WIDTH} (a longer word stays whole), the first after {@code first}. */
    static List<String> wrap(String first, String rest, String text) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                wrapped.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        wrapped.add(line.toString());
        return wrapped;
    }

    /** A quote cut at a word boundary to about {@link #MAX_QUOTE} characters, with an ellipsis. */
    static String shorten(String quote) {
        if (quote.length() <= MAX_QUOTE) {
            return quote;
        }
        int cut = quote.lastIndexOf(' ', MAX_QUOTE - 1);
        return quote.substring(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE - 1).stripTrailing() + "…";
    }

    /** " hip flexors"; nothing for advice about the whole programme, which the rationale explains. */
    private static String target(Target t) {
        return t == Target.GENERAL ? "" : " " + t.label();
    }

    /** DO_NOT_STRETCH becomes "do not stretch". */
    private static String words(Enum<?> code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
