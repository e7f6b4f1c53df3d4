package org.physiocds.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.model.Target;

/**
 * The decisions of {@link HandCodedSubset}'s rules, without prose: which rule proposed which
 * action for which target and left it standing, which rule raised which flag, and which stretch was
 * suppressed by which rule. {@link #of} reads the same out of an engine {@link Evaluation}, so
 * the two can be compared.
 */
public record Decisions(Set<Proposal> recommendations, Set<Raised> flags, Set<Suppression> suppressed) {

    /** Rule {@code rule} proposed {@code action} for {@code target}, and it stands. */
    public record Proposal(Action action, Target target, String rule) {
    }

    /** Rule {@code rule} raised flag {@code code}. */
    public record Raised(FlagCode code, String rule) {
    }

    /**
     * A stretch of {@code target} was overruled: {@code rule} is the first rule (by id) that
     * proposed it, {@code by} the first that forbade it.
     */
    public record Suppression(Target target, String rule, String by) {
    }

    /** The engine's result, restricted to the rules {@link HandCodedSubset} implements. */
    public static Decisions of(Evaluation evaluation) {
        Set<Proposal> recommendations = new HashSet<>();
        evaluation.recommendations().forEach(r -> Stream.concat(Stream.of(r.explanation()), r.alsoSupportedBy().stream())
                .map(Explanation::rule)
                .filter(HandCodedSubset.RULES::contains)
                .forEach(rule -> recommendations.add(new Proposal(r.action(), r.target(), rule))));
        Set<Raised> flags = new HashSet<>();
        evaluation.flags().forEach(f -> Stream.concat(Stream.of(f.explanation()), f.alsoSupportedBy().stream())
                .map(Explanation::rule)
                .filter(HandCodedSubset.RULES::contains)
                .forEach(rule -> flags.add(new Raised(f.code(), rule))));
        Set<Suppression> suppressed = new HashSet<>();
        // Every rule that proposes a stretch is in the subset: no suppression needs filtering.
        evaluation.suppressed().forEach(s -> suppressed.add(
                new Suppression(s.target(), s.explanation().rule(), s.suppressedBy().rule())));
        return new Decisions(recommendations, flags, suppressed);
    }
}
