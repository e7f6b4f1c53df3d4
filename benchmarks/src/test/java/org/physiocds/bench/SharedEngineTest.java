package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.model.Patient;

/**
 * One engine shared by several threads, its sessions reused from one patient to the next, gives
 * every patient the result a lone evaluation gives.
 */
class SharedEngineTest {

    private static final int PATIENTS = 2_000;

    @Test
    void evaluate_fromFourThreadsInAnotherOrder_sameResultsAsOneThread() throws Exception {
        List<Patient> patients = new PatientGenerator(99).patients(PATIENTS).toList();
        CdsEngine alone = CdsEngine.builder().build();
        List<Evaluation> expected = patients.stream().map(alone::evaluate).toList();

        CdsEngine shared = CdsEngine.builder().build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Evaluation>> results = new ArrayList<>();
            for (int i = PATIENTS - 1; i >= 0; i--) {
                Patient patient = patients.get(i);
                results.add(threads.submit(() -> shared.evaluate(patient)));
            }
            for (int i = 0; i < PATIENTS; i++) {
                assertEquals(expected.get(PATIENTS - 1 - i), results.get(i).get(), "patient " + (PATIENTS - 1 - i));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
