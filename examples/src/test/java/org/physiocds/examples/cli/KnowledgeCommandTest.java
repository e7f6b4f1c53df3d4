package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.CdsEngine;
import org.physiocds.fhir.FhirMapping;

/** {@code cds knowledge --output fhir DIR}, as an integrator publishing the knowledge base runs it. */
class KnowledgeCommandTest {

    private static final CdsEngine ENGINE = CdsEngine.builder().build();

    record Run(int status, String out, String err) {
    }

    @Test
    void knowledge_fhir_writesThePlanDefinitionAndTheLibrary_asTheMappingMakesThem(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("target/knowledge");

        Run run = run("knowledge", "--output", "fhir", dir.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        FhirMapping fhir = FhirMapping.create();
        String plan = Files.readString(dir.resolve("PlanDefinition-physiocds.json"));
        String library = Files.readString(dir.resolve("Library-physiocds.json"));
        assertEquals(fhir.writeJson(fhir.planDefinition(ENGINE)) + "\n", plan);
        assertEquals(fhir.writeJson(fhir.library(ENGINE)) + "\n", library);
        JsonNode planJson = new ObjectMapper().readTree(plan);
        assertEquals("PlanDefinition", planJson.get("resourceType").textValue());
        assertEquals("https://physiocds.org/fhir/PlanDefinition/physiocds", planJson.get("url").textValue());
        assertEquals(ENGINE.knowledgeBase().version(), planJson.get("version").textValue());
        assertEquals("Library", new ObjectMapper().readTree(library).get("resourceType").textValue());
        assertTrue(run.out().startsWith("Wrote "), run.out());

        Run again = run("knowledge", "--output", "fhir", dir.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(plan, Files.readString(dir.resolve("PlanDefinition-physiocds.json")), "the same bytes again");
    }

    @Test
    void knowledge_folderThatIsAFile_oneLineError_exitTwo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");

        Run run = run("knowledge", "--output", "fhir", file.toString());

        assertEquals(2, run.status());
        assertEquals("cds: cannot write to the folder " + file + ": not a directory", run.err().strip());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void knowledge_withoutOutputOrFolder_orAnotherFormat_isAUsageError() {
        assertEquals(2, run("knowledge", "target/knowledge").status());
        assertEquals(2, run("knowledge", "--output", "fhir").status());
        Run json = run("knowledge", "--output", "json", "target/knowledge");
        assertEquals(2, json.status());
        assertTrue(json.err().contains("--output"), json.err());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cds cds = new Cds(() -> ENGINE, new ByteArrayInputStream(new byte[0]));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
