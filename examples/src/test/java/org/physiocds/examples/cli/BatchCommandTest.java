package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiocds.CdsEngine;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/** {@code batch} and {@code generate}: NDJSON in, NDJSON out, in order, invalid lines reported in place. */
class BatchCommandTest {

    private static final org.physiocds.json.JsonCodec JSON_CODEC = new org.physiocds.json.JsonCodec();

    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final JsonCodec JSON = new JsonCodec();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void batch_manyPatientsOnThreeThreads_oneEvaluationPerLineInInputOrder() {
        int count = NdjsonBatch.CHUNK * 5 + 17; // more chunks than threads, and a partial last one
        List<Patient> patients = new PatientGenerator(7).patients(count).toList();
        String input = String.join("\n", patients.stream().map(JSON_CODEC::writePatientLine).toList()) + "\n";

        Run run = run(input, "batch", "--threads", "3", "-");

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.lines();
        assertEquals(count, lines.size());
        for (int i = 0; i < count; i++) {
            assertEquals(JSON.writeEvaluationLine(ENGINE.evaluate(patients.get(i))), lines.get(i), "line " + (i + 1));
        }
    }

    @Test
    void batch_invalidLines_errorRecordInPlaceAndTheOthersEvaluated() throws IOException {
        List<String> good = new PatientGenerator(8).patients(3).map(JSON_CODEC::writePatientLine).toList();
        String input = good.get(0) + "\n"
                + "{\"age\": 300, \"painRegion\": \"LUMBAR\"}\n"
                + good.get(1) + "\r\n"
                + "not json\n"
                + "\n"
                + good.get(2); // no line break at the end

        Run run = run(input, "batch", "-");

        assertEquals(2, run.status());
        assertEquals("cds: 3 of 6 lines were not valid patients", run.err().strip());
        List<String> lines = run.lines();
        assertEquals(6, lines.size());
        assertEquals("synthetic-8-0", MAPPER.readTree(lines.get(0)).get("patientId").textValue());
        JsonNode invalid = MAPPER.readTree(lines.get(1));
        assertEquals(2, invalid.get("line").intValue());
        assertEquals(List.of("age", "painRegion"), paths(invalid));
        assertEquals("synthetic-8-1", MAPPER.readTree(lines.get(2)).get("patientId").textValue());
        assertEquals(4, MAPPER.readTree(lines.get(3)).get("line").intValue());
        assertEquals(List.of("$"), paths(MAPPER.readTree(lines.get(3))));
        assertEquals(5, MAPPER.readTree(lines.get(4)).get("line").intValue());
        assertEquals("synthetic-8-2", MAPPER.readTree(lines.get(5)).get("patientId").textValue());
    }

    @Test
    void batch_lineLongerThanADocumentMayBe_errorRecordWithoutReadingItWhole() throws IOException {
        String good = JSON_CODEC.writePatientLine(new PatientGenerator(9).patient(0));
        String huge = "{\"patientId\": \"" + "x".repeat(JsonCodec.MAX_DOCUMENT_LENGTH) + "\"}";

        Run run = run(huge + "\n" + good + "\n", "batch", "-");

        assertEquals(2, run.status());
        JsonNode error = MAPPER.readTree(run.lines().get(0));
        assertEquals(1, error.get("line").intValue());
        assertTrue(error.get("errors").get(0).get("expected").textValue().contains("at most 1000000 characters"));
        assertEquals("synthetic-9-0", MAPPER.readTree(run.lines().get(1)).get("patientId").textValue());
    }

    @Test
    void batch_file_readsIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("patients.ndjson");
        Files.writeString(file, JSON_CODEC.writePatientLine(new PatientGenerator(10).patient(0)) + "\n");

        Run run = run("", "batch", file.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.lines().size());
    }

    @Test
    void batch_thresholds_evaluatesUnderThemAndStampsThem_aWrongFileExitsTwoNamingTheField(@TempDir Path dir)
            throws IOException {
        // A hamstring strain 30 days ago: recent under the default 42 days, healed under 28.
        Patient strain = Patient.builder().pain(org.physiocds.model.Region.HIP, 20.0, 3).redFlags()
                .injury(org.physiocds.model.Injury.strain(org.physiocds.model.Muscle.HAMSTRINGS).daysAgo(30)).build();
        Path thresholds = dir.resolve("thresholds.json");
        Files.writeString(thresholds, "{\"recentInjuryDays\": 28}");
        CdsEngine shorter = CdsEngine.builder().thresholds(JSON.readThresholds("{\"recentInjuryDays\": 28}")).build();

        Run run = run(JSON_CODEC.writePatientLine(strain) + "\n", "batch", "--thresholds", thresholds.toString(), "-");

        assertEquals(0, run.status(), run.err());
        assertEquals(JSON.writeEvaluationLine(shorter.evaluate(strain)), run.out().strip());
        assertNotEquals(JSON.writeEvaluationLine(ENGINE.evaluate(strain)), run.out().strip());
        assertEquals(28, MAPPER.readTree(run.out()).get("thresholds").get("recentInjuryDays").intValue());

        Files.writeString(thresholds, "{\"recentInjuryDays\": \"four weeks\"}");
        Run wrong = run("", "batch", "--thresholds", thresholds.toString(), "-");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains("recentInjuryDays: expected an integer"), wrong.err());
        assertTrue(!wrong.err().contains("Exception"), wrong.err());
    }

    @Test
    void batch_emptyInput_writesNothingAndExitsZero() {
        Run run = run("", "batch", "-");

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch no/such/file.ndjson", "batch --threads 0 -", "generate", "generate --count -1"})
    void wrongArguments_exitTwo(String args) {
        Run run = run("", args.split(" "));

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("cds: cannot read no/such/file.ndjson: no such file")
                || run.err().contains("Usage: cds"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch --help", "generate --help"})
    void help_exitsZeroWithExitStatuses(String args) {
        Run run = run("", args.split(" "));

        assertEquals(0, run.status());
        assertTrue(run.out().contains("Exit status:"), run.out());
    }

    @Test
    void generate_sameSeed_sameBytes_andEveryLineReadsBackAsTheGeneratorsPatient() {
        Run first = run("", "generate", "--count", "500", "--seed", "5");
        Run again = run("", "generate", "--count", "500", "--seed", "5");
        Run other = run("", "generate", "--count", "500", "--seed", "6");

        assertEquals(0, first.status(), first.err());
        assertEquals(first.out(), again.out());
        assertNotEquals(first.out(), other.out());
        List<String> lines = first.lines();
        assertEquals(500, lines.size());
        PatientGenerator generator = new PatientGenerator(5);
        for (int i = 0; i < lines.size(); i++) {
            Patient read = JSON.readPatient(lines.get(i)); // valid interchange input...
            assertEquals(generator.patient(i), read, "line " + (i + 1)); // ...that means the same patient
            ENGINE.evaluate(read); // ...and a valid patient
        }
    }

    @Test
    void lineReader_crlfLastLineWithoutBreakAndTooLongLines() throws IOException {
        LineReader reader = new LineReader(new StringReader("a\r\nbb\n" + "c".repeat(11) + "\n\nlast"), 10);

        List<String> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(line == LineReader.TOO_LONG ? "TOO_LONG" : line);
        }

        assertEquals(List.of("a", "bb", "TOO_LONG", "", "last"), lines);
    }

    @Test
    void progress_knownSize_drawsBarPercentageAndRate() {
        Progress progress = new Progress(new PrintWriter(new StringWriter()), () -> 0, 1000);

        assertEquals("[###############               ]  50%  20,000 patients  10,000/s  2.0 s",
                progress.line(20_000, 500, 2_000_000_000L));
        assertEquals("20,000 patients  10,000/s  2.0 s",
                new Progress(new PrintWriter(new StringWriter()), () -> 0, -1).line(20_000, 500, 2_000_000_000L));
    }

    private static List<String> paths(JsonNode record) {
        List<String> paths = new ArrayList<>();
        record.get("errors").forEach(e -> paths.add(e.get("path").textValue()));
        return paths;
    }

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cds cds = new Cds(() -> ENGINE, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
