package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DialectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.CdsEngine;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.json.JsonCodec;

/** {@code docs/schema/batch-compact.schema.json} says what {@code batch --compact} writes: lines and rules file. */
class CompactSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "schema", "batch-compact.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void linesAndRulesFile_ofGeneratedPatientsAndInvalidLines_matchTheSchema(@TempDir Path dir) throws IOException {
        JsonNode schemaNode = MAPPER.readTree(SCHEMA.toFile());
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(DialectId.DRAFT_2020_12));
        assertEquals(List.of(), meta.validate(schemaNode).stream().map(Object::toString).toList());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema lineSchema = registry.getSchema(schemaNode);
        ObjectNode rulesNode = MAPPER.createObjectNode() // the rules file's schema, with the definitions it refers to
                .put("$schema", schemaNode.get("$schema").textValue())
                .put("$ref", "#/$defs/rules");
        rulesNode.set("$defs", schemaNode.get("$defs"));
        Schema rulesSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(rulesNode);

        JsonCodec json = new JsonCodec();
        StringBuilder input = new StringBuilder();
        new PatientGenerator(12).patients(600).forEach(p -> input.append(json.writePatientLine(p)).append('\n'));
        input.append("{\"age\": 300}\nnot json\n");
        Path rules = dir.resolve("rules.json");
        StringWriter out = new StringWriter();
        Cds cds = new Cds(() -> CdsEngine.builder().build(),
                new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("batch", "--compact", "--rules", rules.toString(), "-");

        assertEquals(2, status);
        List<String> lines = out.toString().lines().toList();
        assertEquals(602, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(List.of(), lineSchema.validate(MAPPER.readTree(lines.get(i))).stream().map(Object::toString).toList(),
                    "line " + (i + 1));
        }
        JsonNode rulesFile = MAPPER.readTree(rules.toFile());
        assertEquals(List.of(), rulesSchema.validate(rulesFile).stream().map(Object::toString).toList());
        ObjectNode withProse = (ObjectNode) MAPPER.readTree(lines.get(0));
        ((ObjectNode) withProse.get("recommendations").get(0)).put("rationale", "prose");
        assertFalse(lineSchema.validate(withProse).isEmpty(), "no prose on a line");
    }
}
