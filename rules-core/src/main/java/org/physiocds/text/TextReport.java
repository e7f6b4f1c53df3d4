package org.physiocds.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.Urgency;
import org.physiocds.WhatIf;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * An evaluation as the plain-text report a clinician reads: first a one-screen summary (the plan in
 * phase order, one line per item, the flags on one line, how many items were withheld), then the
 * detail: every recommendation grouped by phase, the flags, then the withheld advice, each with why,
 * the rule and its sources. Seed quotes are shown in quotation marks (shortened past
 * {@link #MAX_QUOTE} characters here only; the JSON keeps them whole); summaries of other sources
 * never are. Lines are at most {@link #WIDTH} characters. Stateless and thread-safe.
 */
public final class TextReport {

    /** The widest line of a report. */
    public static final int WIDTH = 100;
    /** Quotes longer than this are shortened, at a word boundary, with an ellipsis. */
    public static final int MAX_QUOTE = 120;

    private static final String ITEM = "  ";
    private static final String DETAIL = "      ";

    /** What each phase is for, in the order of {@link Phase} (seed 001's programme). */
    private static final String[] PHASE_MEANING = {
        "referrals, precautions and what not to do, before anything else",
        "decompress first",
        "activate what is dormant",
        "mobilise what is restricted",
        "build a daily practice"};

    private final List<String> lines = new ArrayList<>();
    /** Explanations already shown in full, and under which item: a repeat refers back to it. */
    private final Map<Explanation, String> shown = new HashMap<>();

    private TextReport() {
    }

    /**
     * {@return the whole report of an evaluation, lines joined with {@code \n}}
     *
     * @param e the evaluation
     */
    public static String render(Evaluation e) {
        TextReport report = new TextReport();
        report.evaluation(e);
        return String.join("\n", report.lines);
    }

    /**
     * The thresholds in a line, as the report's header, {@code cds diff} and the population job's
     * summary state them: "recentInjuryDays 42, recentSurgeryDays 90, painReturnMinutes 60,
     * consistentSessionsPerWeek 3, chronicPainWeeks 12".
     *
     * @param t the thresholds
     * @return each threshold's name and value, in the order of {@link Thresholds#limits()}
     */
    public static String thresholds(Thresholds t) {
        return "recentInjuryDays " + t.recentInjuryDays() + ", recentSurgeryDays " + t.recentSurgeryDays()
                + ", painReturnMinutes " + t.painReturnMinutes() + ", consistentSessionsPerWeek "
                + t.consistentSessionsPerWeek() + ", chronicPainWeeks " + t.chronicPainWeeks();
    }

    /**
     * {@return one explanation as the report shows it: why, by which rule, and the sources, one detail per line}
     *
     * @param x the explanation
     */
    public static String render(Explanation x) {
        TextReport report = new TextReport();
        report.explained("Why", "Rule", x, "");
        return String.join("\n", report.lines);
    }

    /**
     * {@return a recommendation in a line, without its dosage: "STRETCH right hip flexors", "DO NOT STRETCH left
     * hamstrings (contraindicated)", "REFER (emergency): red-flag assessment", "REFER: injury
     * clearance, left hamstrings", "ADVISE: sleep"}
     *
     * @param r the recommendation
     */
    public static String title(Recommendation r) {
        if (r.referral() != null) {
            String about = r.target() == Target.GENERAL ? "" : ", " + sided(r.target(), r.side());
            return "REFER" + (urgency(r) == null ? "" : " (" + urgency(r) + ")") + ": "
                    + words(r.referral().reason()) + about;
        }
        return title(r.action(), r.target(), r.side(), r.topic(), null) + restriction(r);
    }

    /** "left hamstrings", "hamstrings" (both sides), "knee". */
    private static String sided(Target target, Side side) {
        return side == null || side == Side.BOTH ? target.label() : side.name().toLowerCase(Locale.ROOT) + " " + target.label();
    }

    /**
     * One item in a line: "STRETCH right hip flexors", "DO NOT STRETCH left hamstrings", "REFER
     * (emergency) red flags", "ADVISE: sleep"; {@code urgency} (or {@code null}) goes after the action.
     */
    static String title(Action action, Target target, Side side, Topic topic, String urgency) {
        String words = words(action).toUpperCase(Locale.ROOT);
        if (urgency != null) {
            words += " (" + urgency + ")";
        }
        if (target == Target.GENERAL) {
            return topic == null ? words : words + (urgency != null ? " " : ": ") + topic.label();
        }
        return words + " " + sided(target, side);
    }

    private void evaluation(Evaluation e) {
        lines.add("Patient " + (e.patientId() == null ? "(no id given)" : e.patientId())
                + ", evaluated by knowledge base " + e.knowledgeBase().name() + " " + e.knowledgeBase().version());
        lines.add("Knowledge base content " + e.knowledgeBase().contentHash());
        Thresholds t = e.thresholds();
        lines.addAll(wrap("", "  ", "Thresholds: " + thresholds(t)));
        if (e.unsafeThresholds()) {
            lines.addAll(wrap("", "  ", "WARNING: NOT CLINICAL ADVICE. Thresholds past their clinical limits ("
                    + String.join(", ", t.outsideClinicalLimits()) + ") were allowed for this evaluation."));
        }
        for (String warning : e.warnings()) {
            lines.addAll(wrap("", "  ", "WARNING, check the record: " + warning));
        }
        summary(e);

        heading("RECOMMENDATIONS", e.recommendations().size());
        for (Phase phase : Phase.values()) {
            List<Recommendation> inPhase = e.recommendations().stream().filter(r -> r.phase() == phase).toList();
            // An unscreened record: the screen comes first, before any item of the plan.
            boolean screenFirst = phase == Phase.SAFETY && !e.redFlagsScreened();
            if (!inPhase.isEmpty() || screenFirst) {
                lines.add("");
                lines.add(ITEM + phaseHeading(phase));
                if (screenFirst) {
                    lines.add(ITEM + "! " + NOT_SCREENED);
                }
                inPhase.forEach(this::recommendation);
            }
        }

        heading("FLAGS", e.flags().size());
        e.flags().forEach(this::flag);

        heading("SUPPRESSED: advice a rule proposed and a contraindication overruled", e.suppressed().size());
        e.suppressed().forEach(this::suppressed);

        if (e.missingData() != null) {
            missingData(e.missingData());
        }
    }

    private static final String NOT_SCREENED = "Red flags: not screened - screen before starting exercise";

    /** The plan on one screen: one line per item in phase order, the flags, what was withheld. */
    private void summary(Evaluation e) {
        lines.add("");
        lines.add("SUMMARY");
        Phase current = null;
        if (!e.redFlagsScreened()) {
            // First in the safety phase: nothing of the plan stands before the red-flag screen.
            current = Phase.SAFETY;
            lines.add(ITEM + phaseHeading(current));
            lines.add(ITEM + "  " + NOT_SCREENED);
        }
        for (Recommendation r : e.recommendations()) {
            if (r.phase() != current) {
                current = r.phase();
                lines.add(ITEM + phaseHeading(current));
            }
            lines.addAll(wrap(ITEM + "  ", ITEM + "    ", summaryLine(r)));
        }
        if (e.recommendations().isEmpty()) {
            lines.add(ITEM + "No recommendations.");
        }
        if (e.exerciseWithheld() != null) {
            lines.addAll(wrap(ITEM, ITEM + "  ", "Exercise withheld: every exercise waits for the "
                    + words(e.exerciseWithheld().urgency()) + " referral (" + e.exerciseWithheld().rule() + ")"));
        }
        if (e.startBack() != null) {
            // After the referrals and the hold, never above them: stratified care is not applied while an
            // emergency or urgent referral (a child's review among them) withholds the programme.
            StartBackResult s = e.startBack();
            lines.addAll(wrap(ITEM, ITEM + "  ", "STarT Back: " + s.stratum() + " risk (total score " + s.total()
                    + " of 9, psychosocial " + s.psychosocial() + " of 5)" + (e.exerciseWithheld() == null ? ""
                    : "; stratified care waits for the " + words(e.exerciseWithheld().urgency()) + " referral")));
        }
        lines.addAll(wrap(ITEM, ITEM + "  ", "Flags: " + (e.flags().isEmpty() ? "none"
                : String.join(", ", e.flags().stream().map(f -> words(f.code()).toUpperCase(Locale.ROOT)
                        + " (" + words(f.severity()) + ")").toList()))));
        int withheld = e.suppressed().size();
        lines.add(ITEM + "Withheld: " + (withheld == 0 ? "nothing"
                : withheld + (withheld == 1 ? " item" : " items") + " (see SUPPRESSED below)"));
    }

    /**
     * One recommendation on one line, as the report's summary shows it: the action, its side or
     * topic, urgency and dosage ({@code REFER (emergency): red flag assessment, same day}).
     *
     * @param r a recommendation of an evaluation
     * @return its summary line
     */
    public static String summaryLine(Recommendation r) {
        String title = title(r);
        if (r.dosage() == null) {
            return title;
        }
        String dosage = r.dosage();
        String urgency = urgency(r);
        if (urgency != null && dosage.startsWith(urgency + ": ")) {
            return title + ", " + dosage.substring(urgency.length() + 2); // "REFER (emergency): red-flag assessment, same day"
        }
        return title + " (" + dosage + ")";
    }

    private static String phaseHeading(Phase phase) {
        return "Phase " + (phase.ordinal() + 1) + ", " + words(phase).toUpperCase(Locale.ROOT) + ": "
                + PHASE_MEANING[phase.ordinal()];
    }

    /** The urgency of a referral that is not routine, shown after REFER; {@code null} for anything else. */
    private static String urgency(Recommendation r) {
        return r.referral() == null || r.referral().urgency() == Urgency.ROUTINE ? null : words(r.referral().urgency());
    }

    /** " (contraindicated)" or " (not indicated)" for a do-not-stretch; nothing otherwise. */
    private static String restriction(Recommendation r) {
        return r.restriction() == null ? "" : " (" + words(r.restriction()) + ")";
    }

    /** WHAT COULD CHANGE THIS ADVICE: each unknown fact, the value supposed, and what would change. */
    private void missingData(List<WhatIf> whatIfs) {
        heading("WHAT COULD CHANGE THIS ADVICE", whatIfs.size());
        if (whatIfs.isEmpty()) {
            lines.add(ITEM + "Nothing the record leaves unknown would change the advice.");
        }
        WhatIf.Rank rank = null;
        for (WhatIf w : whatIfs) {
            if (w.rank() != rank) {
                rank = w.rank();
                lines.add(ITEM + RANK_MEANING[rank.ordinal()]);
            }
            lines.addAll(wrap(ITEM + "? ", ITEM + "    ", render(w)));
        }
    }

    /**
     * Each change in words; more than three items withheld at once (a red flag withholds the whole
     * programme) are counted rather than listed.
     */
    private static List<String> changes(List<EvaluationDiff.Change> changes) {
        List<EvaluationDiff.Change> withheld = changes.stream().filter(c -> c.kind() == EvaluationDiff.Kind.WITHHELD).toList();
        List<String> words = new ArrayList<>();
        for (EvaluationDiff.Change c : changes) {
            if (c.kind() != EvaluationDiff.Kind.WITHHELD || withheld.size() <= 3) {
                words.add(change(c));
            } else if (c == withheld.get(0)) {
                words.add(withheld.size() + " items would be withheld");
            }
        }
        return words;
    }

    /**
     * {@return one supposition of the missing-data report in a sentence: "If the length of the piriformis were
     * SHORT (muscles[0].length): STRETCH piriformis would be added (MUS-05); ..."}
     *
     * @param w the supposition
     */
    public static String render(WhatIf w) {
        String supposed = w.value().equals("true") ? w.fact() : w.fact() + " were " + w.value();
        return "If " + supposed + " (" + w.path() + "): " + String.join("; ", changes(w.changes())) + ".";
    }

    /** What each rank means, in the order of {@link WhatIf.Rank}. */
    private static final String[] RANK_MEANING = {
        "Could reveal a contraindication, a red flag or a referral:",
        "Would add, remove or withhold a stretch:",
        "Would change other advice:"};

    /** "STRETCH right hip flexors would be added (MUS-05)", "the flag RED FLAG would be raised (RFL-11)". */
    private static String change(EvaluationDiff.Change c) {
        String item = c.flag() != null ? "the flag " + words(c.flag()).toUpperCase(Locale.ROOT)
                : title(c.action(), c.target(), c.side(), c.topic(), null);
        String how;
        switch (c.kind()) {
            case ADDED: how = "would be added"; break;
            case REMOVED: how = "would be removed"; break;
            case WITHHELD: how = "would be withheld"; break;
            case RELEASED: how = "would no longer be withheld"; break;
            case SUPPRESSION_ADDED: how = "would be proposed and withheld"; break;
            case SUPPRESSION_REMOVED: how = "would no longer be proposed"; break;
            case DOSAGE_CHANGED: how = "would change its dosage"; break;
            case RULES_CHANGED: how = "would rest on other rules"; break;
            case FLAG_RAISED: how = "would be raised"; break;
            default: how = "would be cleared"; break;
        }
        return item + " " + how + " (" + c.rule() + ")";
    }

    private void heading(String title, int count) {
        lines.add("");
        lines.add(title + (count == 0 ? ": none" : " (" + count + ")"));
    }

    private void recommendation(Recommendation r) {
        String title = title(r);
        lines.add(ITEM + "* " + title);
        if (r.dosage() != null) {
            field("Dosage", r.dosage());
        }
        explained("Why", "Rule", r.explanation(), title);
        alsoSupportedBy(r.alsoSupportedBy());
    }

    private void flag(Flag f) {
        String title = words(f.code()).toUpperCase(Locale.ROOT);
        lines.add(ITEM + "! " + title + " (" + words(f.severity()) + ")");
        explained("Why", "Rule", f.explanation(), "the flag " + title);
        alsoSupportedBy(f.alsoSupportedBy());
    }

    private void alsoSupportedBy(List<Explanation> others) {
        for (Explanation also : others) {
            field("Also", also.rule() + guidance(also) + ": " + also.rationale());
        }
    }

    private void suppressed(SuppressedRecommendation s) {
        String title = title(s.action(), s.target(), s.side(), s.topic(), null);
        lines.add(ITEM + "x " + title + " (withheld)");
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
        // One line per source document: its quotes (in quotation marks) or summaries (never), in citation order.
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, Citation> first = new HashMap<>();
        for (Citation c : x.citations()) {
            first.putIfAbsent(c.source(), c);
            texts.computeIfAbsent(c.source(), k -> new ArrayList<>())
                    .add(c.isQuote() ? "\"" + shorten(c.quote()) + "\"" : c.summary());
        }
        texts.forEach((source, said) -> {
            Citation c = first.get(source);
            String kind = words(c.kind()) + (c.isQuote() ? "" : ", summarised");
            field("Source", "(" + kind + ") " + source + ": " + String.join(" ", said));
        });
    }

    /** " (guidance G08, G09)", or nothing. */
    private static String guidance(Explanation x) {
        return x.guidance().isEmpty() ? "" : " (guidance " + String.join(", ", x.guidance()) + ")";
    }

    /** A labelled detail, wrapped to the width with a hanging indent. */
    private void field(String label, String text) {
        lines.addAll(wrap(DETAIL + label + ": ", DETAIL + "  ", text));
    }

    /**
     * {@return {@code text} in lines of at most {@link #WIDTH} (a longer word stays whole), the first after {@code first}}
     *
     * @param first the prefix of the first line
     * @param rest  the prefix of every other line
     * @param text  the text to wrap
     */
    public static List<String> wrap(String first, String rest, String text) {
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

    /** DO_NOT_STRETCH becomes "do not stretch". */
    private static String words(Enum<?> code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
