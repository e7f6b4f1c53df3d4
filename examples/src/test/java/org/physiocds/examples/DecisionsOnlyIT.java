package org.physiocds.examples;

import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;

/**
 * The check of the decisions-only mode at corpus size: {@link CdsEngine#evaluateDecisions}
 * and {@link CdsEngine#evaluate} give the same result, but for the facts, on 20,000 generated
 * patients (seed 42, as {@code population/measure.sh} generates them). In {@code verify}, after the
 * unit suite, which runs 1,000.
 */
class DecisionsOnlyIT {

    @Test
    void evaluateDecisions_20000GeneratedPatients_sameResultAsEvaluate_withoutFacts() {
        DecisionsOnlyTest.assertSameDecisions(CdsEngine.builder().build(), 42, 20_000);
    }
}
