package org.physiocds.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.EvaluationDiff;
import org.physiocds.EvaluationDiff.Change;
import org.physiocds.EvaluationDiff.Kind;
import org.physiocds.FlagCode;
import org.physiocds.Thresholds;
import org.physiocds.WhatIf;
import java.util.LinkedHashSet;
import org.physiocds.Recommendation;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.Side;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Sign;
import org.physiocds.model.Region;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * What could change the advice: each fact the patient leaves unknown that a rule reads, supposed
 * known one at a time, with only the values some rule reads (a muscle WEAK, SHORT or of NORMAL
 * length, feeling tight; a stretching habit or warning sign present; pain lasting the chronic
 * threshold), plus the questions that change everything when nobody asked them (red flags, a recent
 * surgery, STarT Back), and, for each muscle the plan stretches or strengthens (none of whose injuries
 * is recorded), a recent strain of it on that side, with, when no surgery is recorded, a recent
 * surgery of each region those muscles lie in: an injury is the unknown most likely to make a
 * recommended exercise unsafe. An unknown age (under 16, 65 or over) and, when none is recorded, a
 * recent injury of a structure not named are asked too, and listed under the safety rank: they can
 * reveal a referral or a contraindication. Each supposition is one evaluation of the patient with that fact set;
 * suppositions that change nothing are left out.
 *
 * <p>Not asked: signs and lifestyle factors (lists of what was found, where absence is not an
 * unknown the rules read differently from "none"), pain intensity (no rule reads it),
 * and values no rule reads (NORMAL strength; LONG beside NORMAL length).
 */
final class MissingData {

    /** Flags whose appearance reveals something that changes what is safe to do. */
    private static final Set<FlagCode> SAFETY_FLAGS = EnumSet.of(FlagCode.RED_FLAG, FlagCode.RECENT_INJURY,
            FlagCode.RECENT_SURGERY, FlagCode.INSTABILITY_SUSPECTED, FlagCode.DESTABILIZED, FlagCode.COMPRESSION);

    private MissingData() {
    }

    /**
     * A supposition: a fact's path, the value supposed, and the patient with it; {@code safety} when
     * the fact can reveal a contraindication or a referral whatever the changes look like (age, a
     * recent injury), so that it is listed under the safety rank.
     */
    private record Supposition(String path, String fact, String value, Patient patient, boolean safety) {
        Supposition(String path, String fact, String value, Patient patient) {
            this(path, fact, value, patient, false);
        }
    }

    static List<WhatIf> report(Patient p, Evaluation base, Thresholds t, Function<Patient, Evaluation> evaluate) {
        List<WhatIf> result = new ArrayList<>();
        for (Supposition s : suppositions(p, t, exercised(base))) {
            List<Change> changes = EvaluationDiff.between(base, evaluate.apply(s.patient()));
            if (!changes.isEmpty()) {
                result.add(new WhatIf(s.path(), s.fact(), s.value(), s.safety() ? WhatIf.Rank.SAFETY : rank(changes), changes));
            }
        }
        result.sort(Comparator.comparing(WhatIf::rank)); // stable: within a rank, in the order asked
        return List.copyOf(result);
    }

    private static WhatIf.Rank rank(List<Change> changes) {
        for (Change c : changes) {
            if (c.action() == Action.REFER || c.action() == Action.DO_NOT_STRETCH || c.kind() == Kind.WITHHELD
                    || c.kind() == Kind.SUPPRESSION_ADDED || c.kind() == Kind.FLAG_RAISED && SAFETY_FLAGS.contains(c.flag())) {
                return WhatIf.Rank.SAFETY;
            }
        }
        return changes.stream().anyMatch(c -> c.action() == Action.STRETCH) ? WhatIf.Rank.STRETCH : WhatIf.Rank.OTHER;
    }

    /** A muscle on a side (or both) that the plan stretches or strengthens. */
    record Exercised(Muscle muscle, Side side) {
    }

    /** The muscles the plan stretches or strengthens, each side once, in the plan's order. */
    static List<Exercised> exercised(Evaluation base) {
        Set<Exercised> seen = new LinkedHashSet<>();
        for (Recommendation r : base.recommendations()) {
            if ((r.action() == Action.STRETCH || r.action() == Action.STRENGTHEN) && r.target() instanceof Muscle m) {
                seen.add(new Exercised(m, r.side()));
            }
        }
        return List.copyOf(seen);
    }

    private static List<Supposition> suppositions(Patient p, Thresholds t, List<Exercised> exercised) {
        List<Supposition> s = new ArrayList<>();
        // The questions that change everything, when nobody asked them.
        if (!p.redFlagsScreened()) {
            // The example fits the region: cauda equina for low back or hip pain (or a region not
            // given); elsewhere major trauma, an emergency for every region.
            Region r = p.painRegion();
            RedFlag emergency = r == null || r == Region.LOWER_BACK || r == Region.HIP
                    ? RedFlag.SADDLE_ANESTHESIA : RedFlag.MAJOR_TRAUMA;
            s.add(new Supposition("redFlags", "red-flag screening", "an emergency red flag (e.g. " + emergency.name() + ")",
                    copy(p, b -> b.redFlags(emergency))));
            s.add(new Supposition("redFlags", "red-flag screening", "an urgent red flag (e.g. HISTORY_OF_CANCER)",
                    copy(p, b -> b.redFlags(RedFlag.HISTORY_OF_CANCER))));
        }
        if (p.surgeries().isEmpty()) {
            s.add(new Supposition("surgeries", "recent surgery", "a surgery within " + t.recentSurgeryDays() + " days, region not given",
                    copy(p, b -> b.surgery(new Surgery(null, 0)))));
        }
        // Age decides the under-16 referral, the over-50 review and the 65-and-over decompression hold;
        // a recent injury adds a clearance referral and holds what it could strain.
        if (p.age() == null) {
            s.add(new Supposition("age", "age", "under 16 (e.g. 14)", copy(p, b -> b.age(14)), true));
            s.add(new Supposition("age", "age", "65 or over (e.g. 70)", copy(p, b -> b.age(70)), true));
        }
        if (p.injuries().isEmpty()) {
            s.add(new Supposition("injuries", "a recent injury", "an injury within " + t.recentInjuryDays()
                    + " days, structure not named", copy(p, b -> b.injury(new Injury(InjuryType.OTHER, null, null, 0))), true));
        }
        // An injury is the unknown most likely to make a recommended stretch or strengthening unsafe:
        // for each muscle the plan exercises, a recent strain of it on that side (unless one is
        // recorded), and, when no surgery is recorded, a recent surgery of each region they lie in.
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (Exercised x : exercised) {
            if (p.injuries().stream().noneMatch(i -> i.muscle() == x.muscle())) {
                s.add(new Supposition("injuries", "a recent injury to the " + muscle(x.muscle(), x.side()),
                        "a strain of the " + muscle(x.muscle(), x.side()) + " within " + t.recentInjuryDays() + " days",
                        copy(p, b -> b.injury(new Injury(InjuryType.STRAIN, x.muscle(), x.side(), 0)))));
            }
            regions.add(x.muscle().region());
        }
        if (p.surgeries().isEmpty()) {
            for (Region r : regions) {
                s.add(new Supposition("surgeries", "recent surgery of the " + r.label(),
                        "a surgery of the " + r.label() + " within " + t.recentSurgeryDays() + " days",
                        copy(p, b -> b.surgery(Surgery.of(r).daysAgo(0).build()))));
            }
        }
        // One unknown at a time.
        if (p.painRegion() == null) {
            for (Region r : Region.values()) {
                s.add(new Supposition("painRegion", "where the pain is", r.name(), with(p, r, p.painDurationWeeks())));
            }
        }
        if (p.painDurationWeeks() == null) {
            s.add(new Supposition("painDurationWeeks", "how long the pain has lasted", t.chronicPainWeeks() + " weeks or more (chronic)",
                    with(p, p.painRegion(), (double) t.chronicPainWeeks())));
        }
        for (int i = 0; i < p.muscles().size(); i++) {
            MuscleFinding f = p.muscles().get(i);
            String at = "muscles[" + i + "].";
            if (f.strength() == null) {
                s.add(finding(p, i, at + "strength", "the strength of the " + muscle(f), "WEAK", new MuscleFinding(f.muscle(), f.side(), Strength.WEAK, f.length(), f.feelsTight())));
            }
            if (f.length() == null) {
                s.add(finding(p, i, at + "length", "the length of the " + muscle(f), "SHORT", new MuscleFinding(f.muscle(), f.side(), f.strength(), Length.SHORT, f.feelsTight())));
                s.add(finding(p, i, at + "length", "the length of the " + muscle(f), "NORMAL", new MuscleFinding(f.muscle(), f.side(), f.strength(), Length.NORMAL, f.feelsTight())));
            }
            if (f.feelsTight() == null) {
                s.add(finding(p, i, at + "feelsTight", "a feeling of tightness in the " + muscle(f), "true", new MuscleFinding(f.muscle(), f.side(), f.strength(), f.length(), true)));
            }
        }
        stretching(p, t, s);
        if (p.startBack() == null && (p.painRegion() == null || p.painRegion() == Region.LOWER_BACK)) {
            s.add(new Supposition("startBack", "STarT Back screening", "LOW risk", copy(p, b -> b.startBack(answers(1, Bothersomeness.SLIGHTLY)))));
            s.add(new Supposition("startBack", "STarT Back screening", "MEDIUM risk", copy(p, b -> b.startBack(answers(4, Bothersomeness.SLIGHTLY)))));
            s.add(new Supposition("startBack", "STarT Back screening", "HIGH risk", copy(p, b -> b.startBack(answers(8, Bothersomeness.VERY_MUCH)))));
        }
        return s;
    }

    /** Each unknown field of the stretching history (all of them when it was not taken). */
    private static void stretching(Patient p, Thresholds t, List<Supposition> s) {
        StretchingHistory h = p.stretching() == null
                ? new StretchingHistory(null, null, null, null, null, null, null, null, null, null) : p.stretching();
        if (h.sessionsPerWeek() == null) {
            stretch(p, s, "sessionsPerWeek", "sessions a week", "1", h, b -> b.sessionsPerWeek(1));
            stretch(p, s, "sessionsPerWeek", "sessions a week", "7 (daily)", h, b -> b.sessionsPerWeek(7));
        }
        if (h.painReturnsWithinMinutes() == null) {
            stretch(p, s, "painReturnsWithinMinutes", "how soon pain returns after stretching", "within " + t.painReturnMinutes() + " minutes", h,
                    b -> b.painReturnsWithinMinutes(t.painReturnMinutes()));
        }
        if (h.needsMoreForSameRelief() == null) {
            stretch(p, s, "needsMoreForSameRelief", "needs more and more stretching for the same relief", "true", h, b -> b.needsMoreForSameRelief(true));
        }
        if (h.worseNextDay() == null) {
            stretch(p, s, "worseNextDay", "worse the day after stretching", "true", h, b -> b.worseNextDay(true));
        }
        if (h.worseDespiteConsistentStretching() == null) {
            stretch(p, s, "worseDespiteConsistentStretching", "worse despite consistent stretching", "true", h, b -> b.worseDespiteConsistentStretching(true));
        }
        if (h.painDuringStretch() == null) {
            stretch(p, s, "painDuringStretch", "stretching is painful", "true", h, b -> b.painDuringStretch(true));
        }
        if (h.ballistic() == null) {
            stretch(p, s, "ballistic", "bounces at the end of the range", "true", h, b -> b.ballistic(true));
        }
        if (h.warmsUpFirst() == null) {
            stretch(p, s, "warmsUpFirst", "warms up before stretching", "true", h, b -> b.warmsUpFirst(true));
        }
        if (h.staticBeforeExercise() == null) {
            stretch(p, s, "staticBeforeExercise", "holds static stretches before exercise", "true", h, b -> b.staticBeforeExercise(true));
        }
        if (h.aggressive() == null) {
            stretch(p, s, "aggressive", "stretches aggressively", "true", h, b -> b.aggressive(true));
        }
    }

    private static void stretch(Patient p, List<Supposition> s, String field, String words, String value, StretchingHistory h,
            UnaryOperator<StretchingHistory.Builder> set) {
        StretchingHistory changed = set.apply(StretchingHistory.builder()
                .sessionsPerWeek(h.sessionsPerWeek()).painReturnsWithinMinutes(h.painReturnsWithinMinutes())
                .needsMoreForSameRelief(h.needsMoreForSameRelief()).worseNextDay(h.worseNextDay())
                .worseDespiteConsistentStretching(h.worseDespiteConsistentStretching())
                .painDuringStretch(h.painDuringStretch()).ballistic(h.ballistic()).warmsUpFirst(h.warmsUpFirst())
                .staticBeforeExercise(h.staticBeforeExercise()).aggressive(h.aggressive())).build();
        s.add(new Supposition("stretching." + field, "stretching: " + words, value, copy(p, b -> b.stretching(changed))));
    }

    /** The patient with finding {@code index} replaced: the record rebuilt, muscles in their order. */
    private static Supposition finding(Patient p, int index, String path, String fact, String value, MuscleFinding changed) {
        Patient.Builder b = Patient.builder().patientId(p.patientId()).age(p.age())
                .pain(p.painRegion(), p.painDurationWeeks(), p.painIntensity());
        for (int i = 0; i < p.muscles().size(); i++) {
            b.muscle(i == index ? changed : p.muscles().get(i));
        }
        p.injuries().forEach(b::injury);
        p.surgeries().forEach(b::surgery);
        b.stretching(p.stretching()).startBack(p.startBack())
                .signs(p.signs().toArray(new Sign[0])).lifestyle(p.lifestyle().toArray(new Lifestyle[0]));
        if (p.redFlagsScreened()) {
            b.redFlags(p.redFlags().toArray(new RedFlag[0]));
        }
        return new Supposition(path, fact, value, b.build());
    }

    /** "left hip flexors", "glutes". */
    private static String muscle(MuscleFinding f) {
        return muscle(f.muscle(), f.side());
    }

    /** "left hip flexors", "glutes" (both sides). */
    private static String muscle(Muscle m, Side side) {
        return (side == Side.BOTH ? "" : side.name().toLowerCase(java.util.Locale.ROOT) + " ") + m.label();
    }

    /** STarT Back answers agreeing to the first {@code agreed} of items 1-8 (each 1 point). */
    private static StartBackAnswers answers(int agreed, Bothersomeness item9) {
        return new StartBackAnswers(agreed >= 1, agreed >= 2, agreed >= 3, agreed >= 4, agreed >= 5, agreed >= 6,
                agreed >= 7, agreed >= 8, item9);
    }

    /** The patient with its pain changed. */
    private static Patient with(Patient p, Region region, Double weeks) {
        return p.toBuilder().pain(region, weeks, p.painIntensity()).build();
    }

    /** The patient with something set or added by {@code change}. */
    private static Patient copy(Patient p, UnaryOperator<Patient.Builder> change) {
        return change.apply(p.toBuilder()).build();
    }

    /**
     * For a test: how many evaluations a report of this patient costs (the patient's own included),
     * when the plan stretches or strengthens {@code exercised}.
     */
    static int cost(Patient p, Thresholds t, List<Exercised> exercised) {
        return 1 + suppositions(p, t, exercised).size();
    }
}
