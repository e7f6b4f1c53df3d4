package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate | batch -} through the shaded jar, two JVMs joined by a pipe, as in the README. */
class BatchJarIT {

    private static final Path JAR = Path.of("..").toAbsolutePath().normalize().resolve("examples/target/cds-examples.jar");

    @Test
    void generatePipedIntoBatch_everyPatientEvaluatedInOrder(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File out = dir.resolve("evaluations.ndjson").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder(java, "-jar", JAR.toString(), "generate", "--count", "700", "--seed", "3")
                        .redirectError(err),
                new ProcessBuilder(java, "-jar", JAR.toString(), "batch", "-")
                        .redirectOutput(out).redirectError(ProcessBuilder.Redirect.appendTo(err))));
        for (Process p : pipeline) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish");
            assertEquals(0, p.exitValue(), Files.readString(err.toPath()));
        }

        List<String> lines = Files.readAllLines(out.toPath());
        assertEquals(700, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("synthetic-3-" + i, mapper.readTree(lines.get(i)).get("patientId").textValue());
        }
        assertEquals("", Files.readString(err.toPath()), "nothing on stderr without a terminal");
    }
}
