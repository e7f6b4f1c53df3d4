package org.physiocds.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command, {@code java -jar population/target/population.jar}, in Spark local[2] on a
 * few thousand patients from {@code cds generate} with invalid lines among them, against
 * {@code cds batch} on the same file: the tables hold exactly the rows batch's output gives.
 */
class PopulationJarIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CDS = ROOT.resolve("examples/target/cds-examples.jar");
    private static final Path JAR = ROOT.resolve("population/target/population.jar");
    private static final int PATIENTS = 2000;

    @Test
    void populationJar_generatedPatientsWithInvalidLines_givesExactlyBatchsRows(@TempDir Path dir) throws Exception {
        Path generated = dir.resolve("generated.ndjson");
        run(dir, generated, "-jar", CDS.toString(), "generate", "--count", String.valueOf(PATIENTS), "--seed", "11");
        List<String> lines = new ArrayList<>(Files.readAllLines(generated));
        String tooLong = "{\"patientId\":\"" + "x".repeat(1_000_001) + "\"}";
        List<String> invalid = List.of("{\"age\": -1}", "not json", "{\"painRegion\": \"ELBOW\", \"muscles\": [{}]}", "",
                tooLong);
        for (int i = 0; i < invalid.size(); i++) {
            lines.add(1 + i * 450, invalid.get(i));
        }
        Path input = dir.resolve("patients.ndjson");
        Files.write(input, lines);

        Path batch = dir.resolve("batch.ndjson");
        int batchStatus = run(dir, batch, "-jar", CDS.toString(), "batch", input.toString());
        assertEquals(2, batchStatus, "batch: some lines were not valid patients");
        Path output = dir.resolve("tables");
        Path stdout = dir.resolve("population.txt");
        assertEquals(0, run(dir, stdout, "-Xmx1g", "-jar", JAR.toString(), "--input", input.toString(),
                "--format", "ndjson", "--output", output.toString(), "--master", "local[2]", "--partitions", "3"));

        String said = Files.readString(stdout);
        assertTrue(said.startsWith("population: " + lines.size() + " records, " + PATIENTS + " evaluated, 5 not valid, 0 failed"), said);
        assertFalse(said.contains("synthetic-"), "no patient id on stdout");
        Map<String, List<String>> expected = TableRows.fromBatch("patients.ndjson", Files.readAllLines(batch));
        SparkSession spark = SparkSession.builder().master("local[1]").appName("population-it")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "localhost").getOrCreate();
        try {
            Map<String, List<String>> actual = TableRows.read(spark, output.toString());
            for (String table : TableRows.COLUMNS.keySet()) {
                assertEquals(expected.get(table).size(), actual.get(table).size(), table);
                assertEquals(expected.get(table), actual.get(table), table);
            }
            assertEquals(PATIENTS, actual.get("evaluations").size());
        } finally {
            spark.stop();
        }
    }

    /** Runs java with {@code args}, its output to {@code out}, stderr checked for patient ids; the exit status. */
    private static int run(Path dir, Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        File err = dir.resolve("stderr.txt").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish: " + command.subList(0, 3));
        String stderr = Files.readString(err.toPath());
        assertFalse(stderr.contains("synthetic-"), "no patient id in the logs: " + stderr);
        assertFalse(stderr.contains(" INFO "), "Spark's logs are quiet (warnings only)");
        return p.exitValue();
    }
}
