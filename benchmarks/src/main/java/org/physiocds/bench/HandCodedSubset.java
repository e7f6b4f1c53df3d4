package org.physiocds.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.physiocds.Action;
import org.physiocds.FlagCode;
import org.physiocds.Thresholds;
import org.physiocds.bench.Decisions.Proposal;
import org.physiocds.bench.Decisions.Raised;
import org.physiocds.bench.Decisions.Suppression;
import org.physiocds.model.Injury;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/**
 * The stretching decision written by hand in plain Java: the speed-of-light baseline for the
 * engine, and a cross-check of it ({@code HandCodedSubsetTest}).
 *
 * <p>The subset is closed: every rule of the knowledge base that proposes, forbids or withholds a
 * stretch, what those rules need derived first, and the conflict resolution between them, so that
 * which stretches stand does not depend on any rule left out:
 * <ul>
 *   <li>derived: CLS-01..06 (tonic, phasic or untyped muscle), SAF-01 (recent injury to a muscle),
 *       the guarding that WRN-01, WRN-03 and RC-01 derive, the red-flag urgency (RFL-01..10), and
 *       a finding for both sides split in two when the muscle is injured on one side;</li>
 *   <li>stretch: MUS-05 (short muscle), MUS-12 (short upper trapezius), MUS-13 (short pectorals),
 *       TEC-07 (chronic low back pain with short hamstrings or hip flexors);</li>
 *   <li>do not stretch: SAF-02 (recently injured muscle, on its side), SAF-04 (operated region), SAF-05 (guarding region),
 *       MUS-01 (weak phasic muscle not short, not a deep stabiliser), MUS-03 (weak, assessed not short, not phasic), MUS-06
 *       (low back pain), RC-02 (glutes weak and lower back tight);</li>
 *   <li>referrals that withhold a stretch: SAF-08 (recently injured muscle), SAF-04 (recent
 *       surgery: every stretch, CON-03), RFL-11 and RFL-12 (emergency and urgent red flags);</li>
 *   <li>flags of those rules: WRN-01 (INSTABILITY_SUSPECTED), WRN-03 (DESTABILIZED), RC-01
 *       (COMPRESSION), RC-02 (COMPENSATION), SAF-04 (RECENT_SURGERY), RFL-11 and RFL-12 (RED_FLAG);</li>
 *   <li>conflicts: CON-01 (a do-not-stretch of a muscle on an overlapping side, or of its region,
 *       overrules a stretch), CON-02 (a referral about a muscle or region withholds its exercise),
 *       CON-03 (a recent surgery holds every stretch), RFL-15 (an emergency or urgent referral
 *       withholds every exercise).</li>
 * </ul>
 * It decides which stretches, do-not-stretches and referrals stand and which stretches are
 * suppressed by what; it writes no rationale, facts or citations, and leaves out what the same
 * rules also propose besides (strengthen, stabilise, decompress).
 */
public final class HandCodedSubset {

    /** The ids of the rules whose conclusions {@link Decisions} compares. */
    public static final Set<String> RULES = Set.of("SAF-02", "SAF-03", "SAF-04", "SAF-05", "SAF-08", "MUS-01", "MUS-03",
            "MUS-05", "MUS-06", "MUS-12", "MUS-13", "TEC-07", "WRN-01", "WRN-03", "RC-01", "RC-02", "RFL-11", "RFL-12");

    private static final Set<Muscle> PHASIC = EnumSet.of(Muscle.GLUTES, Muscle.LOWER_BACK_EXTENSORS,
            Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS, Muscle.DEEP_CERVICAL_FLEXORS, Muscle.RHOMBOIDS,
            Muscle.LOWER_TRAPEZIUS);
    private static final Set<Muscle> MIDLINE = EnumSet.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS,
            Muscle.DEEP_CERVICAL_FLEXORS);
    private static final Set<RedFlag> CAUDA_EQUINA = EnumSet.of(RedFlag.SADDLE_ANESTHESIA,
            RedFlag.BLADDER_OR_BOWEL_DYSFUNCTION, RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT, RedFlag.GAIT_DISTURBANCE);
    private static final Set<RedFlag> MALIGNANCY = EnumSet.of(RedFlag.HISTORY_OF_CANCER,
            RedFlag.UNEXPLAINED_WEIGHT_LOSS, RedFlag.NIGHT_PAIN, RedFlag.AGE_OVER_50_NEW_PAIN);
    private static final Set<RedFlag> INFECTION = EnumSet.of(RedFlag.FEVER, RedFlag.IMMUNOSUPPRESSION,
            RedFlag.INTRAVENOUS_DRUG_USE, RedFlag.RECENT_INFECTION);

    private HandCodedSubset() {
    }

    public static Decisions evaluate(Patient p, Thresholds t) {
        List<Proposal> proposed = new ArrayList<>();
        Set<Raised> flags = new HashSet<>();
        Set<String> withholdAll = new HashSet<>(2);
        redFlags(p, proposed, flags, withholdAll);

        Set<Region> guarded = EnumSet.noneOf(Region.class);
        StretchingHistory h = p.stretching();
        Region painOrLowBack = p.painRegion() == null ? Region.LOWER_BACK : p.painRegion();
        if (h != null && h.painReturnsWithinMinutes() != null && h.painReturnsWithinMinutes() <= t.painReturnMinutes()) {
            flags.add(new Raised(FlagCode.INSTABILITY_SUSPECTED, "WRN-01"));
            guarded.add(painOrLowBack);
        }
        if (h != null && Boolean.TRUE.equals(h.worseNextDay())) {
            flags.add(new Raised(FlagCode.DESTABILIZED, "WRN-03"));
            guarded.add(painOrLowBack);
        }
        if (p.signs().contains(Sign.SPINAL_COMPRESSION)) {
            flags.add(new Raised(FlagCode.COMPRESSION, "RC-01"));
            guarded.add(p.painRegion() == Region.NECK || p.painRegion() == Region.UPPER_BACK
                    ? p.painRegion() : Region.LOWER_BACK);
        }
        guarded.forEach(r -> proposed.add(new Proposal(Action.DO_NOT_STRETCH, r, null, "SAF-05")));

        for (Injury i : p.injuries()) {
            if (recent(i.daysAgo(), t.recentInjuryDays())) {
                flags.add(new Raised(FlagCode.RECENT_INJURY, "SAF-03"));
                if (i.muscle() == null) {
                    // The structure is not named: every stretch waits for the clearance.
                    proposed.add(new Proposal(Action.REFER, Target.GENERAL, null, "SAF-03"));
                    withholdAll.add("SAF-03");
                }
            }
            if (i.muscle() != null && recent(i.daysAgo(), t.recentInjuryDays())) {
                proposed.add(new Proposal(Action.DO_NOT_STRETCH, i.muscle(), i.side(), "SAF-02"));
                proposed.add(new Proposal(Action.REFER, i.muscle(), i.side(), "SAF-08"));
            }
        }
        for (Surgery s : p.surgeries()) {
            if (recent(s.daysAgo(), t.recentSurgeryDays())) {
                proposed.add(new Proposal(Action.REFER, s.region() == null ? Target.GENERAL : s.region(), null, "SAF-04"));
                if (s.region() != null) {
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, s.region(), null, "SAF-04"));
                }
                flags.add(new Raised(FlagCode.RECENT_SURGERY, "SAF-04"));
                withholdAll.add("SAF-04");
            }
        }

        boolean lowBackPain = p.painRegion() == Region.LOWER_BACK;
        if (lowBackPain) {
            proposed.add(new Proposal(Action.DO_NOT_STRETCH, Region.LOWER_BACK, null, "MUS-06"));
        }
        boolean chronicLowBackPain = lowBackPain && p.painDurationWeeks() != null && p.painDurationWeeks() >= t.chronicPainWeeks();
        boolean weakGlutes = false;
        List<MuscleFinding> findings = sided(p);
        for (MuscleFinding f : findings) {
            Muscle m = f.muscle();
            Side side = MIDLINE.contains(m) ? Side.BOTH : f.side();
            if (f.strength() == Strength.WEAK) {
                if (PHASIC.contains(m) && f.length() != Length.SHORT && !MIDLINE.contains(m)) {
                    // Nobody stretches the deep stabilisers: no do-not-stretch for them (issue 20).
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, m, side, "MUS-01"));
                } else if (!PHASIC.contains(m) && f.length() != null && f.length() != Length.SHORT) {
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, m, side, "MUS-03"));
                }
                weakGlutes |= m == Muscle.GLUTES;
            }
            if (f.length() == Length.SHORT) {
                proposed.add(new Proposal(Action.STRETCH, m, side, "MUS-05"));
                if (m == Muscle.UPPER_TRAPEZIUS) {
                    proposed.add(new Proposal(Action.STRETCH, m, f.side(), "MUS-12"));
                } else if (m == Muscle.PECTORALS) {
                    proposed.add(new Proposal(Action.STRETCH, m, f.side(), "MUS-13"));
                } else if (chronicLowBackPain && (m == Muscle.HAMSTRINGS || m == Muscle.HIP_FLEXORS)) {
                    proposed.add(new Proposal(Action.STRETCH, m, f.side(), "TEC-07"));
                }
            }
        }
        if (weakGlutes) {
            for (MuscleFinding f : findings) {
                if ((f.muscle() == Muscle.LOWER_BACK_EXTENSORS || f.muscle() == Muscle.QUADRATUS_LUMBORUM)
                        && (Boolean.TRUE.equals(f.feelsTight()) || f.length() == Length.SHORT)) {
                    Side side = MIDLINE.contains(f.muscle()) ? Side.BOTH : f.side();
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, f.muscle(), side, "RC-02"));
                    flags.add(new Raised(FlagCode.COMPENSATION, "RC-02"));
                }
            }
        }
        return resolve(proposed, flags, withholdAll);
    }

    /** Whether an injury or surgery {@code daysAgo} days ago is recent: within the threshold, or of unknown date. */
    private static boolean recent(Integer daysAgo, int thresholdDays) {
        return daysAgo == null || daysAgo <= thresholdDays;
    }

    /** The findings, a finding for both sides split in two when a muscle of its region is injured on one side. */
    private static List<MuscleFinding> sided(Patient p) {
        List<MuscleFinding> findings = new ArrayList<>();
        for (MuscleFinding f : p.muscles()) {
            if (f.side() == Side.BOTH && p.injuries().stream().anyMatch(i -> i.muscle() != null
                    && i.muscle().region() == f.muscle().region() && i.side() != Side.BOTH)) {
                findings.add(new MuscleFinding(f.muscle(), Side.LEFT, f.strength(), f.length(), f.feelsTight()));
                findings.add(new MuscleFinding(f.muscle(), Side.RIGHT, f.strength(), f.length(), f.feelsTight()));
            } else {
                findings.add(f);
            }
        }
        return findings;
    }

    /**
     * RFL-01..12 as far as they withhold exercise: an emergency (any sign of cauda equina, or major
     * trauma) refers under RFL-11, an urgent finding (a history of cancer, two flags of malignancy
     * or of infection, minor trauma with osteoporosis) under RFL-12.
     */
    private static void redFlags(Patient p, List<Proposal> proposed, Set<Raised> flags, Set<String> withholdAll) {
        Set<RedFlag> present = EnumSet.noneOf(RedFlag.class);
        present.addAll(p.redFlags());
        boolean backPain = p.painRegion() == null || p.painRegion() == Region.LOWER_BACK || p.painRegion() == Region.UPPER_BACK;
        if (p.age() != null && p.age() > 50 && p.painDurationWeeks() != null && p.painDurationWeeks() < 6 && backPain) {
            present.add(RedFlag.AGE_OVER_50_NEW_PAIN); // derived from the record (RFL-22)
        }
        boolean child = p.age() != null && p.age() < 16 && (backPain || p.painRegion() == Region.NECK);
        long infection = present.stream().filter(INFECTION::contains).count();
        boolean fever = present.contains(RedFlag.FEVER);
        boolean emergency = present.stream().anyMatch(CAUDA_EQUINA::contains) || present.contains(RedFlag.MAJOR_TRAUMA)
                || fever && infection >= 2;
        boolean urgent = present.contains(RedFlag.HISTORY_OF_CANCER)
                || present.stream().filter(MALIGNANCY::contains).count() >= 2
                || !fever && infection >= 2
                || fever && infection == 1
                || present.contains(RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS) && !present.contains(RedFlag.MAJOR_TRAUMA)
                || present.contains(RedFlag.PROLONGED_CORTICOSTEROID_USE) && present.contains(RedFlag.AGE_OVER_50_NEW_PAIN)
                        && !present.contains(RedFlag.MAJOR_TRAUMA)
                || child;
        for (String rule : emergency && urgent ? List.of("RFL-11", "RFL-12")
                : emergency ? List.of("RFL-11") : urgent ? List.of("RFL-12") : List.<String>of()) {
            proposed.add(new Proposal(Action.REFER, Target.GENERAL, null, rule));
            flags.add(new Raised(FlagCode.RED_FLAG, rule));
            withholdAll.add(rule);
        }
    }

    /** CON-01, CON-02, CON-03 and RFL-15: what overrules each stretch. */
    private static Decisions resolve(List<Proposal> proposed, Set<Raised> flags, Set<String> withholdAll) {
        Set<Proposal> standing = new HashSet<>();
        Map<List<Object>, Suppression> suppressed = new HashMap<>();
        for (Proposal stretch : proposed) {
            if (stretch.action() != Action.STRETCH) {
                standing.add(stretch);
                continue;
            }
            Set<String> by = new HashSet<>(withholdAll);
            for (Proposal other : proposed) {
                if ((other.action() == Action.DO_NOT_STRETCH || other.action() == Action.REFER)
                        && holds(other, stretch.target()) && overlap(other.side(), stretch.side())) {
                    by.add(other.rule());
                }
            }
            if (by.isEmpty()) {
                standing.add(stretch);
            } else {
                suppressed.merge(List.of(stretch.target(), stretch.side()),
                        new Suppression(stretch.target(), stretch.side(), stretch.rule(), by),
                        (a, b) -> a.rule().compareTo(b.rule()) <= 0 ? a : b);
            }
        }
        return new Decisions(standing, flags, new HashSet<>(suppressed.values()));
    }

    /** A referral about a healing muscle holds its whole region's muscles (CON-02); otherwise {@link #covers}. */
    private static boolean holds(Proposal restriction, Target stretched) {
        return restriction.action() == Action.REFER && restriction.target() instanceof Muscle m
                ? covers(m.region(), stretched) : covers(restriction.target(), stretched);
    }

    /** A target covers itself and, for a region, its muscles; GENERAL covers nothing here. */
    private static boolean covers(Target target, Target other) {
        return target != Target.GENERAL && (target == other || other instanceof Muscle m && m.region() == target);
    }

    /** Whether two sides share a side; {@code null} (a region) has every side. */
    private static boolean overlap(Side a, Side b) {
        return a == null || b == null || a == Side.BOTH || b == Side.BOTH || a == b;
    }
}
