package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a new user runs it, from the project root, in its own JVM: the knowledge base
 * must load from the merged jar, Drools must stay quiet, and the exit codes must hold.
 */
class CdsJarIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("examples/target/cds-examples.jar");

    record Run(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    @Test
    void scenarios_readmeRunCommand_everyScenarioPassesAndDroolsStaysQuiet() throws Exception {
        Run run = java("-jar", JAR.toString(), "scenarios");

        assertEquals(0, run.status(), run.err());
        List<String> lines = run.text().lines().toList();
        long passed = lines.stream().filter(l -> l.startsWith("PASS ")).count();
        assertTrue(passed >= 15, "scenarios passed: " + passed);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("FAIL ") || l.startsWith("INVALID ")));
        assertEquals("All " + passed + " scenarios passed.", lines.get(lines.size() - 1));
        assertEquals(passed + 2, lines.size(), "one line per scenario and the total: a newcomer's first screen");
        assertEquals("", run.err(), "nothing on stderr: no Drools logging, no warnings");
    }

    @Test
    void evaluate_handWrittenBadFile_namesEveryBadFieldAndExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-patient.json");
        Files.writeString(bad, """
                {
                  "patientId": "it-bad",
                  "age": "forty",
                  "painRegion": "LUMBAR",
                  "painIntensity": 14,
                  "muscles": [{"muscle": "GLUTES", "strength": "WEAK", "tight": true}],
                  "stretching": {"sessionsPerWeek": 2.5},
                  "startBack": {"item1": true}
                }
                """);

        Run run = java("-jar", JAR.toString(), "evaluate", bad.toString());

        assertEquals(2, run.status());
        assertEquals(0, run.out().length);
        List<String> paths = new ArrayList<>();
        run.err().lines().skip(1).forEach(l -> paths.add(l.strip().substring(0, l.strip().indexOf(": expected"))));
        assertEquals(List.of("age", "painRegion", "painIntensity", "muscles[0].tight", "stretching.sessionsPerWeek",
                "startBack.item2", "startBack.item3", "startBack.item4", "startBack.item5", "startBack.item6",
                "startBack.item7", "startBack.item8", "startBack.item9"), paths);
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("it-bad"), run.err());
    }

    @Test
    void evaluate_readmeBadPatient_namesEveryBadFieldAndExitsTwo() throws Exception {
        Run run = java("-jar", JAR.toString(), "evaluate", "examples/patients/bad-patient.json");

        assertEquals(2, run.status());
        assertEquals(List.of("age", "painRegion", "painIntensity", "muscles[1].muscle", "muscles[1].feelsTight",
                "injuries[0].daysAgo", "stretching.sessionsPerWeek", "stretching.bouncing", "signs[1]"),
                run.err().lines().skip(1).map(l -> l.strip().substring(0, l.strip().indexOf(": expected"))).toList());
    }

    @Test
    void evaluate_readmeDemoPatient_printsTheReport() throws Exception {
        Run run = java("-jar", JAR.toString(), "evaluate", "examples/patients/demo-01.json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.text().startsWith("Patient demo-01, evaluated by knowledge base"), run.text());
        assertTrue(run.text().contains("x DECOMPRESS lower back (withheld)"), run.text());
        assertEquals("", run.err());
    }

    @Test
    void evaluateJson_sameFileTwice_sameBytes() throws Exception {
        Path patient = ROOT.resolve("examples/src/test/resources/org/physiocds/examples/cli/runner-strain.json");

        Run first = java("-jar", JAR.toString(), "evaluate", "--json", patient.toString());
        Run second = java("-jar", JAR.toString(), "evaluate", "--json", patient.toString());

        assertEquals(0, first.status(), first.err());
        assertArrayEquals(first.out(), second.out());
        assertEquals("cli-runner", new ObjectMapper().readTree(first.out()).get("patientId").textValue());
    }

    @Test
    void embeddingExample_fromTheJar_runs() throws Exception {
        Run run = java("-cp", JAR.toString(), "org.physiocds.examples.EmbeddingExample");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.text().contains("Patient runner"), run.text());
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        process.getOutputStream().close();
        // Drain stderr on its own thread so a full pipe cannot block the process.
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread drain = new Thread(() -> {
            try {
                err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        drain.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        drain.join();
        return new Run(process.exitValue(), out, err.join());
    }
}
