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
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
    private static final String VERSION = System.getProperty("projectVersion", "0.3.0");
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
        // rules-kb brings nothing but itself (its Drools compiler is provided, not passed on):
        // the API alone is the same class path without it (docs/embedding.md).
        Path kb = classPath.stream().filter(p -> p.getFileName().toString().startsWith("rules-kb-")).findFirst()
                .orElseThrow(() -> new AssertionError("rules-kb not on " + classPath));
        System.out.printf("of which rules-kb: 1 jar, %.2f MiB; rules-core with what it brings: %d jars, %.1f MiB%n",
                Files.size(kb) / 1048576.0, classPath.size() - 1, (bytes - Files.size(kb)) / 1048576.0);

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

    /**
     * The BOM the host project imported (its dependencies name no version) is this build's: it
     * manages our library modules at this version and, beside them, only the libraries that Drools
     * and HAPI FHIR both bring, at the versions this build resolved (so an application with fhir
     * gets one version of each: host-app-fhir's enforcer rule checks it). No parent, so an
     * application's own versions of Drools or JUnit are never overruled by importing it.
     */
    @Test
    void bom_theHostProjectImported_managesOurModulesAndTheSharedLibrariesAtThisBuildsVersions() throws Exception {
        Path installed = REPO.resolve("org/physiocds/physiocds-bom").resolve(VERSION).resolve("physiocds-bom-" + VERSION + ".pom");
        assertTrue(Files.isRegularFile(installed), installed + " not installed for the host project");
        assertArrayEquals(Files.readAllBytes(ROOT.resolve("bom/pom.xml")), Files.readAllBytes(installed));

        Document bom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(installed.toFile());
        Element project = bom.getDocumentElement();
        assertEquals(0, project.getElementsByTagName("parent").getLength(), "the BOM inherits nothing");
        assertEquals(VERSION, child(project, "version"));
        assertEquals("pom", child(project, "packaging"));
        NodeList managed = project.getElementsByTagName("dependency");
        List<String> ours = new java.util.ArrayList<>();
        java.util.Map<String, String> shared = new java.util.TreeMap<>();
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            if (child(dependency, "groupId").equals("org.physiocds")) {
                assertEquals("${project.version}", child(dependency, "version"));
                ours.add(child(dependency, "artifactId"));
            } else {
                shared.put(child(dependency, "artifactId"), child(dependency, "version"));
            }
        }
        assertEquals(List.of("rules-core", "rules-kb", "fhir"), ours);
        assertEquals(null, child(project, "dependencies"), "the BOM has no dependencies of its own");
        // Each shared library at the version on the host application's class path, which this
        // build's own dependency management chose (jackson-bom: jackson-databind's version).
        List<String> jars = classPath().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(shared.containsKey("jackson-bom"), shared.toString());
        for (var e : shared.entrySet()) {
            String artifact = e.getKey().equals("jackson-bom") ? "jackson-databind" : e.getKey();
            if (jars.stream().anyMatch(j -> j.matches(Pattern.quote(artifact) + "-\\d.*"))) {
                assertTrue(jars.contains(artifact + "-" + e.getValue() + ".jar"), artifact + " " + e.getValue()
                        + " is not the version on " + jars);
            }
        }
    }

    /** The README's Maven snippet is the host project's, which this build compiles and runs. */
    @Test
    void readme_mavenSnippet_isTheHostProjectsDependencies() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Packaging: BOM, schema, embedding\n");
        assertTrue(section >= 0, "README has no Packaging section");
        java.util.regex.Matcher xml = Pattern.compile("(?s)```xml\n(.*?)```").matcher(readme);
        assertTrue(xml.find(section), "no xml block in the Packaging section");

        String pom = Files.readString(ROOT.resolve("benchmarks/src/it/host-app/pom.xml"), StandardCharsets.UTF_8);
        String host = pom.substring(pom.indexOf("README_DEPENDENCIES_BEGIN -->") + "README_DEPENDENCIES_BEGIN -->".length(),
                pom.indexOf("<!-- README_DEPENDENCIES_END"));
        assertEquals(normalized(host.replace("@project.version@", VERSION)), normalized(xml.group(1)));
    }

    /** XML without comments and with no white space between or around tags. */
    private static String normalized(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+<", "><").strip();
    }

    private static String child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
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
