package org.physiocds.kb;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;

/**
 * Which test made which guidance and rule fire, gathered from every evaluation run through
 * {@link Kb#evaluate} during the suite; read by {@link TraceabilityTest}, which runs last.
 */
final class Coverage {

    private static final SortedMap<String, SortedSet<String>> TESTS_BY_GUIDANCE = new ConcurrentSkipListMap<>();
    private static final SortedMap<String, SortedSet<String>> TESTS_BY_RULE = new ConcurrentSkipListMap<>();

    private Coverage() {
    }

    static void record(Evaluation result) {
        String test = callingTest();
        for (Explanation x : Kb.explanations(result)) {
            TESTS_BY_RULE.computeIfAbsent(x.rule(), k -> new ConcurrentSkipListSet<>()).add(test);
            for (String g : x.guidance()) {
                TESTS_BY_GUIDANCE.computeIfAbsent(g, k -> new ConcurrentSkipListSet<>()).add(test);
            }
        }
    }

    static Map<String, SortedSet<String>> testsByGuidance() {
        return TESTS_BY_GUIDANCE;
    }

    static Map<String, SortedSet<String>> testsByRule() {
        return TESTS_BY_RULE;
    }

    static Set<String> testsOf(String guidance) {
        return TESTS_BY_GUIDANCE.getOrDefault(guidance, new ConcurrentSkipListSet<>());
    }

    /** {@code MuscleRulesTest.weakPhasicGlutes_...}: the nearest test class frame on the stack. */
    private static String callingTest() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().endsWith("Test"))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("(unknown)"));
    }
}
