package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code examples/target/cds} the build puts beside the shaded jar: from any directory
 * it prints what {@code java -jar} prints, and when the class-data-sharing archive is missing or
 * does not fit, it still does, with nothing more on stderr (the JVM's notices would otherwise
 * reach standard output, inside the report). Never timed here: docs/performance.md is.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {

    private static final Path TARGET = Path.of("..").toAbsolutePath().normalize().resolve("examples/target");
    private static final Path JAR = TARGET.resolve("cds-examples.jar");
    private static final Path ARCHIVE = TARGET.resolve("cds-examples.jsa");
    private static final Path PATIENT = TARGET.resolve("../patients/demo-01.json").normalize();

    private static Run javaJar;

    record Run(int status, byte[] out, String err) {
    }

    @BeforeAll
    static void javaJar(@TempDir Path elsewhere) throws Exception {
        javaJar = run(elsewhere, Map.of(), JAVA.toString(), "-jar", JAR.toString(), "evaluate", PATIENT.toString());
        assertEquals(0, javaJar.status(), javaJar.err());
        assertTrue(new String(javaJar.out(), StandardCharsets.UTF_8).startsWith("Patient demo-01,"));
    }

    @Test
    void fromAnotherDirectory_printsWhatJavaJarPrints(@TempDir Path elsewhere) throws Exception {
        Run run = run(elsewhere, Map.of(), TARGET.resolve("cds").toString(), "evaluate", PATIENT.toString());

        assertSame(run);
    }

    @Test
    void throughARelativePath_printsWhatJavaJarPrints() throws Exception {
        Run run = run(TARGET.resolve("../patients"), Map.of(), "../target/cds", "evaluate", "demo-01.json");

        assertSame(run);
    }

    @Test
    void theArchiveFitsTheJar_theJvmUsesIt(@TempDir Path elsewhere) throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "no archive: built with -Dcds.archive.skip=true");

        // -Xshare:on after the launcher's -Xshare:auto: the JVM stops instead of starting without it.
        Run run = run(elsewhere, Map.of("JAVA_OPTS", "-Xshare:on"), TARGET.resolve("cds").toString(),
                "evaluate", PATIENT.toString());

        assertSame(run);
    }

    @Test
    void withoutTheArchive_startsAllTheSameAndQuietly(@TempDir Path copy, @TempDir Path elsewhere) throws Exception {
        Files.copy(JAR, copy.resolve("cds-examples.jar"));
        Files.copy(TARGET.resolve("cds"), copy.resolve("cds"));

        Run run = run(elsewhere, Map.of(), copy.resolve("cds").toString(), "evaluate", PATIENT.toString());

        assertSame(run);
    }

    @Test
    void withAnArchiveThatDoesNotFit_startsAllTheSameAndQuietly(@TempDir Path copy, @TempDir Path elsewhere)
            throws Exception {
        assumeTrue(Files.exists(ARCHIVE), "no archive: built with -Dcds.archive.skip=true");
        // The jar moved: the archive names the jar it was made for by its absolute path.
        Files.copy(JAR, copy.resolve("cds-examples.jar"));
        Files.copy(TARGET.resolve("cds"), copy.resolve("cds"));
        Files.copy(ARCHIVE, copy.resolve("cds-examples.jsa"));

        Run moved = run(elsewhere, Map.of(), copy.resolve("cds").toString(), "evaluate", PATIENT.toString());

        assertSame(moved);

        // Not an archive at all (what a JDK of another version sees in ours, roughly).
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.delete(copy.resolve("cds-examples.jsa")); // the JVM writes it read-only
        Files.write(copy.resolve("cds-examples.jsa"), garbage);

        Run garbled = run(elsewhere, Map.of(), copy.resolve("cds").toString(), "evaluate", PATIENT.toString());

        assertSame(garbled);
    }

    private static void assertSame(Run run) {
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(javaJar.out(), run.out(), () -> new String(run.out(), StandardCharsets.UTF_8));
        assertEquals("", run.err(), "nothing on stderr");
    }

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** Runs a command in {@code dir}, with the JDK that runs the tests as the launcher's JAVA_HOME. */
    private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "did not finish");
        return new Run(process.exitValue(), out, err.join());
    }
}
