package org.physiocds.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.Topic;
import org.physiocds.model.Patient;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/** Shared fixtures for the knowledge-base tests: one engine, and ways to read a result. */
final class Kb {

    /** Built once for every test class: building is the slow part, evaluating is cheap. */
    static final CdsEngine ENGINE = CdsEngine.builder().build();

    private Kb() {
    }

    /**
     * Evaluates with the shared engine and records, for the traceability report, which guidance
     * and rules the calling test made fire.
     */
    static Evaluation evaluate(Patient patient) {
        Evaluation result = ENGINE.evaluate(patient);
        Coverage.record(result);
        return result;
    }

    static Optional<Recommendation> recommendation(Evaluation e, Action action, Target target) {
        return e.recommendations().stream()
                .filter(r -> r.action() == action && r.target().equals(target))
                .findFirst();
    }

    /** The recommendation of this action for this muscle on this side (LEFT, RIGHT or BOTH). */
    static Optional<Recommendation> recommendation(Evaluation e, Action action, Target target, Side side) {
        return e.recommendations().stream()
                .filter(r -> r.action() == action && r.target().equals(target) && r.side() == side)
                .findFirst();
    }

    /** The recommendation of this action about the programme as a whole on this topic. */
    static Optional<Recommendation> recommendation(Evaluation e, Action action, Topic topic) {
        return e.recommendations().stream()
                .filter(r -> r.action() == action && r.target() == Target.GENERAL && r.topic() == topic)
                .findFirst();
    }

    static boolean recommends(Evaluation e, Action action, Topic topic) {
        return recommendation(e, action, topic).isPresent();
    }

    static boolean recommends(Evaluation e, Action action, Target target, Side side) {
        return recommendation(e, action, target, side).isPresent();
    }

    static Optional<SuppressedRecommendation> suppressed(Evaluation e, Action action, Target target, Side side) {
        return e.suppressed().stream()
                .filter(s -> s.action() == action && s.target().equals(target) && s.side() == side)
                .findFirst();
    }

    static Optional<SuppressedRecommendation> suppressed(Evaluation e, Action action, Topic topic) {
        return e.suppressed().stream()
                .filter(s -> s.action() == action && s.target() == Target.GENERAL && s.topic() == topic)
                .findFirst();
    }

    static boolean recommends(Evaluation e, Action action, Target target) {
        return recommendation(e, action, target).isPresent();
    }

    static Optional<SuppressedRecommendation> suppressed(Evaluation e, Action action, Target target) {
        return e.suppressed().stream()
                .filter(s -> s.action() == action && s.target().equals(target))
                .findFirst();
    }

    static Optional<Flag> flag(Evaluation e, FlagCode code) {
        return e.flags().stream().filter(f -> f.code() == code).findFirst();
    }

    static Set<FlagCode> flagCodes(Evaluation e) {
        Set<FlagCode> codes = new TreeSet<>();
        e.flags().forEach(f -> codes.add(f.code()));
        return codes;
    }

    /** Every explanation in the result: recommendations, their support, flags, suppressions. */
    static List<Explanation> explanations(Evaluation e) {
        List<Explanation> all = new ArrayList<>();
        e.recommendations().forEach(r -> {
            all.add(r.explanation());
            all.addAll(r.alsoSupportedBy());
        });
        e.flags().forEach(f -> {
            all.add(f.explanation());
            all.addAll(f.alsoSupportedBy());
        });
        e.suppressed().forEach(s -> {
            all.add(s.explanation());
            all.add(s.suppressedBy());
        });
        return all;
    }

    /** The ids of every rule whose conclusion shows in the result. */
    static Set<String> ruleIds(Evaluation e) {
        Set<String> ids = new TreeSet<>();
        explanations(e).forEach(x -> ids.add(x.rule()));
        return ids;
    }

    /** The ids of the rules behind one recommendation (leading and supporting). */
    static Set<String> ruleIds(Recommendation r) {
        Set<String> ids = new TreeSet<>();
        Stream.concat(Stream.of(r.explanation()), r.alsoSupportedBy().stream()).forEach(x -> ids.add(x.rule()));
        return ids;
    }
}
