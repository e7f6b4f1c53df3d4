package org.physiocds.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.CdsEngine;
import org.physiocds.InvalidPatientException;
import org.physiocds.Thresholds;
import org.physiocds.json.JsonCodec;

/**
 * The job in Spark local[2] (UI off) on small inputs made of the project's example patients and
 * FHIR records: the rows batch gives, whatever the partitioning; Bulk FHIR as the interchange twins.
 */
class PopulationJobTest {

    static final Path EXAMPLES = Path.of("..", "examples");
    /** The date the FHIR examples are written for (as the fhir module's tests). */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonCodec JSON = new JsonCodec();

    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("population-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "localhost")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** The example patients (and the scenarios' patients) many times over, with invalid lines among them. */
    static List<String> input() throws IOException {
        List<JsonNode> patients = new ArrayList<>();
        for (String name : List.of("demo-01", "piriformis-feels-tight")) {
            patients.add(MAPPER.readTree(EXAMPLES.resolve("patients").resolve(name + ".json").toFile()));
        }
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                patients.add(MAPPER.readTree(f.toFile()).get("patient"));
            }
        }
        String bad = MAPPER.readTree(EXAMPLES.resolve("patients").resolve("bad-patient.json").toFile()).toString();
        List<String> lines = new ArrayList<>();
        for (int copy = 0; copy < 6; copy++) {
            for (int i = 0; i < patients.size(); i++) {
                ObjectNode p = patients.get(i).deepCopy();
                p.put("patientId", "p-" + copy + "-" + i);
                lines.add(p.toString());
            }
            lines.add(bad);
            lines.add("{\"age\": 400, \"painRegion\": \"ELBOW\"}");
            lines.add("not json");
            lines.add("");
        }
        return lines;
    }

    /** What batch writes for these lines: an evaluation document or an error record per line. */
    static List<String> batch(List<String> lines) {
        return batch(lines, CdsEngine.builder().build());
    }

    static List<String> batch(List<String> lines, CdsEngine engine) {
        List<String> out = new ArrayList<>();
        long n = 0;
        for (String line : lines) {
            n++;
            try {
                out.add(JSON.writeEvaluationLine(engine.evaluate(JSON.readPatient(line))));
            } catch (InvalidPatientException e) {
                StringBuilder errors = new StringBuilder("{\"line\":" + n + ",\"errors\":[");
                for (int i = 0; i < e.problems().size(); i++) {
                    errors.append(i == 0 ? "" : ",").append(MAPPER.createObjectNode()
                            .put("path", e.problems().get(i).path()).put("expected", e.problems().get(i).expected()));
                }
                out.add(errors.append("]}").toString());
            }
        }
        return out;
    }

    static Summary run(String input, String format, String output, int partitions) {
        return PopulationJob.run(spark, new PopulationJob.Options(input, format, output, AS_OF, partitions));
    }

    @Test
    void run_ndjsonWithInvalidLines_givesBatchRows_whateverThePartitioning() throws IOException {
        List<String> lines = input();
        Path file = dir.resolve("patients.ndjson");
        Files.write(file, lines);
        Map<String, List<String>> expected = TableRows.fromBatch("patients.ndjson", batch(lines));

        Summary one = run(file.toString(), "ndjson", dir.resolve("out-1").toString(), 1);
        Summary five = run(file.toString(), "ndjson", dir.resolve("out-5").toString(), 5);

        Map<String, List<String>> onePartition = TableRows.read(spark, dir.resolve("out-1").toString());
        Map<String, List<String>> fivePartitions = TableRows.read(spark, dir.resolve("out-5").toString());
        for (String table : TableRows.COLUMNS.keySet()) {
            assertEquals(expected.get(table), onePartition.get(table), table + ", one partition");
            assertEquals(onePartition.get(table), fivePartitions.get(table), table + ", five partitions");
        }
        assertTrue(expected.get("errors").size() >= 18, "the invalid lines are error rows");
        assertEquals(lines.size(), one.records());
        assertEquals(24, one.invalid());
        assertEquals(0, one.failed());
        assertEquals(one.withTimings(null), five.withTimings(null));
        assertTrue(one.rules().stream().allMatch(r -> r.patients() > 0 && r.patients() <= one.evaluated()));
        assertEquals(expected.get("rules").size(), one.rules().size(), "every rule in the dimension fired");
        String json = Files.readString(dir.resolve("out-1").resolve("summary.json"));
        assertTrue(json.contains("\"evaluated\" : " + one.evaluated()), json);
        assertTrue(Files.readString(dir.resolve("out-1").resolve("summary.md")).contains("| rule | name | patients |"));
    }

    @Test
    void run_fhirBulkExportOfTheExampleRecords_givesTheRowsOfTheirInterchangeTwins_andOrphansAreErrorRows()
            throws IOException {
        Path bulk = Files.createDirectories(dir.resolve("bulk"));
        Map<String, List<String>> byType = new LinkedHashMap<>();
        List<String> twins = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("fhir"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode entry : MAPPER.readTree(f.toFile()).get("entry")) {
                    JsonNode resource = entry.get("resource");
                    byType.computeIfAbsent(resource.get("resourceType").asText(), t -> new ArrayList<>())
                            .add(resource.toString());
                }
                twins.add(twin(f.getFileName().toString()));
            }
        }
        // a resource whose patient is not in the export, and a line that is not a resource: error rows
        byType.get("Observation").add(
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/nobody\"}}");
        byType.get("Patient").add("not a resource");
        for (Map.Entry<String, List<String>> e : byType.entrySet()) {
            Files.write(bulk.resolve(e.getKey() + ".ndjson"), e.getValue());
        }
        Path twinFile = dir.resolve("twins.ndjson");
        Files.write(twinFile, twins);

        run(bulk.toString(), "fhir-bulk", dir.resolve("out-fhir").toString(), 3);
        run(twinFile.toString(), "ndjson", dir.resolve("out-twins").toString(), 2);

        Map<String, List<String>> fhirTables = TableRows.read(spark, dir.resolve("out-fhir").toString());
        assertEquals(List.of(
                "[Observation.ndjson|" + byType.get("Observation").size()
                        + "|null|INVALID|1|Observation.subject.reference|a reference to a Patient of Patient.ndjson|null]",
                "[Patient.ndjson|" + byType.get("Patient").size()
                        + "|null|INVALID|1|$|a FHIR R4 Patient resource in JSON on one line|null]"),
                fhirTables.get("errors"));
        fhirTables.put("errors", List.of());
        Map<String, List<String>> fhir = withoutRecord(fhirTables);
        Map<String, List<String>> interchange = withoutRecord(TableRows.read(spark, dir.resolve("out-twins").toString()));
        assertEquals(twins.size(), fhir.get("evaluations").size());
        assertEquals(List.of(), fhir.get("errors"));
        for (String table : TableRows.COLUMNS.keySet()) {
            assertEquals(interchange.get(table), fhir.get(table), table);
        }
    }

    @Test
    void run_parquetTableOfTheDocuments_givesTheRowsOfTheNdjson_numberedByRow() throws IOException {
        // Well-typed lines only: Spark infers one type per column, so "feelsTight": "yes" in one
        // line would make the column text for every line (a Parquet table has one type per column).
        List<String> lines = input().stream().filter(l -> l.startsWith("{") && !l.contains("demo-bad")).toList();
        Path file = dir.resolve("for-parquet.ndjson");
        Files.write(file, lines);
        Path table = dir.resolve("patients.parquet");
        spark.read().json(file.toString()).coalesce(1).write().parquet(table.toString());

        Summary fromParquet = run(table.toString(), "parquet", dir.resolve("out-parquet").toString(), 3);
        Map<String, List<String>> expected = withoutSource(TableRows.fromBatch("x", batch(lines)));
        Map<String, List<String>> actual = withoutSource(TableRows.read(spark, dir.resolve("out-parquet").toString()));
        for (String table2 : TableRows.COLUMNS.keySet()) {
            assertEquals(expected.get(table2), actual.get(table2), table2);
        }
        assertEquals(lines.size(), fromParquet.records());
        assertEquals(6, fromParquet.invalid(), "{\"age\": 400, ...}, six times");
        assertTrue(spark.read().parquet(dir.resolve("out-parquet").resolve("errors").toString())
                .filter("source like 'part-%.parquet'").count() > 0, "the record is the Parquet file and its row");
    }

    @Test
    void run_withThresholdsFile_evaluatesWithThem_andStampsThemInTheSummary() throws IOException {
        List<String> lines = input();
        Path file = dir.resolve("thresholds-patients.ndjson");
        Files.write(file, lines);
        Path json = dir.resolve("thresholds.json");
        Files.writeString(json, "{\"recentInjuryDays\": 200, \"chronicPainWeeks\": 6}");
        Thresholds thresholds = ThresholdsFile.read(json);
        assertEquals(new Thresholds(200, 90, 60, 3, 6), thresholds);

        Summary summary = PopulationJob.run(spark, new PopulationJob.Options(file.toString(), "ndjson",
                dir.resolve("out-thresholds").toString(), AS_OF, 2, thresholds));

        CdsEngine engine = CdsEngine.builder().thresholds(thresholds).allowUnsafeThresholds().build();
        Map<String, List<String>> expected = TableRows.fromBatch("thresholds-patients.ndjson", batch(lines, engine));
        Map<String, List<String>> actual = TableRows.read(spark, dir.resolve("out-thresholds").toString());
        for (String table : TableRows.COLUMNS.keySet()) {
            assertEquals(expected.get(table), actual.get(table), table);
        }
        assertTrue(!expected.get("recommendations").equals(TableRows.fromBatch("thresholds-patients.ndjson",
                batch(lines)).get("recommendations")), "these thresholds change some advice");
        assertEquals(thresholds, summary.thresholds());
        JsonNode stamped = MAPPER.readTree(dir.resolve("out-thresholds").resolve("summary.json").toFile()).get("thresholds");
        assertEquals(200, stamped.get("recentInjuryDays").intValue());
        assertEquals(6, stamped.get("chronicPainWeeks").intValue());
        assertEquals(90, stamped.get("recentSurgeryDays").intValue());
        assertEquals("[\"chronicPainWeeks\"]", stamped.get("outsideClinicalLimits").toString());
        assertTrue(Files.readString(dir.resolve("out-thresholds").resolve("summary.md"))
                .contains("recentInjuryDays 200, recentSurgeryDays 90"));
    }

    @Test
    void thresholdsFile_wrongFields_namesEachAndWhatWasExpected() throws IOException {
        Path json = dir.resolve("wrong-thresholds.json");
        Files.writeString(json, "{\"recentInjuryDays\": \"six weeks\", \"knowledgeBase\": \"x.jar\", \"chronicPainWeeks\": 8}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThresholdsFile.read(json));
        assertEquals(json + ": recentInjuryDays: expected an integer; knowledgeBase: unknown field; expected some of"
                + " recentInjuryDays, recentSurgeryDays, painReturnMinutes, consistentSessionsPerWeek, chronicPainWeeks",
                e.getMessage());
        Files.writeString(json, "[1]");
        assertEquals(json + ": expected a JSON object of thresholds",
                assertThrows(IllegalArgumentException.class, () -> ThresholdsFile.read(json)).getMessage());
    }

    /** Rows without their source file (a Parquet part file's name is Spark's choice). */
    static Map<String, List<String>> withoutSource(Map<String, List<String>> tables) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        tables.forEach((table, rows) -> out.put(table, table.equals("rules") ? rows
                : rows.stream().map(r -> "[" + r.substring(r.indexOf('|') + 1)).sorted().toList()));
        return out;
    }

    @Test
    void patientId_referencesOfEveryShape_givePatientsId() {
        assertEquals("123", Inputs.patientId("Patient/123"));
        assertEquals("123", Inputs.patientId("https://ehr.example/fhir/Patient/123"));
        assertEquals("123", Inputs.patientId("Patient/123/_history/2"));
        assertEquals("", Inputs.patientId("Group/7"));
    }

    /** The twin's patient as an interchange document (as the fhir module's ExampleRecordsTest). */
    static String twin(String file) throws IOException {
        String name = file.substring(0, file.length() - ".json".length());
        Path patient = EXAMPLES.resolve("patients").resolve(file);
        if (Files.exists(patient)) {
            return MAPPER.readTree(patient.toFile()).toString();
        }
        return MAPPER.readTree(EXAMPLES.resolve("scenarios").resolve(name + ".json").toFile()).get("patient").toString();
    }

    /** Rows without their source file and line (which differ between a Bulk export and NDJSON). */
    static Map<String, List<String>> withoutRecord(Map<String, List<String>> tables) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        tables.forEach((table, rows) -> out.put(table, table.equals("rules") ? rows
                : rows.stream().map(r -> "[" + r.substring(r.indexOf('|', r.indexOf('|') + 1) + 1)).sorted().toList()));
        return out;
    }
}
