package org.physiocds.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.FlagCode;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.model.Patient;
import org.physiocds.Topic;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * An example patient and the outcome it must produce (format: {@code examples/scenarios/README.md}).
 * Expectations say what must and must not be in the evaluation, never that it holds nothing
 * else, so that rules added later do not break scenarios needlessly.
 *
 * @param name        the file name without {@code .json}
 * @param description what the scenario shows, for a reader
 * @param patient     the patient, as the interchange format reads it
 * @param expect      what the evaluation must show
 */
record Scenario(String name, String description, Patient patient, Expectations expect) {

    /**
     * @param mustRecommend    recommendations that must be made
     * @param mustNotRecommend action and target pairs that must not be recommended
     * @param mustFlag         flags that must be raised
     * @param mustNotFlag      flags that must not be raised
     * @param mustSuppress     proposals that must be suppressed, each by the rule named
     * @param startBack        the STarT Back stratum the screening must come to, or {@code null}
     * @param mustCite         guidance ids some explanation in the evaluation must encode
     */
    record Expectations(List<Advised> mustRecommend, List<Advised> mustNotRecommend, List<FlagCode> mustFlag,
            List<FlagCode> mustNotFlag, List<Suppressed> mustSuppress, StartBackResult.Stratum startBack,
            List<String> mustCite) {

        /** What the evaluation fails to show, one sentence each; empty when it passes. */
        List<String> check(Evaluation e) {
            List<String> failures = new ArrayList<>();
            for (Advised a : mustRecommend) {
                Recommendation r = find(e, a.item());
                if (r == null) {
                    failures.add("expected " + a + " to be recommended" + suppressedNote(e, a.item()));
                } else {
                    if (a.dosage() != null && (r.dosage() == null || !r.dosage().contains(a.dosage()))) {
                        failures.add("expected the dosage of " + a + " to include \"" + a.dosage() + "\", was "
                                + (r.dosage() == null ? "none" : "\"" + r.dosage() + "\""));
                    }
                    List<String> rules = Stream.concat(Stream.of(r.explanation()), r.alsoSupportedBy().stream())
                            .map(Explanation::rule).toList();
                    if (a.rule() != null && !rules.contains(a.rule())) {
                        failures.add("expected rule " + a.rule() + " among the rules behind " + a + ", were "
                                + String.join(", ", rules));
                    }
                }
            }
            for (Advised a : mustNotRecommend) {
                Recommendation r = find(e, a.item());
                if (r != null) {
                    failures.add("expected " + a + " not to be recommended, but rule " + r.explanation().rule()
                            + " recommends it");
                }
            }
            for (FlagCode code : mustFlag) {
                if (e.flags().stream().noneMatch(f -> f.code() == code)) {
                    failures.add("expected the flag " + code);
                }
            }
            for (FlagCode code : mustNotFlag) {
                e.flags().stream().filter(f -> f.code() == code).findFirst().ifPresent(f -> failures.add(
                        "expected no flag " + code + ", but rule " + f.explanation().rule() + " raises it"));
            }
            for (Suppressed s : mustSuppress) {
                SuppressedRecommendation found = findSuppressed(e, s.item());
                if (found == null) {
                    failures.add("expected " + s.item() + " to be suppressed by " + s.by());
                } else if (!found.suppressedBy().rule().equals(s.by())
                        && found.alsoSuppressedBy().stream().noneMatch(x -> x.rule().equals(s.by()))) {
                    failures.add("expected " + s.item() + " to be suppressed by "
                            + s.by() + ", but " + found.suppressedBy().rule() + " suppresses it");
                }
            }
            if (startBack != null && (e.startBack() == null || e.startBack().stratum() != startBack)) {
                failures.add("expected the STarT Back stratum " + startBack + ", was "
                        + (e.startBack() == null ? "no screening result" : e.startBack().stratum()));
            }
            List<String> cited = explanations(e).flatMap(x -> x.guidance().stream()).distinct().toList();
            for (String id : mustCite) {
                if (!cited.contains(id)) {
                    failures.add("expected some rule behind the outcome to encode guidance " + id);
                }
            }
            return failures;
        }

        private static Recommendation find(Evaluation e, Item item) {
            return e.recommendations().stream()
                    .filter(r -> item.matches(r.action(), r.target(), r.side(), r.topic()))
                    .findFirst().orElse(null);
        }

        private static SuppressedRecommendation findSuppressed(Evaluation e, Item item) {
            return e.suppressed().stream()
                    .filter(s -> item.matches(s.action(), s.target(), s.side(), s.topic()))
                    .findFirst().orElse(null);
        }

        private static String suppressedNote(Evaluation e, Item item) {
            SuppressedRecommendation s = findSuppressed(e, item);
            return s == null ? "" : ", but " + s.suppressedBy().rule() + " suppresses it";
        }
    }

    /** Every explanation in an evaluation: recommendations, flags, suppressions, with their support. */
    static Stream<Explanation> explanations(Evaluation e) {
        return Stream.of(
                e.recommendations().stream().flatMap(r -> Stream.concat(Stream.of(r.explanation()), r.alsoSupportedBy().stream())),
                e.flags().stream().flatMap(f -> Stream.concat(Stream.of(f.explanation()), f.alsoSupportedBy().stream())),
                e.suppressed().stream().flatMap(s -> Stream.concat(Stream.of(s.explanation(), s.suppressedBy()),
                        s.alsoSuppressedBy().stream())))
                .flatMap(s -> s);
    }

    /**
     * Which item is meant: an action for a target, and, when given, only on that side or about that
     * topic ({@code null}: any side, any topic).
     */
    record Item(Action action, Target target, Side side, Topic topic) {
        Item {
            Objects.requireNonNull(action);
            Objects.requireNonNull(target);
        }

        boolean matches(Action a, Target t, Side s, Topic p) {
            return a == action && t.equals(target) && (side == null || side == s) && (topic == null || topic == p);
        }

        @Override
        public String toString() {
            return action + " " + target.code() + (side == null ? "" : " " + side) + (topic == null ? "" : " " + topic);
        }
    }

    /**
     * An item; optionally, text the recommendation's dosage must include and a rule that must be
     * among those behind it (leading or supporting).
     */
    record Advised(Item item, String dosage, String rule) {
        @Override
        public String toString() {
            return item.toString();
        }
    }

    /** An item that the rule {@code by} must suppress. */
    record Suppressed(Item item, String by) {
    }
}
