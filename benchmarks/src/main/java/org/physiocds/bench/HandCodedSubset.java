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
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Target;

/**
 * The stretching decision written by hand in plain Java: the speed-of-light baseline for the
 * engine, and a cross-check of it ({@code HandCodedSubsetTest}).
 *
 * <p>The subset is closed: every rule of the knowledge base that proposes or forbids a stretch,
 * what those rules need derived first, and the conflict resolution between them, so that which
 * stretches stand does not depend on any rule left out. {@link #RULES} lists them:
 * <ul>
 *   <li>derived: CLS-01..06 (tonic, phasic or untyped muscle), SAF-01 (recent strain or tear),
 *       the guarding that WRN-01, WRN-03 and RC-01 derive;</li>
 *   <li>do not stretch: SAF-02 (recently strained or torn muscle), SAF-05 (guarding region),
 *       MUS-01 (weak phasic muscle; also strengthen it), MUS-03 (weak, not short, not phasic),
 *       MUS-06 (low back pain; also stabilise the lower back), RC-02 (glutes weak and lower back
 *       tight; also strengthen the glutes, flag COMPENSATION);</li>
 *   <li>stretch: MUS-05 (short muscle), MUS-12 (short upper trapezius; also strengthen the deep
 *       cervical flexors), MUS-13 (short pectorals; also strengthen rhomboids and lower trapezius),
 *       TEC-07 (chronic low back pain with short hamstrings or hip flexors);</li>
 *   <li>flags: WRN-01 (INSTABILITY_SUSPECTED), WRN-03 (DESTABILIZED), RC-01 (COMPRESSION; also
 *       decompress the guarded regions);</li>
 *   <li>CON-01: a do-not-stretch of a muscle, or of the region it belongs to, overrules every
 *       stretch of it.</li>
 * </ul>
 * It writes no rationale, facts or citations: decisions only.
 */
public final class HandCodedSubset {

    /** The ids of the rules implemented here. */
    public static final Set<String> RULES = Set.of("CLS-01", "CLS-02", "CLS-03", "CLS-04", "CLS-05", "CLS-06",
            "SAF-01", "SAF-02", "SAF-05", "MUS-01", "MUS-03", "MUS-05", "MUS-06", "MUS-12", "MUS-13", "TEC-07",
            "WRN-01", "WRN-03", "RC-01", "RC-02", "CON-01");

    private static final Set<Muscle> PHASIC = EnumSet.of(Muscle.GLUTES, Muscle.LOWER_BACK_EXTENSORS,
            Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS, Muscle.DEEP_CERVICAL_FLEXORS, Muscle.RHOMBOIDS,
            Muscle.LOWER_TRAPEZIUS);

    private HandCodedSubset() {
    }

    public static Decisions evaluate(Patient p, Thresholds t) {
        List<Proposal> proposed = new ArrayList<>();
        Set<Raised> flags = new HashSet<>();

        Set<Region> guarded = EnumSet.noneOf(Region.class);
        StretchingHistory h = p.stretching();
        if (h != null && h.isPainReturningWithin(t.painReturnMinutes())) {
            flags.add(new Raised(FlagCode.INSTABILITY_SUSPECTED, "WRN-01"));
            guardedRegions(p.painRegion(), guarded);
        }
        if (h != null && h.isWorseTheDayAfter()) {
            flags.add(new Raised(FlagCode.DESTABILIZED, "WRN-03"));
            guardedRegions(p.painRegion(), guarded);
        }
        if (p.signs().contains(Sign.SPINAL_COMPRESSION)) {
            flags.add(new Raised(FlagCode.COMPRESSION, "RC-01"));
            Set<Region> compressed = EnumSet.noneOf(Region.class);
            guardedRegions(p.painRegion(), compressed);
            compressed.forEach(r -> proposed.add(new Proposal(Action.DECOMPRESS, r, "RC-01")));
            guarded.addAll(compressed);
        }
        guarded.forEach(r -> proposed.add(new Proposal(Action.DO_NOT_STRETCH, r, "SAF-05")));

        for (Injury i : p.injuries()) {
            if (i.isMuscleDamage() && i.isWithinDays(t.recentInjuryDays())) {
                proposed.add(new Proposal(Action.DO_NOT_STRETCH, i.muscle(), "SAF-02"));
            }
        }

        boolean lowBackPain = p.painRegion() == Region.LOWER_BACK;
        if (lowBackPain) {
            proposed.add(new Proposal(Action.STABILIZE, Region.LOWER_BACK, "MUS-06"));
            proposed.add(new Proposal(Action.DO_NOT_STRETCH, Region.LOWER_BACK, "MUS-06"));
        }
        boolean chronicLowBackPain = lowBackPain && p.isPainLastingAtLeast(t.chronicPainWeeks());
        boolean weakGlutes = false;
        for (MuscleFinding f : p.muscles()) {
            Muscle m = f.muscle();
            if (f.isWeak()) {
                if (PHASIC.contains(m)) {
                    proposed.add(new Proposal(Action.STRENGTHEN, m, "MUS-01"));
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, m, "MUS-01"));
                } else if (!f.isShortened()) {
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, m, "MUS-03"));
                }
                weakGlutes |= m == Muscle.GLUTES;
            }
            if (f.isShortened()) {
                proposed.add(new Proposal(Action.STRETCH, m, "MUS-05"));
                if (m == Muscle.UPPER_TRAPEZIUS) {
                    proposed.add(new Proposal(Action.STRETCH, m, "MUS-12"));
                    proposed.add(new Proposal(Action.STRENGTHEN, Muscle.DEEP_CERVICAL_FLEXORS, "MUS-12"));
                } else if (m == Muscle.PECTORALS) {
                    proposed.add(new Proposal(Action.STRETCH, m, "MUS-13"));
                    proposed.add(new Proposal(Action.STRENGTHEN, Muscle.RHOMBOIDS, "MUS-13"));
                    proposed.add(new Proposal(Action.STRENGTHEN, Muscle.LOWER_TRAPEZIUS, "MUS-13"));
                } else if (chronicLowBackPain && (m == Muscle.HAMSTRINGS || m == Muscle.HIP_FLEXORS)) {
                    proposed.add(new Proposal(Action.STRETCH, m, "TEC-07"));
                }
            }
        }
        if (weakGlutes) {
            for (MuscleFinding f : p.muscles()) {
                if ((f.muscle() == Muscle.LOWER_BACK_EXTENSORS || f.muscle() == Muscle.QUADRATUS_LUMBORUM)
                        && (f.isTight() || f.isShortened())) {
                    proposed.add(new Proposal(Action.STRENGTHEN, Muscle.GLUTES, "RC-02"));
                    proposed.add(new Proposal(Action.DO_NOT_STRETCH, f.muscle(), "RC-02"));
                    flags.add(new Raised(FlagCode.COMPENSATION, "RC-02"));
                }
            }
        }
        return resolve(proposed, flags);
    }

    /** CON-01: every stretch that a do-not-stretch covers is suppressed. */
    private static Decisions resolve(List<Proposal> proposed, Set<Raised> flags) {
        Set<Proposal> standing = new HashSet<>();
        Map<Target, Suppression> suppressed = new HashMap<>();
        for (Proposal stretch : proposed) {
            if (stretch.action() != Action.STRETCH) {
                standing.add(stretch);
                continue;
            }
            String by = null;
            for (Proposal no : proposed) {
                if (no.action() == Action.DO_NOT_STRETCH && covers(no.target(), stretch.target())
                        && (by == null || no.rule().compareTo(by) < 0)) {
                    by = no.rule();
                }
            }
            if (by == null) {
                standing.add(stretch);
            } else {
                String byRule = by;
                suppressed.merge(stretch.target(), new Suppression(stretch.target(), stretch.rule(), byRule),
                        (a, b) -> a.rule().compareTo(b.rule()) <= 0 ? a : b);
            }
        }
        return new Decisions(standing, flags, new HashSet<>(suppressed.values()));
    }

    private static boolean covers(Target target, Target other) {
        return target == other || other instanceof Muscle m && m.region() == target;
    }

    /** The lower back, and the painful region too when it is another part of the spine. */
    private static void guardedRegions(Region pain, Set<Region> into) {
        into.add(Region.LOWER_BACK);
        if (pain == Region.UPPER_BACK || pain == Region.NECK) {
            into.add(pain);
        }
    }
}
