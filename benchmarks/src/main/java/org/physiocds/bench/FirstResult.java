package org.physiocds.bench;

import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;

/**
 * Cold start through the API: a fresh JVM builds an engine, evaluates the typical patient once
 * and prints the advice, one line per recommendation ({@code phase action target}). Time it from
 * the shell (docs/performance.md); stderr shows where the time went after {@code main} started.
 */
public final class FirstResult {

    private FirstResult() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        CdsEngine engine = CdsEngine.builder().build();
        long built = System.nanoTime();
        Evaluation result = engine.evaluate(Patients.TYPICAL);
        long evaluated = System.nanoTime();
        result.recommendations().forEach(r -> System.out.println(r.phase() + " " + r.action() + " " + r.target().code()));
        System.err.printf("engine built %d ms, first evaluation %d ms (after main started)%n",
                (built - start) / 1_000_000, (evaluated - built) / 1_000_000);
    }
}
