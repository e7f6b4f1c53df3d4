package org.physiocds.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.physiocds.CdsEngine;

/** The README's code is real code: identical to {@link ReadmeSnippet}, which compiles and runs. */
class ReadmeSnippetTest {

    private static final Path README = Path.of("../README.md");
    private static final Path SNIPPET = Path.of("src/test/java/org/physiocds/examples/ReadmeSnippet.java");

    @Test
    void readme_javaBlocks_identicalToTheSnippetClass() throws IOException {
        List<String> readme = blocks(Files.readString(README), Pattern.compile("(?s)```java\\n(.*?)```"));
        List<String> snippet = blocks(Files.readString(SNIPPET),
                Pattern.compile("(?s)// README begin\\n(.*?)\\n[ ]*// README end"));

        assertEquals(3, readme.size(), "the README's Java blocks");
        assertEquals(readme, snippet);
    }

    @Test
    void quickStart_runs_printsPhasedRecommendationsWithTheirRationale() {
        String out = EmbeddingExampleTest.captureStdout(ReadmeSnippet::quickStart);

        assertTrue(out.contains("ACTIVATE STRENGTHEN GLUTES RIGHT: Glutes: phasic muscle, assessed weak and long, right side."), out);
        assertTrue(out.contains("SAFETY DO_NOT_STRETCH HAMSTRINGS LEFT: "), out);
        assertTrue(out.contains("SAFETY REFER HAMSTRINGS LEFT (ROUTINE): "), out);
    }

    @Test
    void json_validAndInvalidRequests_answerWithAnEvaluationOrTheErrors() throws IOException {
        CdsEngine engine = CdsEngine.builder().build();
        ObjectMapper mapper = new ObjectMapper();

        JsonNode ok = mapper.readTree(ReadmeSnippet.json(engine, "{\"painRegion\": \"LOWER_BACK\"}"));
        JsonNode bad = mapper.readTree(ReadmeSnippet.json(engine, "{\"painRegion\": \"BACK\", \"age\": -1}"));

        assertTrue(ok.get("recommendations").size() > 0, ok.toString());
        assertEquals(List.of("painRegion", "age"), bad.get("errors").findValuesAsText("path"));
    }

    @Test
    void fhir_exampleRecord_readEvaluatedAndWrittenAsABundle() throws IOException {
        String bundle = Files.readString(Path.of("fhir/demo-01.json"));
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-06-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        String plan = ReadmeSnippet.fhir(CdsEngine.builder().build(), bundle, clock,
                org.slf4j.LoggerFactory.getLogger(ReadmeSnippetTest.class));
        assertTrue(plan.contains("\"resourceType\": \"RequestGroup\""), plan);
    }

    /** Each match's text with its common indentation removed. */
    private static List<String> blocks(String text, Pattern pattern) {
        List<String> blocks = new ArrayList<>();
        Matcher m = pattern.matcher(text.replace("\r\n", "\n"));
        while (m.find()) {
            blocks.add(m.group(1).stripIndent().strip());
        }
        return blocks;
    }
}
