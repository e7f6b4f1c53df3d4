package org.physiocds.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.InvalidPatientException;
import org.physiocds.model.Patient;

/**
 * One engine shared by 8 threads: each evaluates a mixed corpus of 200 generated patients (valid
 * and invalid) {@value #ROUNDS} times, in its own shuffled order, all starting together; every
 * outcome must equal the single-threaded one.
 */
class ConcurrentEvaluationTest {

    private static final int THREADS = 8;
    private static final int PATIENTS = 200;
    private static final int ROUNDS = 10;

    private final CdsEngine engine = Fixtures.ENGINE;

    @Test
    void evaluate_sharedEngineOn8Threads_sameResultsAsOneThread() throws Exception {
        PatientGenerator generator = new PatientGenerator(Fixtures.SEED + 1, 0.25);
        List<Patient> corpus = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            Patient p = generator.next(i).patient();
            corpus.add(p);
            expected.add(outcome(p));
        }
        long invalid = expected.stream().filter(o -> o instanceof String s && s.startsWith("invalid")).count();
        assertTrue(invalid > 0 && invalid < PATIENTS, "the corpus mixes valid and invalid patients: " + invalid);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        long began = System.nanoTime();
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random order = new Random(Fixtures.SEED + t);
                results.add(pool.submit((Callable<int[]>) () -> {
                    start.await();
                    int evaluations = 0;
                    int mismatches = 0;
                    List<Integer> indices = new ArrayList<>();
                    for (int i = 0; i < PATIENTS; i++) {
                        indices.add(i);
                    }
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(indices, order);
                        for (int i : indices) {
                            evaluations++;
                            if (!expected.get(i).equals(outcome(corpus.get(i)))) {
                                mismatches++;
                            }
                        }
                    }
                    return new int[] {evaluations, mismatches};
                }));
            }
            start.countDown();
            int evaluations = 0;
            int mismatches = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(90, TimeUnit.SECONDS); // bounded: a deadlock fails rather than hangs
                evaluations += r[0];
                mismatches += r[1];
            }
            System.out.printf("ConcurrentEvaluationTest: %d threads, %d evaluations of %d patients (%d invalid), "
                    + "%d mismatches, %d ms%n", THREADS, evaluations, PATIENTS, invalid, mismatches,
                    (System.nanoTime() - began) / 1_000_000);
            assertEquals(THREADS * ROUNDS * PATIENTS, evaluations);
            assertEquals(0, mismatches, "results that differ from the single-threaded ones");
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** The evaluation, or the validation problems; any other exception propagates and fails the test. */
    private Object outcome(Patient p) {
        try {
            return engine.evaluate(p);
        } catch (InvalidPatientException e) {
            return "invalid: " + e.problems();
        }
    }
}
