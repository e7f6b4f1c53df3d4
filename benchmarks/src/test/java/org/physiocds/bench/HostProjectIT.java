package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An application takes the library in as a dependency and gets only what runs. {@code
 * src/it/host-app} is such an application (a pom naming rules-core and rules-kb, and a Main that
 * builds the engine and evaluates the README's patient); before this test, maven-invoker-plugin
 * installed this build's artifacts into a private local repository ({@code target/it-repo}) and
 * built the host project against it, writing its run-time class path as Maven resolved it.
 *
 * <p>The class path holds no DRL parser, no Java compiler and no ANTLR: rules-core's pom leaves
 * them out, because a knowledge base compiled to Java at build time never loads them. Main runs
 * on that class path and prints, byte for byte, what it prints here, where this module's test
 * dependencies put all of them back.
 */
class HostProjectIT {

    private static final Path HOST = Path.of(System.getProperty("hostProject", "target/it/host-app"));
    private static final Path REPO = Path.of(System.getProperty("privateRepository", "target/it-repo"));
    private static final String VERSION = System.getProperty("projectVersion", "1.0.0-SNAPSHOT");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What a precompiled knowledge base never loads; none of it may reach an application. */
    private static final Pattern BUILD_TIME_ONLY = Pattern.compile(
            "(ecj|drools-ecj|drools-drl-parser|drools-drl-extensions|drools-io|antlr-runtime|antlr4-runtime"
                    + "|drools-model-codegen|drools-mvel.*|mvel2|javaparser-core)-\\d.*\\.jar");

    @Test
    void classPath_ofAnApplication_holdsNoDrlParserCompilerOrAntlr() throws IOException {
        List<Path> classPath = classPath();
        long bytes = 0;
        for (Path jar : classPath) {
            bytes += Files.size(jar);
        }
        System.out.printf("host application's run-time class path: %d jars, %.1f MiB%n",
                classPath.size(), bytes / 1048576.0);

        List<String> buildTimeOnly = classPath.stream().map(p -> p.getFileName().toString())
                .filter(name -> BUILD_TIME_ONLY.matcher(name).matches()).toList();
        assertEquals(List.of(), buildTimeOnly);
        List<String> drools = classPath.stream().map(p -> p.getFileName().toString())
                .filter(name -> name.startsWith("drools-model-compiler-") || name.startsWith("drools-core-"))
                .toList();
        assertEquals(2, drools.size(), "the engine's runtime is there: " + classPath);
    }

    /** The SNAPSHOTs came from this build, through the private repository, not from ~/.m2. */
    @Test
    void classPath_ofAnApplication_takesThisBuildsArtifactsFromThePrivateRepository() throws IOException {
        List<Path> classPath = classPath();
        for (String module : List.of("rules-core", "rules-kb")) {
            String name = module + "-" + VERSION + ".jar";
            Path resolved = classPath.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not on " + classPath));
            assertTrue(resolved.toAbsolutePath().normalize().startsWith(REPO.toAbsolutePath().normalize()),
                    resolved + " is not in " + REPO);
            assertArrayEquals(Files.readAllBytes(ROOT.resolve(module).resolve("target").resolve(name)),
                    Files.readAllBytes(resolved), resolved + " is not the jar this build made");
        }
    }

    @Test
    void main_onTheApplicationsClassPath_printsWhatItPrintsWithTheCompilerOnTheClassPath() throws Exception {
        Path classes = HOST.resolve("target/classes");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", classes + File.pathSeparator + Files.readString(
                        HOST.resolve("target/runtime-classpath.txt"), StandardCharsets.UTF_8).strip(),
                "org.example.health.Main");
        Path out = Files.createTempFile("host-app", ".out");
        Path err = Files.createTempFile("host-app", ".err");
        try {
            Process java = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(java.waitFor(60, TimeUnit.SECONDS), "did not finish");
            assertEquals(0, java.exitValue(), Files.readString(err, StandardCharsets.UTF_8));

            // The reference: the same Main in this JVM, whose class path has the DRL parser, ecj and ANTLR.
            assertNotNull(Class.forName("org.eclipse.jdt.internal.compiler.Compiler"));
            assertNotNull(Class.forName("org.drools.drl.parser.DrlParser"));
            String expected = runHere(classes);
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(expected, printed);

            // The advice itself: a hamstring strained five days ago must not be stretched; the weak,
            // long glutes are strengthened.
            List<String> lines = printed.lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.matches("SAFETY DO_NOT_STRETCH HAMSTRINGS: .+")), printed);
            assertTrue(lines.stream().noneMatch(l -> l.matches("[A-Z_]+ STRETCH HAMSTRINGS: .+")), printed);
            assertTrue(lines.stream().anyMatch(l -> l.matches("[A-Z_]+ STRENGTHEN GLUTES: .+")), printed);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String runHere(Path classes) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                HostProjectIT.class.getClassLoader())) {
            Method main = loader.loadClass("org.example.health.Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> classPath() throws IOException {
        Path file = HOST.resolve("target/runtime-classpath.txt");
        assertTrue(Files.isRegularFile(file), file + " not written: did maven-invoker-plugin build the host project?");
        return Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator))
                .map(Path::of).toList();
    }
}
