package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;

/**
 * The engine loads its knowledge base from inside an uber jar, as when an application shades us
 * into its own jar: runs {@link FirstResult} from {@code benchmarks.jar} (every dependency merged
 * into one jar by the shade plugin) in a fresh JVM. Runs in {@code verify}, after the jar is built.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("shadedJar", "target/benchmarks.jar"));

    @Test
    void firstResult_fromTheShadedJar_printsTheAdviceTheLibraryGives() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " not built");
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertTrue(jar.getEntry("org/drools/modelcompiler/KieBaseBuilder.class") != null, "not an uber jar");
        }
        Path out = Files.createTempFile("first-result", ".txt");
        Path err = Files.createTempFile("first-result", ".err");
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", JAR.toString(), FirstResult.class.getName())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(java.waitFor(60, TimeUnit.SECONDS), "did not finish");
            assertEquals(0, java.exitValue(), read(err));

            List<String> expected = CdsEngine.builder().build().evaluate(Patients.TYPICAL).recommendations().stream()
                    .map(r -> r.phase() + " " + r.action() + " " + r.target().code()).toList();
            assertEquals(expected, Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The jar holds what an application ships: rules-core leaves the DRL parser, the Eclipse
     * compiler and ANTLR out of an application's dependencies (HostProjectIT checks an
     * application's class path), and this module's pom keeps out what its test dependencies bring.
     */
    @Test
    void shadedJar_holdsNoDrlParserCompilerOrAntlr() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> shipped = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("org/drools/drl/parser/") || name.startsWith("org/mvel2/")
                            || name.startsWith("org/drools/mvel/") || name.startsWith("org/eclipse/jdt/")
                            || name.startsWith("org/antlr/"))
                    .limit(5).toList();
            assertEquals(List.of(), shipped);
        }
    }

    /**
     * Nothing is parsed or compiled when the engine starts: the knowledge base was compiled to
     * Java at build time, so no class of the DRL parser, of MVEL or of the Eclipse compiler is
     * loaded, whatever the jar holds.
     */
    @Test
    void firstResult_fromTheShadedJar_loadsNoDrlParserOrCompiler() throws Exception {
        Path out = Files.createTempFile("first-result", ".classes");
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:stdout", "-cp", JAR.toString(), FirstResult.class.getName())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(java.waitFor(60, TimeUnit.SECONDS), "did not finish");
            assertEquals(0, java.exitValue());

            List<String> loaded = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertTrue(loaded.stream().anyMatch(l -> l.contains("org.physiocds.kb.Rules")), "the generated model was loaded");
            List<String> compilers = loaded.stream()
                    .filter(l -> l.contains("org.drools.drl.parser.") || l.contains("org.mvel2.")
                            || l.contains("org.drools.mvel.") || l.contains("org.eclipse.jdt."))
                    .toList();
            assertEquals(List.of(), compilers);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
