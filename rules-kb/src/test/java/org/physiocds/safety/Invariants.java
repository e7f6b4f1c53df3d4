package org.physiocds.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.Phase;
import org.physiocds.Thresholds;
import org.physiocds.Topic;
import org.physiocds.model.Injury;
import org.physiocds.model.Length;
import org.physiocds.model.Muscle;
import org.physiocds.internal.kb.SurgicalRegions;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;
import org.physiocds.model.Target;

/**
 * The safety invariants every evaluation must satisfy, whatever the patient. Each check returns
 * the violations it found, in words, so that a failing run can report them all.
 */
final class Invariants {

    private static final Pattern TRACTION = Pattern.compile("\\btraction\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s/]+\\.[^\\s]+");

    private final Thresholds thresholds;
    private final SeedFiles seeds = new SeedFiles();

    Invariants(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Every invariant of one evaluation of {@code patient}. */
    List<String> check(Patient patient, Evaluation e) {
        List<String> violations = new ArrayList<>();
        noStretchOfRecentlyInjuredMuscle(patient, e, violations);
        noStretchAfterRecentSurgery(patient, e, violations);
        noLoadingOfTheOperatedRegionWithinTheWindow(patient, e, violations);
        noStretchBesideAnUnnamedRecentInjury(patient, e, violations);
        nothingLoadsThePainfulRegionBesideAnUnnamedRecentInjury(patient, e, violations);
        noDecompressionWhenContraindicated(patient, e, violations);
        everySuspectedSpinalInfectionIsAnEmergency(patient, e, violations);
        everyFeverWithAPainfulPeripheralJointIsAnEmergency(patient, e, violations);
        noStretchOfThePainfulRegionWhenUnstable(patient, e, violations);
        noStretchBesideDoNotStretch(e, violations);
        noStretchOfALongMuscle(patient, e, violations);
        noStretchingTechniqueWithoutAStretch(patient, e, violations);
        harmfulStretchingHabitsAlwaysAddressed(patient, e, violations);
        onlySafetyUnderAWithholdingReferral(e, violations);
        everyConclusionExplainedAndCited(e, violations);
        contractShape(patient, e, violations);
        return violations;
    }

    /**
     * Never STRETCH a muscle on a side with an injury of any type (strain, tear or other) within
     * recentInjuryDays, or of unknown date; an injury of both sides (or no side given) covers either.
     */
    void noStretchOfRecentlyInjuredMuscle(Patient patient, Evaluation e, List<String> violations) {
        for (Injury injury : patient.injuries()) {
            if (injury.muscle() != null && isRecent(injury.daysAgo(), thresholds.recentInjuryDays())) {
                stretches(e).filter(r -> r.target() == injury.muscle() && overlaps(r.side(), injury.side()))
                        .forEach(r -> violations.add("recent-injury: STRETCH " + r.target().code() + " "
                                + r.side() + " (" + r.explanation().rule() + ") despite " + injury));
            }
        }
    }

    /**
     * Never STRETCH or DECOMPRESS anything within recentSurgeryDays of any surgery, whatever was
     * operated, nor exercise the operated region or its own muscles (on the operated side).
     */
    void noStretchAfterRecentSurgery(Patient patient, Evaluation e, List<String> violations) {
        for (Surgery surgery : patient.surgeries()) {
            if (isRecent(surgery.daysAgo(), thresholds.recentSurgeryDays())) {
                e.recommendations().stream()
                        .filter(r -> r.action() == Action.STRETCH || r.action() == Action.DECOMPRESS
                                || surgery.region() != null && surgery.region().covers(r.target())
                                        && overlaps(r.side(), surgery.heldSide())
                                        && r.action().phase() != Phase.SAFETY)
                        .forEach(r -> violations.add("recent-surgery: " + r.action() + " " + r.target().code()
                                + " (" + r.explanation().rule() + ") despite " + surgery));
            }
        }
    }

    /**
     * Within recentSurgeryDays, no exercise (nothing outside the SAFETY phase) of a muscle that loads
     * the operated region, on the operated side (both when not given), nor region-wide exercise of
     * a region it moves: the reviewed table of docs/surgical-regions.md, which SurgicalRegionsTest
     * holds to the document.
     */
    void noLoadingOfTheOperatedRegionWithinTheWindow(Patient patient, Evaluation e, List<String> violations) {
        for (Surgery surgery : patient.surgeries()) {
            if (surgery.region() == null || !isRecent(surgery.daysAgo(), thresholds.recentSurgeryDays())) {
                continue;
            }
            SurgicalRegions.Row row = SurgicalRegions.of(surgery.region());
            e.recommendations().stream()
                    .filter(r -> r.phase() != Phase.SAFETY)
                    .filter(r -> r.target() instanceof Muscle m ? row.muscles().contains(m) && overlaps(r.side(), surgery.heldSide())
                            : r.target() instanceof Region g && row.regions().contains(g))
                    .forEach(r -> violations.add("operated-region: " + r.action() + " " + r.target().code() + " "
                            + r.side() + " (" + r.explanation().rule() + ") loads the region of " + surgery));
        }
    }

    /**
     * A recent injury whose structure is not named (no muscle): no STRETCH on its side (none at all
     * when no side was recorded), and no MOBILIZE of
     * the painful region (of any region when it is not known), until cleared.
     */
    void noStretchBesideAnUnnamedRecentInjury(Patient patient, Evaluation e, List<String> violations) {
        for (Injury injury : patient.injuries()) {
            if (injury.muscle() == null && isRecent(injury.daysAgo(), thresholds.recentInjuryDays())) {
                e.recommendations().stream()
                        .filter(r -> r.action() == Action.STRETCH && overlaps(r.side(), injury.side())
                                || r.action() == Action.MOBILIZE
                                && (patient.painRegion() == null || r.target() == patient.painRegion()))
                        .forEach(r -> violations.add("unnamed-injury: " + r.action() + " " + r.target().code()
                                + " (" + r.explanation().rule() + ") despite " + injury));
            }
        }
    }

    /**
     * A recent injury whose structure is not named: nothing loads the painful region (no STRETCH,
     * STRENGTHEN, STABILIZE, MOBILIZE or DECOMPRESS of it, of a muscle of it, or of what the reviewed
     * table of docs/surgical-regions.md says loads it, on the injured side) until cleared.
     */
    void nothingLoadsThePainfulRegionBesideAnUnnamedRecentInjury(Patient patient, Evaluation e, List<String> violations) {
        Region region = patient.painRegion();
        if (region == null) {
            return;
        }
        SurgicalRegions.Row row = SurgicalRegions.of(region);
        Set<Action> loading = EnumSet.of(Action.STRETCH, Action.STRENGTHEN, Action.STABILIZE, Action.MOBILIZE, Action.DECOMPRESS);
        for (Injury injury : patient.injuries()) {
            if (injury.muscle() == null && isRecent(injury.daysAgo(), thresholds.recentInjuryDays())) {
                e.recommendations().stream()
                        .filter(r -> loading.contains(r.action()))
                        .filter(r -> r.target() instanceof Muscle m
                                ? (region.covers(m) || row.muscles().contains(m)) && overlaps(r.side(), injury.side())
                                : r.target() == region || r.target() instanceof Region g && row.regions().contains(g))
                        .forEach(r -> violations.add("unnamed-injury-loading: " + r.action() + " " + r.target().code()
                                + " (" + r.explanation().rule() + ") loads the painful region " + region + " despite " + injury));
            }
        }
    }

    /**
     * No DECOMPRESS at 65 and over, with a fracture-risk flag, or with suspected instability (or a
     * destabilised area).
     */
    void noDecompressionWhenContraindicated(Patient patient, Evaluation e, List<String> violations) {
        boolean older = patient.age() != null && patient.age() >= 65;
        boolean fracture = patient.redFlags().stream().anyMatch(f -> f == RedFlag.MAJOR_TRAUMA
                || f == RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS || f == RedFlag.PROLONGED_CORTICOSTEROID_USE);
        boolean unstable = e.flags().stream().anyMatch(f -> f.code() == FlagCode.INSTABILITY_SUSPECTED
                || f.code() == FlagCode.DESTABILIZED);
        if (older || fracture || unstable) {
            e.recommendations().stream().filter(r -> r.action() == Action.DECOMPRESS)
                    .forEach(r -> violations.add("decompression: DECOMPRESS " + r.target().code() + " although"
                            + (older ? " aged " + patient.age() : "") + (fracture ? " with a fracture-risk flag" : "")
                            + (unstable ? " with instability suspected" : "")));
        }
        e.recommendations().stream().filter(r -> TRACTION.matcher(r.explanation().rationale()).find())
                .forEach(r -> violations.add("decompression: " + r.action() + " " + r.target().code() + " ("
                        + r.explanation().rule() + ") mentions traction"));
    }

    /**
     * Fever with a risk factor (intravenous drug use, a recent infection, immunosuppression) is a
     * suspected spinal infection: an emergency referral, every exercise withheld.
     */
    void everySuspectedSpinalInfectionIsAnEmergency(Patient patient, Evaluation e, List<String> violations) {
        if (patient.redFlags().contains(RedFlag.FEVER) && patient.redFlags().stream().anyMatch(f -> f == RedFlag.INTRAVENOUS_DRUG_USE
                || f == RedFlag.RECENT_INFECTION || f == RedFlag.IMMUNOSUPPRESSION)) {
            if (!recommendsTopic(e, Topic.EMERGENCY_REFERRAL) || e.exerciseWithheld() == null
                    || e.exerciseWithheld().urgency() != org.physiocds.Urgency.EMERGENCY) {
                violations.add("infection: fever with a risk factor " + patient.redFlags()
                        + " is not an emergency referral: " + e.exerciseWithheld());
            }
        }
    }

    /**
     * Fever with pain in a peripheral joint (shoulder, hip, knee, ankle) is a suspected joint
     * infection (septic arthritis; after surgery, a prosthetic joint infection): an emergency
     * referral, every exercise withheld.
     */
    void everyFeverWithAPainfulPeripheralJointIsAnEmergency(Patient patient, Evaluation e, List<String> violations) {
        Region r = patient.painRegion();
        boolean joint = r == Region.SHOULDER || r == Region.HIP || r == Region.KNEE || r == Region.ANKLE;
        if (joint && patient.redFlags().contains(RedFlag.FEVER)
                && (!recommendsTopic(e, Topic.EMERGENCY_REFERRAL) || e.exerciseWithheld() == null
                        || e.exerciseWithheld().urgency() != org.physiocds.Urgency.EMERGENCY)) {
            violations.add("joint-infection: fever with " + r + " pain is not an emergency referral: " + e.exerciseWithheld());
        }
    }

    /**
     * When instability is flagged, never STRETCH the guarded region (the painful region, or the lower
     * back when it is not known) or a muscle of it.
     */
    void noStretchOfThePainfulRegionWhenUnstable(Patient patient, Evaluation e, List<String> violations) {
        Region guarded = patient.painRegion() == null ? Region.LOWER_BACK : patient.painRegion();
        if (e.flags().stream().anyMatch(f -> f.code() == FlagCode.INSTABILITY_SUSPECTED)) {
            stretches(e).filter(r -> guarded.covers(r.target()))
                    .forEach(r -> violations.add("instability: STRETCH " + r.target().code() + " ("
                            + r.explanation().rule() + ") while INSTABILITY_SUSPECTED is flagged, pain in " + guarded));
        }
    }

    /** The deep stabilisers nobody stretches, and so has no do-not-stretch for either (issue 20). */
    static final Set<Muscle> NEVER_STRETCHED = EnumSet.of(Muscle.TRANSVERSE_ABDOMINIS, Muscle.MULTIFIDUS,
            Muscle.DEEP_CERVICAL_FLEXORS);

    /** Advice on how to stretch (issue 20): none of it without a stretch in the plan. */
    static final Set<Topic> STRETCHING_TECHNIQUE = EnumSet.of(Topic.PAIN_FREE_RANGE, Topic.NO_BALLISTIC,
            Topic.MILD_DISCOMFORT, Topic.BOTH_SIDES, Topic.CONSISTENCY, Topic.WARM_UP_BEFORE_STRETCHING);

    /** A muscle assessed long (bar the deep stabilisers nobody stretches) is never stretched on that side. */
    void noStretchOfALongMuscle(Patient patient, Evaluation e, List<String> violations) {
        for (MuscleFinding f : patient.muscles()) {
            if (f.length() == Length.LONG && !NEVER_STRETCHED.contains(f.muscle())) {
                stretches(e).filter(r -> r.target() == f.muscle() && overlaps(r.side(), f.side()))
                        .forEach(r -> violations.add("long-muscle: STRETCH " + r.target().code() + " " + r.side()
                                + " (" + r.explanation().rule() + ") although assessed long"));
            }
        }
    }

    /**
     * No stretching technique advice (pain-free range, no bouncing, both sides, warm-up...) without a
     * stretch, bar the stop-the-habit items for a habit the patient reported (bouncing, forcing).
     */
    void noStretchingTechniqueWithoutAStretch(Patient patient, Evaluation e, List<String> violations) {
        if (stretches(e).findAny().isEmpty()) {
            e.recommendations().stream().filter(r -> STRETCHING_TECHNIQUE.contains(r.topic()))
                    .filter(r -> !(r.topic() == Topic.NO_BALLISTIC && reported(patient, StretchingHistory::ballistic)))
                    .filter(r -> !(r.topic() == Topic.MILD_DISCOMFORT && reported(patient, StretchingHistory::aggressive)))
                    .forEach(r -> violations.add("technique-without-stretch: " + r.action() + " " + r.topic()
                            + " (" + r.explanation().rule() + ") with no stretch in the plan"));
        }
    }

    /**
     * A harmful habit the patient reported is always addressed, whether or not a stretch remains:
     * bouncing (no-ballistic item), forcing (mild-discomfort item), painful stretching (the referral
     * that says to stop the stretches that hurt); never "stretching is not bad" beside any of them.
     * Under an emergency or urgent referral the advice items are withheld (and reported suppressed).
     */
    void harmfulStretchingHabitsAlwaysAddressed(Patient patient, Evaluation e, List<String> violations) {
        if (recommendsTopic(e, Topic.EMERGENCY_REFERRAL) || recommendsTopic(e, Topic.URGENT_REFERRAL)) {
            return;
        }
        if (reported(patient, StretchingHistory::ballistic) && !recommendsTopic(e, Topic.NO_BALLISTIC)) {
            violations.add("harmful-habit: ballistic stretching reported, no stop-bouncing item");
        }
        if (reported(patient, StretchingHistory::aggressive) && !recommendsTopic(e, Topic.MILD_DISCOMFORT)) {
            violations.add("harmful-habit: aggressive stretching reported, no stop-forcing item");
        }
        if (reported(patient, StretchingHistory::painDuringStretch) && !recommendsTopic(e, Topic.PAINFUL_STRETCHING)) {
            violations.add("harmful-habit: painful stretching reported, no stop-the-stretches-that-hurt item");
        }
        boolean harm = reported(patient, StretchingHistory::ballistic) || reported(patient, StretchingHistory::aggressive)
                || reported(patient, StretchingHistory::painDuringStretch) || reported(patient, StretchingHistory::worseNextDay);
        if (harm && recommendsTopic(e, Topic.STRETCHING_INCOMPLETE)) {
            violations.add("harmful-habit: \"stretching is not bad\" said where the stretching is the harm");
        }
    }

    private static boolean reported(Patient patient, java.util.function.Function<StretchingHistory, Boolean> answer) {
        return patient.stretching() != null && Boolean.TRUE.equals(answer.apply(patient.stretching()));
    }

    /**
     * Under an emergency or urgent red-flag referral nothing outside the SAFETY phase stands, and
     * under an emergency nothing but referrals and what not to do.
     */
    void onlySafetyUnderAWithholdingReferral(Evaluation e, List<String> violations) {
        boolean emergency = recommendsTopic(e, Topic.EMERGENCY_REFERRAL);
        if (emergency || recommendsTopic(e, Topic.URGENT_REFERRAL)) {
            e.recommendations().stream()
                    .filter(r -> r.phase() != Phase.SAFETY || emergency && r.action() == Action.ASSESS)
                    .forEach(r -> violations.add("red-flag: " + r.action() + " " + r.target().code() + " ("
                            + r.explanation().rule() + ") stands beside an " + (emergency ? "emergency" : "urgent")
                            + " referral"));
        }
    }

    private static boolean recommendsTopic(Evaluation e, Topic topic) {
        return e.recommendations().stream().anyMatch(r -> r.topic() == topic);
    }

    /** Whether two sides share a side ({@code null}, a region, has every side). */
    static boolean overlaps(Side a, Side b) {
        return a == null || b == null || a == Side.BOTH || b == Side.BOTH || a == b;
    }

    /** Never a STRETCH beside a DO_NOT_STRETCH of the same target on an overlapping side (or of the region it lies in). */
    void noStretchBesideDoNotStretch(Evaluation e, List<String> violations) {
        stretches(e).forEach(stretch -> e.recommendations().stream()
                .filter(r -> r.action() == Action.DO_NOT_STRETCH && r.target().covers(stretch.target())
                        && overlaps(r.side(), stretch.side()))
                .forEach(no -> violations.add("conflict: STRETCH " + stretch.target().code() + " ("
                        + stretch.explanation().rule() + ") beside DO_NOT_STRETCH " + no.target().code()
                        + " (" + no.explanation().rule() + ")")));
    }

    /**
     * Every explanation (of recommendations, their support, flags, suppressions and everything
     * that suppressed them) names its rule and guidance and cites at least one source; a seed citation
     * quotes its seed file, any other citation names an https URL.
     */
    void everyConclusionExplainedAndCited(Evaluation e, List<String> violations) {
        e.recommendations().forEach(r -> {
            String where = "recommendation " + r.action() + " " + r.target().code();
            explained(where, r.explanation(), violations);
            r.alsoSupportedBy().forEach(x -> explained(where + " (support)", x, violations));
        });
        e.flags().forEach(f -> {
            explained("flag " + f.code(), f.explanation(), violations);
            f.alsoSupportedBy().forEach(x -> explained("flag " + f.code() + " (support)", x, violations));
        });
        e.suppressed().forEach(s -> {
            String where = "suppressed " + s.action() + " " + s.target().code();
            explained(where, s.explanation(), violations);
            explained(where + " (suppressedBy)", s.suppressedBy(), violations);
            s.alsoSuppressedBy().forEach(x -> explained(where + " (alsoSuppressedBy)", x, violations));
        });
    }

    private void explained(String where, Explanation x, List<String> violations) {
        if (x == null) {
            violations.add("explanation: " + where + " has none");
            return;
        }
        String rule = x.rule() == null || x.rule().isBlank() ? null : x.rule();
        String at = where + " [" + rule + "]";
        if (rule == null) {
            violations.add("explanation: " + at + " has no rule id");
        }
        if (x.guidance().isEmpty() || x.guidance().stream().anyMatch(g -> g == null || g.isBlank())) {
            violations.add("explanation: " + at + " has no guidance ids: " + x.guidance());
        }
        if (x.citations().isEmpty()) {
            violations.add("explanation: " + at + " cites nothing");
        }
        for (Citation c : x.citations()) {
            if (c.source() != null && c.source().startsWith("seeds/")) {
                if (!c.isQuote() || !seeds.quotes(c.source(), c.quote())) {
                    violations.add("citation: " + at + " quotes text not in " + c.source() + ": " + c.quote());
                }
            } else if (c.source() == null || !HTTPS_URL.matcher(c.source()).find()) {
                violations.add("citation: " + at + " is neither a seed nor an https URL: " + c.source());
            } else if (c.isQuote() || c.summary() == null || c.summary().isBlank()) {
                violations.add("citation: " + at + " presents a source other than a seed as a quote: " + c.source());
            }
        }
    }

    /**
     * The interchange contract v1.1: the id echoed; a side exactly on muscle items, a topic exactly
     * on GENERAL items; no two items share action, target, side and topic.
     */
    private static void contractShape(Patient patient, Evaluation e, List<String> violations) {
        if (!java.util.Objects.equals(patient.patientId(), e.patientId())) {
            violations.add("contract: patientId not echoed");
        }
        Set<String> items = new HashSet<>();
        e.recommendations().forEach(r -> {
            String item = r.action() + " " + r.target().code() + " " + r.side() + " " + r.topic();
            if (!items.add(item)) {
                violations.add("contract: " + item + " recommended twice");
            }
            if ((r.target() instanceof Muscle) != (r.side() != null) || (r.target() == Target.GENERAL) != (r.topic() != null)) {
                violations.add("contract: " + item + " has a side or topic where it should not, or lacks one");
            }
        });
        e.suppressed().forEach(s -> {
            if ((s.target() instanceof Muscle) != (s.side() != null) || (s.target() == Target.GENERAL) != (s.topic() != null)) {
                violations.add("contract: suppressed " + s.action() + " " + s.target().code() + " has a side or topic where it"
                        + " should not, or lacks one");
            }
        });
    }

    private static java.util.stream.Stream<Recommendation> stretches(Evaluation e) {
        return e.recommendations().stream().filter(r -> r.action() == Action.STRETCH);
    }

    /** Whether an injury or surgery {@code daysAgo} days ago is recent: within the threshold, or of unknown date. */
    static boolean isRecent(Integer daysAgo, int thresholdDays) {
        return daysAgo == null || daysAgo <= thresholdDays;
    }

    /** Whether a target is the lower back or one of its muscles. */
    static boolean isLowerBack(Target t) {
        return t == Region.LOWER_BACK || t instanceof Muscle m && m.region() == Region.LOWER_BACK;
    }
}
