package org.physiocds.bench;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * The stretching decision without prose: which rule proposed which stretch, do-not-stretch or
 * referral and left it standing, which rule raised which flag, and which stretch was suppressed,
 * proposed by which rule and overruled by which. {@link HandCodedSubset} computes it by hand;
 * {@link #of} reads it out of an engine {@link Evaluation}, so the two can be compared.
 */
public record Decisions(Set<Proposal> recommendations, Set<Raised> flags, Set<Suppression> suppressed) {

    /** The actions the stretching decision is about: stretch, do not stretch, and the referrals that withhold a stretch. */
    public static final Set<Action> ACTIONS = EnumSet.of(Action.STRETCH, Action.DO_NOT_STRETCH, Action.REFER);

    /** Rule {@code rule} proposed {@code action} for {@code target} on {@code side} (muscles only), and it stands. */
    public record Proposal(Action action, Target target, Side side, String rule) {
    }

    /** Rule {@code rule} raised flag {@code code}. */
    public record Raised(FlagCode code, String rule) {
    }

    /**
     * A stretch of {@code target} on {@code side} was overruled: {@code rule} is the first rule (by
     * id) that proposed it, {@code by} every rule whose advice overruled it.
     */
    public record Suppression(Target target, Side side, String rule, Set<String> by) {
    }

    /** The engine's result, restricted to the stretching decision of the rules {@link HandCodedSubset} implements. */
    public static Decisions of(Evaluation evaluation) {
        Set<Proposal> recommendations = new HashSet<>();
        evaluation.recommendations().stream()
                .filter(r -> ACTIONS.contains(r.action()))
                .forEach(r -> rules(r.explanation(), r.alsoSupportedBy().stream())
                        .forEach(rule -> recommendations.add(new Proposal(r.action(), r.target(), r.side(), rule))));
        Set<Raised> flags = new HashSet<>();
        evaluation.flags().forEach(f -> rules(f.explanation(), f.alsoSupportedBy().stream())
                .forEach(rule -> flags.add(new Raised(f.code(), rule))));
        Set<Suppression> suppressed = new HashSet<>();
        // Every rule that proposes a stretch is in the subset, and so is every rule that overrules one.
        evaluation.suppressed().stream()
                .filter(s -> s.action() == Action.STRETCH)
                .forEach(s -> suppressed.add(new Suppression(s.target(), s.side(), s.explanation().rule(),
                        Set.copyOf(Stream.concat(Stream.of(s.suppressedBy()), s.alsoSuppressedBy().stream())
                                .map(Explanation::rule).toList()))));
        return new Decisions(recommendations, flags, suppressed);
    }

    private static Stream<String> rules(Explanation leading, Stream<Explanation> others) {
        return Stream.concat(Stream.of(leading), others).map(Explanation::rule).filter(HandCodedSubset.RULES::contains);
    }
}
