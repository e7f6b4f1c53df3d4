package org.physiocds.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.physiocds.Action;
import org.physiocds.Citation;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.Thresholds;
import org.physiocds.model.Injury;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.Target;

/**
 * The safety invariants every evaluation must satisfy, whatever the patient. Each check returns
 * the violations it found, in words, so that a failing run can report them all.
 */
final class Invariants {

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
        noLowerBackStretchWhenUnstable(e, violations);
        noStretchBesideDoNotStretch(e, violations);
        everyConclusionExplainedAndCited(e, violations);
        contractShape(patient, e, violations);
        return violations;
    }

    /** Never STRETCH a muscle with a strain or tear within recentInjuryDays (or of unknown date). */
    void noStretchOfRecentlyInjuredMuscle(Patient patient, Evaluation e, List<String> violations) {
        for (Injury injury : patient.injuries()) {
            if (injury.isMuscleDamage() && injury.isWithinDays(thresholds.recentInjuryDays())) {
                stretches(e).filter(r -> r.target() == injury.muscle()).forEach(r -> violations.add(
                        "recent-injury: STRETCH " + r.target().code() + " (" + r.explanation().rule()
                                + ") despite " + injury));
            }
        }
    }

    /** When instability is flagged, never STRETCH the lower back or a muscle of it. */
    void noLowerBackStretchWhenUnstable(Evaluation e, List<String> violations) {
        if (e.flags().stream().anyMatch(f -> f.code() == FlagCode.INSTABILITY_SUSPECTED)) {
            stretches(e).filter(r -> isLowerBack(r.target()))
                    .forEach(r -> violations.add("instability: STRETCH " + r.target().code() + " ("
                            + r.explanation().rule() + ") while INSTABILITY_SUSPECTED is flagged"));
        }
    }

    /** Never a STRETCH beside a DO_NOT_STRETCH of the same target (or of the region it lies in). */
    void noStretchBesideDoNotStretch(Evaluation e, List<String> violations) {
        stretches(e).forEach(stretch -> e.recommendations().stream()
                .filter(r -> r.action() == Action.DO_NOT_STRETCH && r.target().covers(stretch.target()))
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
                if (!seeds.quotes(c.source(), c.quote())) {
                    violations.add("citation: " + at + " quotes text not in " + c.source() + ": " + c.quote());
                }
            } else if (c.source() == null || !HTTPS_URL.matcher(c.source()).find()) {
                violations.add("citation: " + at + " is neither a seed nor an https URL: " + c.source());
            }
        }
    }

    /** The interchange contract: the id echoed, no action and target pair twice. */
    private static void contractShape(Patient patient, Evaluation e, List<String> violations) {
        if (!java.util.Objects.equals(patient.patientId(), e.patientId())) {
            violations.add("contract: patientId not echoed");
        }
        Set<String> pairs = new HashSet<>();
        e.recommendations().forEach(r -> {
            if (!pairs.add(r.action() + " " + r.target().code())) {
                violations.add("contract: " + r.action() + " " + r.target().code() + " recommended twice");
            }
        });
    }

    private static java.util.stream.Stream<Recommendation> stretches(Evaluation e) {
        return e.recommendations().stream().filter(r -> r.action() == Action.STRETCH);
    }

    /** Whether a target is the lower back or one of its muscles. */
    static boolean isLowerBack(Target t) {
        return t == Region.LOWER_BACK || t instanceof Muscle m && m.region() == Region.LOWER_BACK;
    }
}
