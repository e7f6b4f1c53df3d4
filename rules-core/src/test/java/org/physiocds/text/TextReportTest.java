package org.physiocds.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.ExerciseHold;
import org.physiocds.Urgency;
import org.physiocds.Restriction;
import org.physiocds.Referral;
import org.physiocds.Severity;
import org.physiocds.Thresholds;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Phase;
import org.physiocds.Recommendation;
import org.physiocds.SourceKind;
import org.physiocds.StartBackResult;
import org.physiocds.Topic;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.model.Muscle;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

class TextReportTest {

    private static final KnowledgeBaseInfo KB = new KnowledgeBaseInfo("kb", "1.0", "sha256:test");
    private static final String LONG_QUOTE = "If a muscle is already weak and elongated, you’re only creating more"
            + " weakness by further elongating the muscle through stretching, which is the opposite of what it needs.";

    private static Explanation why(String rule, String rationale, Citation... citations) {
        return new Explanation(rule, "Rule " + rule, List.of("G08"), List.of(), rationale, List.of(citations));
    }

    private static Recommendation advice(Action action, Target target, String dosage, Explanation why) {
        return new Recommendation(action, target, null, null, action.phase(), dosage, null, null, why, List.of());
    }

    @Test
    void render_recommendations_groupedByPhaseInProgrammeOrderSkippingEmptyPhases() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null, List.of(
                advice(Action.REFER, Target.GENERAL, null, why("SAF-03", "Recent injury.")),
                advice(Action.STRENGTHEN, Muscle.GLUTES, null, why("MUS-01", "Weak glutes.")),
                advice(Action.STRETCH, Muscle.HIP_FLEXORS, "hold 30-60 s", why("MUS-05", "Short hip flexors."))),
                List.of(), List.of(), null);

        String report = TextReport.render(e);

        int safety = report.indexOf("Phase 1, SAFETY");
        int activate = report.indexOf("Phase 3, ACTIVATE");
        int mobilize = report.indexOf("Phase 4, MOBILIZE");
        assertTrue(safety >= 0 && safety < activate && activate < mobilize, report);
        assertFalse(report.contains("DECOMPRESS"), report);
        assertFalse(report.contains("DAILY PRACTICE"), report);
        assertTrue(report.contains("  * REFER\n      Why: Recent injury.\n      Rule: SAF-03 \"Rule SAF-03\" (guidance G08)"),
                report);
        assertTrue(report.contains("  * STRETCH hip flexors\n      Dosage: hold 30-60 s\n      Why: Short hip flexors."), report);
    }

    @Test
    void render_suppressed_showsWhyItWasProposedAndWhatSuppressedIt() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null, List.of(), List.of(), List.of(new SuppressedRecommendation(
                Action.STRETCH, Muscle.HAMSTRINGS, Side.BOTH, null, Action.STRETCH.phase(),
                why("MUS-05", "Hamstrings short."), why("SAF-02", "Hamstrings strained 5 days ago."), List.of())), null);

        String report = TextReport.render(e);

        assertTrue(report.contains("\n  x STRETCH hamstrings (withheld)\n"
                + "      Proposed because: Hamstrings short.\n"
                + "      Proposed by: MUS-05 \"Rule MUS-05\" (guidance G08)\n"
                + "      Suppressed because: Hamstrings strained 5 days ago.\n"
                + "      Suppressed by: SAF-02 \"Rule SAF-02\" (guidance G08)"), report);
    }

    @Test
    void render_flagsAndSupport_listedWithEveryReason() {
        Explanation lead = why("WRN-01", "Pain returns 30 minutes after stretching.");
        Explanation also = why("WRN-03", "Worse the next day.");
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null, List.of(),
                List.of(new Flag(FlagCode.INSTABILITY_SUSPECTED, Severity.WARNING, lead, List.of(also))), List.of(), null);

        String report = TextReport.render(e);

        assertTrue(report.contains("FLAGS (1)\n  ! INSTABILITY SUSPECTED (warning)\n      Why: Pain returns 30 minutes"), report);
        assertTrue(report.contains("Also: WRN-03 (guidance G08): Worse the next day."), report);
        assertTrue(report.contains("RECOMMENDATIONS: none"), report);
        assertTrue(report.contains("SUPPRESSED: advice a rule proposed and a contraindication overruled: none"), report);
    }

    @Test
    void render_explanationShownBefore_refersBackInsteadOfRepeatingIt() {
        Explanation referral = why("RFL-11", "Emergency: refer the same day.",
                new Citation("NICE NG59", SourceKind.GUIDELINE, null, "Consider alternative diagnoses."));
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null,
                List.of(advice(Action.REFER, Target.GENERAL, "emergency: same day", referral)),
                List.of(new Flag(FlagCode.RED_FLAG, Severity.WARNING, referral, List.of())),
                List.of(new SuppressedRecommendation(Action.STRENGTHEN, Muscle.GLUTES, Side.BOTH, null, Action.STRENGTHEN.phase(),
                        why("MUS-01", "Weak glutes."), referral, List.of())), null);

        String report = TextReport.render(e);

        assertEquals(1, report.split("Emergency: refer the same day.", -1).length - 1, report);
        String source = "Source: (guideline, summarised) NICE NG59: Consider alternative diagnoses.";
        assertTrue(report.contains(source), report);
        assertEquals(report.indexOf(source), report.lastIndexOf(source), report);
        assertFalse(report.contains("\"Consider alternative"), "a summary is never shown as a quote");
        assertTrue(report.contains("  ! RED FLAG (warning)\n      Why: as for REFER above\n      Rule: RFL-11 \"Rule RFL-11\"\n"),
                report);
        assertTrue(report.contains("      Suppressed because: as for REFER above\n"
                + "      Suppressed by: RFL-11 \"Rule RFL-11\""), report);
    }

    @Test
    void render_longQuote_shortenedWithAnEllipsisAndSourcesGroupedByDocument() {
        Explanation x = why("MUS-01", "Weak.", new Citation("seeds/000.txt", SourceKind.CLINICIAN_ARTICLE, LONG_QUOTE, null),
                new Citation("seeds/000.txt", SourceKind.CLINICIAN_ARTICLE, "Short quote.", null), new Citation("seeds/002.txt", SourceKind.CLINICIAN_ARTICLE, "Other source.", null));
        Evaluation e = new Evaluation(null, KB, Thresholds.DEFAULTS, null, List.of(advice(Action.STRENGTHEN, Region.HIP, null, x)),
                List.of(), List.of(), null);

        String report = TextReport.render(e);

        assertTrue(report.contains("Source: (clinician article) seeds/000.txt: \"If a muscle is already weak"), report);
        assertTrue(report.contains("…\" \"Short quote.\""), report);
        assertFalse(report.contains("opposite of what it needs"), report);
        assertTrue(report.contains("Source: (clinician article) seeds/002.txt: \"Other source.\""), report);
        assertTrue(report.startsWith("Patient (no id given), evaluated by knowledge base kb 1.0"), report);
    }

    @Test
    void render_everyLine_fitsTheWidth() {
        String rationale = "word ".repeat(80);
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null, List.of(advice(Action.STRENGTHEN, Muscle.GLUTES, null,
                why("MUS-01", rationale, new Citation("seeds/000.txt", SourceKind.CLINICIAN_ARTICLE, LONG_QUOTE, null)))),
                List.of(), List.of(), null);

        TextReport.render(e).lines().forEach(line -> assertTrue(line.length() <= TextReport.WIDTH, line));
    }

    @Test
    void render_startBack_statesTheStratumAndScores() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, null, List.of(), List.of(), List.of(),
                new StartBackResult(6, 4, StartBackResult.Stratum.HIGH));

        assertTrue(TextReport.render(e).contains("STarT Back: HIGH risk (total score 6 of 9, psychosocial 4 of 5)"));
    }

    @Test
    void render_startBackUnderAnEmergencyHold_comesAfterTheHoldAndSaysStratifiedCareWaits() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, new ExerciseHold(Urgency.EMERGENCY, "RFL-15"),
                List.of(), List.of(), List.of(), new StartBackResult(6, 4, StartBackResult.Stratum.HIGH));

        String report = TextReport.render(e);
        int hold = report.indexOf("Exercise withheld");
        int startBack = report.indexOf("STarT Back: HIGH risk");
        assertTrue(hold >= 0 && startBack > hold, report);
        assertTrue(report.replaceAll("\\s+", " ").contains("stratified care waits for the emergency referral"), report);
    }

    @Test
    void shorten_quoteWithinTheLimit_keptWhole() {
        String quote = "x".repeat(TextReport.MAX_QUOTE);

        assertEquals(quote, TextReport.shorten(quote));
    }

    @Test
    void shorten_quoteOverTheLimit_cutAtAWordWithEllipsis() {
        String shortened = TextReport.shorten(LONG_QUOTE);

        assertTrue(shortened.length() <= TextReport.MAX_QUOTE, shortened);
        assertTrue(shortened.endsWith("…") && !shortened.endsWith(" …"), shortened);
        assertTrue(LONG_QUOTE.startsWith(shortened.substring(0, shortened.length() - 1)), shortened);
    }

    @Test
    void render_opensWithAOneScreenSummaryOfThePlanFlagsAndWithheldItems() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS, new ExerciseHold(Urgency.EMERGENCY, "RFL-11"), List.of(
                new Recommendation(Action.REFER, Target.GENERAL, null, Topic.EMERGENCY_REFERRAL, Phase.SAFETY,
                        "emergency: same day", new Referral(Urgency.EMERGENCY, Referral.Reason.RED_FLAG_ASSESSMENT),
                        null, why("RFL-11", "Saddle anaesthesia."), List.of()),
                new Recommendation(Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, Side.LEFT, null, Phase.SAFETY,
                        null, null, Restriction.CONTRAINDICATED, why("SAF-02", "Left hamstrings strained."), List.of()),
                new Recommendation(Action.STRETCH, Muscle.HIP_FLEXORS, Side.RIGHT, null, Phase.MOBILIZE,
                        "hold 30-60 s, 3-5 repetitions", null, null, why("MUS-05", "Short."), List.of()),
                new Recommendation(Action.ADVISE, Target.GENERAL, null, Topic.SLEEP, Phase.DAILY_PRACTICE,
                        null, null, null, why("LIF-02", "Poor sleep."), List.of())),
                List.of(new Flag(FlagCode.RED_FLAG, Severity.CRITICAL, why("RFL-11", "Saddle anaesthesia."), List.of()),
                        new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, why("SAF-03", "Strain."), List.of())),
                List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, Side.LEFT, null, Phase.MOBILIZE,
                        why("MUS-05", "Short."), why("SAF-02", "Strained."), List.of())), null);

        String report = TextReport.render(e);

        assertTrue(report.startsWith("Patient p1, evaluated by knowledge base kb 1.0\n"
                + "Knowledge base content sha256:test\n"
                + "Thresholds: recentInjuryDays 42, recentSurgeryDays 90, painReturnMinutes 60,\n"
                + "  consistentSessionsPerWeek 3, chronicPainWeeks 12\n\nSUMMARY\n"
                + "  Phase 1, SAFETY: referrals, precautions and what not to do, before anything else\n"
                + "    REFER (emergency): red flag assessment, same day\n"
                + "    DO NOT STRETCH left hamstrings (contraindicated)\n"
                + "  Phase 4, MOBILIZE: mobilise what is restricted\n"
                + "    STRETCH right hip flexors (hold 30-60 s, 3-5 repetitions)\n"
                + "  Phase 5, DAILY PRACTICE: build a daily practice\n"
                + "    ADVISE: sleep\n"
                + "  Exercise withheld: every exercise waits for the emergency referral (RFL-11)\n"
                + "  Flags: RED FLAG (critical), RECENT INJURY (warning)\n"
                + "  Withheld: 1 item (see SUPPRESSED below)\n"), report);
        assertFalse(report.contains("NOT CLINICAL ADVICE"), report);
        assertTrue(report.contains("  x STRETCH left hamstrings (withheld)"), report);
    }

    @Test
    void render_unsafeThresholds_saysSoAtTheTop() {
        Evaluation e = new Evaluation("p1", KB, Thresholds.DEFAULTS.withRecentInjuryDays(7), null, List.of(), List.of(),
                List.of(), null);

        String report = TextReport.render(e);

        assertTrue(report.contains("\nWARNING: NOT CLINICAL ADVICE. Thresholds past their clinical limits (recentInjuryDays)"),
                report);
        assertTrue(report.indexOf("NOT CLINICAL ADVICE") < report.indexOf("SUMMARY"), report);
    }
}
