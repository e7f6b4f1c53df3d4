package org.physiocds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.fhir.PatientRecord;
import org.physiocds.model.Patient;

/**
 * The cost of the FHIR mapping beside the evaluation's own: a 50-resource record (the demo patient's
 * 19 resources and 31 others, heart rates, older pain scores, encounters, medications, other
 * conditions; {@code fhir-record-50.json}) read from JSON as a Patient; that patient evaluated; the
 * evaluation written as a FHIR Bundle in JSON. Goal: mapping no more than the evaluation itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FhirMappingBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    private final FhirMapping fhir = FhirMapping.create();
    private CdsEngine engine;
    private String record;
    private Patient patient;
    private Evaluation evaluation;

    /** The 50-resource record. */
    static String record() {
        try (InputStream in = FhirMappingBenchmark.class.getResourceAsStream("/fhir-record-50.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Setup
    public void setUp() {
        engine = CdsEngine.builder().build();
        record = record();
        patient = fhir.readPatient(record, AS_OF).patient();
        evaluation = engine.evaluate(patient);
    }

    @Benchmark
    public PatientRecord readRecord() {
        return fhir.readPatient(record, AS_OF);
    }

    @Benchmark
    public Evaluation evaluate() {
        return engine.evaluate(patient);
    }

    @Benchmark
    public String writePlan() {
        return fhir.writeEvaluationJson(evaluation);
    }
}
