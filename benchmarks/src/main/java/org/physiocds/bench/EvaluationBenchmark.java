package org.physiocds.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.Thresholds;
import org.physiocds.internal.FiringAlone;
import org.physiocds.model.Patient;

/**
 * One evaluation of a typical and of a complex patient: the engine with the full knowledge base
 * and explanations built, against the hand-coded subset ({@link HandCodedSubset}) as the
 * speed-of-light baseline. One engine is shared by all benchmark threads, as in an application.
 * Throughput (ops/µs) and latency percentiles (SampleTime, µs); run with {@code -t 1} and
 * {@code -t 2}, and {@code -prof gc} for allocation per evaluation (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EvaluationBenchmark {

    @Param({"typical", "complex"})
    public String patient;

    private CdsEngine engine;
    private FiringAlone firing;
    private Patient input;

    @Setup
    public void setUp() {
        engine = CdsEngine.builder().build();
        firing = new FiringAlone();
        input = Patients.named(patient);
    }

    @Benchmark
    public Evaluation engine() {
        return engine.evaluate(input);
    }

    /**
     * The same evaluation for its decisions only ({@link CdsEngine#evaluateDecisions}: no fact put
     * into words): the goal is within 1.15 times {@link #firingAlone} (issue 23), the full
     * {@link #engine} within 1.3 times.
     */
    @Benchmark
    public Evaluation engineDecisions() {
        return engine.evaluateDecisions(input);
    }

    /**
     * Drools' firing alone (facts in, four stages, session reset; no explanation, no result): the
     * goal is an engine evaluation within 1.15 times this (issue 15).
     */
    @Benchmark
    public int firingAlone() {
        return firing.fire(input);
    }

    /** The evaluation with its missing-data report (issue 14's goal: under 20 evaluations' worth). */
    @Benchmark
    public Evaluation engineWithMissingData() {
        return engine.evaluateWithMissingData(input);
    }

    @Benchmark
    public Decisions handCoded() {
        return HandCodedSubset.evaluate(input, Thresholds.DEFAULTS);
    }
}
