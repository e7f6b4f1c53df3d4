package org.physiocds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.physiocds.CdsEngine;
import org.physiocds.internal.FiringAlone;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/**
 * The floor of a population run: Drools' firing alone ({@link FiringAlone}) and the engine's two
 * modes, per patient of a generated NDJSON file, on one thread, CPU time: what
 * {@code population/measure.sh} sets {@code batch --compact}'s time against ("within 1.2x of
 * patients x firing-alone time / cores"). Reads the first {@code SAMPLE} patients, evaluates them
 * twice to warm up, then times each mode over them, interleaved, three rounds, and prints the median
 * per patient in µs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.physiocds.bench.PopulationFiring patients.ndjson [SAMPLE]</pre>
 */
public final class PopulationFiring {

    private PopulationFiring() {
    }

    public static void main(String[] args) throws IOException {
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        JsonCodec json = new JsonCodec();
        List<Patient> patients = new ArrayList<>(sample);
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && patients.size() < sample; line = in.readLine()) {
                patients.add(json.readPatient(line));
            }
        }
        FiringAlone firing = new FiringAlone();
        CdsEngine engine = CdsEngine.builder().build();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (Patient p : patients) {
                sink += firing.fire(p) + engine.evaluate(p).recommendations().size()
                        + engine.evaluateDecisions(p).recommendations().size();
            }
        }
        double[][] rounds = new double[3][3];
        for (int r = 0; r < 3; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (Patient p : patients) {
                sink += firing.fire(p);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (Patient p : patients) {
                sink += engine.evaluateDecisions(p).recommendations().size();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (Patient p : patients) {
                sink += engine.evaluate(p).recommendations().size();
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            rounds[0][r] = (t1 - t0) / 1e3 / patients.size();
            rounds[1][r] = (t2 - t1) / 1e3 / patients.size();
            rounds[2][r] = (t3 - t2) / 1e3 / patients.size();
        }
        System.out.printf("patients %d (sink %d)%n", patients.size(), sink % 10);
        System.out.printf("firing alone µs/patient %.1f%n", median(rounds[0]));
        System.out.printf("evaluateDecisions µs/patient %.1f%n", median(rounds[1]));
        System.out.printf("evaluate µs/patient %.1f%n", median(rounds[2]));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }
}
