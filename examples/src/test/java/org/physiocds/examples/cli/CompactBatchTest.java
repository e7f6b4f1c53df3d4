package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.CdsEngine;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;

/** {@code batch --compact --rules FILE}: the decisions on each line, the rules once beside them. */
class CompactBatchTest {

    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final JsonCodec JSON = new JsonCodec();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int status, List<String> lines, String err) {
    }

    @Test
    void compact_demoPatientAndAShortHipFlexor_decisionsWithRuleIdsAndSides_noProse(@TempDir Path dir) throws IOException {
        String demo = JSON.writePatientLine(JSON.readPatient(Files.readString(Path.of("patients/demo-01.json"))));
        String hipFlexor = JSON.writePatientLine(Patient.builder().patientId("hip-flexor").age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)
                .muscle(MuscleFinding.of(Muscle.HIP_FLEXORS).right().shortened().feelsTight())
                .build());
        Path rules = dir.resolve("rules.json");

        Run run = run(demo + "\n" + hipFlexor + "\n", "batch", "--compact", "--rules", rules.toString(), "-");

        assertEquals(0, run.status(), run.err());
        assertEquals(2, run.lines().size());
        for (String line : run.lines()) {
            for (String prose : List.of("ruleName", "rationale", "facts", "citations", "quote", "explanation")) {
                assertFalse(line.contains("\"" + prose + "\""), prose + " in " + line);
            }
        }
        JsonNode demoLine = MAPPER.readTree(run.lines().get(0));
        assertEquals("demo-01", demoLine.get("patientId").textValue());
        assertEquals(ENGINE.knowledgeBase().contentHash(), demoLine.get("knowledgeBase").get("contentHash").textValue());
        JsonNode doNotStretch = find(demoLine.get("recommendations"), "DO_NOT_STRETCH", "HAMSTRINGS", "LEFT");
        assertEquals("SAF-02", doNotStretch.get("rule").textValue());
        assertEquals("CONTRAINDICATED", doNotStretch.get("restriction").textValue());
        JsonNode withheld = find(demoLine.get("suppressed"), "STRENGTHEN", "GLUTES", "LEFT");
        assertEquals("MUS-01", withheld.get("rule").textValue());
        // Held by the lumbar surgery 40 days ago as well as the left hamstring strain: the glutes load the
        // operated spine (surgical-region table, issue 20); the lowest rule id, SAF-04, is reported.
        assertEquals("SAF-04", withheld.get("suppressedBy").textValue());

        JsonNode stretch = find(MAPPER.readTree(run.lines().get(1)).get("recommendations"), "STRETCH", "HIP_FLEXORS", "RIGHT");
        assertEquals("MUS-05", stretch.get("rule").textValue());
        assertEquals(List.of("G11"), texts(stretch.get("guidance")));
        assertEquals("MOBILIZE", stretch.get("phase").textValue());
        assertEquals("hold 30-60 s, 3-5 repetitions; pain-free range, mild discomfort only, no bouncing", stretch.get("dosage").textValue());

        JsonNode mus05 = rulesById(MAPPER.readTree(rules.toFile())).get("MUS-05");
        assertNotNull(mus05, "MUS-05 in the rules file");
        assertEquals(List.of("G11"), texts(mus05.get("guidance")));
        assertFalse(mus05.get("ruleName").textValue().isBlank());
        assertTrue(mus05.get("citations").size() > 0);
    }

    @Test
    void compact_joinedWithTheRulesFile_givesTheFullFormsDecisionsAndExplanations(@TempDir Path dir) throws IOException {
        List<Patient> patients = new PatientGenerator(11).patients(400).toList();
        String input = String.join("\n", patients.stream().map(JSON::writePatientLine).toList()) + "\n";
        Path rulesFile = dir.resolve("rules.json");

        Run full = run(input, "batch", "--threads", "2", "-");
        Run compact = run(input, "batch", "--threads", "2", "--compact", "--rules", rulesFile.toString(), "-");

        assertEquals(0, full.status(), full.err());
        assertEquals(0, compact.status(), compact.err());
        assertEquals(patients.size(), compact.lines().size());
        JsonNode rulesDoc = MAPPER.readTree(rulesFile.toFile());
        Map<String, JsonNode> rules = rulesById(rulesDoc);
        Set<String> onLines = new LinkedHashSet<>();
        boolean withheldSeen = false;
        boolean unscreenedSeen = false;
        for (int i = 0; i < patients.size(); i++) {
            JsonNode f = MAPPER.readTree(full.lines().get(i));
            JsonNode c = MAPPER.readTree(compact.lines().get(i));
            String where = "line " + (i + 1);
            assertEquals(f.get("patientId"), c.get("patientId"), where);
            assertEquals(f.get("knowledgeBase").get("version"), c.get("knowledgeBase").get("version"), where);
            assertEquals(f.get("knowledgeBase").get("contentHash"), c.get("knowledgeBase").get("contentHash"), where);
            assertEquals(f.get("exerciseWithheld"), c.get("exerciseWithheld"), where);
            assertEquals(f.get("startBack"), c.get("startBack"), where);
            assertEquals(f.get("redFlagsScreened"), c.get("redFlagsScreened"), where);
            assertEquals(f.get("warnings"), c.get("warnings"), where);
            unscreenedSeen |= c.has("redFlagsScreened");
            if (c.has("exerciseWithheld")) {
                withheldSeen = true;
                onLines.add(c.get("exerciseWithheld").get("rule").textValue());
            }
            assertEquals(decisions(f, rules::get, null), decisions(c, rules::get, onLines), where);
            assertEquals(f.get("flags").size() + f.get("recommendations").size() + f.get("suppressed").size(),
                    c.get("flags").size() + c.get("recommendations").size() + c.get("suppressed").size(), where);
        }
        assertTrue(withheldSeen, "some generated patient has exercise withheld");
        assertTrue(unscreenedSeen, "some generated patient was not screened for red flags, and its line says so");
        assertEquals(onLines, rules.keySet(), "the rules file holds exactly the rules named on the lines");
        assertEquals(MAPPER.readTree(full.lines().get(0)).get("knowledgeBase"), rulesDoc.get("knowledgeBase"));
        assertEquals(MAPPER.readTree(full.lines().get(0)).get("thresholds"), rulesDoc.get("thresholds"));
        List<String> ids = new ArrayList<>(rules.keySet());
        assertEquals(ids.stream().sorted().toList(), ids, "rules by id");
    }

    @Test
    void compact_invalidLines_theFullFormsErrorRecordsInPlace_othersInOrder(@TempDir Path dir) throws IOException {
        List<String> good = new PatientGenerator(8).patients(3).map(JSON::writePatientLine).toList();
        String input = good.get(0) + "\n{\"age\": 300, \"painRegion\": \"LUMBAR\"}\n" + good.get(1) + "\r\nnot json\n\n" + good.get(2);
        Path rules = dir.resolve("rules.json");

        Run full = run(input, "batch", "-");
        Run compact = run(input, "batch", "--compact", "--rules", rules.toString(), "-");

        assertEquals(2, compact.status());
        assertEquals("cds: 3 of 6 lines were not valid patients", compact.err().strip());
        assertEquals(6, compact.lines().size());
        for (int i : new int[] {1, 3, 4}) {
            assertEquals(full.lines().get(i), compact.lines().get(i), "line " + (i + 1));
        }
        assertEquals(List.of("age", "painRegion"), texts(MAPPER.readTree(compact.lines().get(1)).get("errors").findValues("path")));
        for (int i : new int[] {0, 2, 5}) {
            assertEquals(MAPPER.readTree(full.lines().get(i)).get("patientId"), MAPPER.readTree(compact.lines().get(i)).get("patientId"));
        }
        assertTrue(Files.size(rules) > 0, "the rules file is written when some lines are invalid");
    }

    @Test
    void compact_withoutRules_rulesWithoutCompact_orRulesUnwritable_exitTwo(@TempDir Path dir) {
        Run noRules = run("", "batch", "--compact", "-");
        Run noCompact = run("", "batch", "--rules", dir.resolve("r.json").toString(), "-");
        Run unwritable = run("", "batch", "--compact", "--rules", dir.resolve("no/such/dir/r.json").toString(), "-");

        assertEquals(2, noRules.status());
        assertTrue(noRules.err().contains("--compact needs --rules"), noRules.err());
        assertEquals(2, noCompact.status());
        assertTrue(noCompact.err().contains("--rules is for --compact only"), noCompact.err());
        assertEquals(2, unwritable.status());
        assertTrue(unwritable.err().startsWith("cds: cannot write the rules to"), unwritable.err());
    }

    @Test
    void help_describesCompact() {
        Run help = run("", "batch", "--help");

        assertEquals(0, help.status());
        assertTrue(String.join("\n", help.lines()).contains("--compact"));
    }

    /**
     * The decisions of a line, the same shape for both forms: each item's codes, its rule ids, and
     * each rule's name, guidance and citations (from the full form's explanations, or for the
     * compact form from the rules file, checking that the line's own guidance ids agree). Collects
     * the rule ids of a compact line into {@code onLines}.
     */
    private static JsonNode decisions(JsonNode doc, Function<String, JsonNode> rules, Set<String> onLines) {
        boolean compact = onLines != null;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String list : List.of("flags", "recommendations", "suppressed")) {
            ArrayNode items = out.putArray(list);
            for (JsonNode item : doc.get(list)) {
                ObjectNode d = items.addObject();
                item.fields().forEachRemaining(field -> {
                    if (field.getValue().isValueNode() || field.getKey().equals("referral")) {
                        if (!field.getKey().equals("rule") && !field.getKey().equals("suppressedBy")) {
                            d.set(field.getKey(), field.getValue());
                        }
                    }
                });
                d.set("rule", rule(compact ? item : item.get("explanation"), rules, onLines));
                if (compact) {
                    assertEquals(item.get("guidance"), rules.apply(item.get("rule").textValue()).get("guidance"));
                }
                if (item.has("suppressedBy")) {
                    d.set("suppressedBy", compact
                            ? rule(JsonNodeFactory.instance.objectNode().put("rule", item.get("suppressedBy").textValue()), rules, onLines)
                            : rule(item.get("suppressedBy"), rules, null));
                }
                for (String others : List.of("alsoSupportedBy", "alsoSuppressedBy")) {
                    if (item.has(others)) {
                        ArrayNode ids = d.putArray(others);
                        for (JsonNode other : item.get(others)) {
                            ids.add(compact
                                    ? rule(JsonNodeFactory.instance.objectNode().put("rule", other.textValue()), rules, onLines)
                                    : rule(other, rules, null));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A rule id with its name, guidance and citations: the full form's explanation, or the rules file's entry. */
    private static JsonNode rule(JsonNode explanationOrId, Function<String, JsonNode> rules, Set<String> onLines) {
        String id = explanationOrId.get("rule").textValue();
        JsonNode source = explanationOrId;
        if (onLines != null) {
            onLines.add(id);
            source = rules.apply(id);
            assertNotNull(source, id + " is in the rules file");
        }
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("rule", id);
        r.set("ruleName", source.get("ruleName"));
        r.set("guidance", source.get("guidance"));
        r.set("citations", source.get("citations"));
        return r;
    }

    private static Map<String, JsonNode> rulesById(JsonNode rulesDoc) {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode r : rulesDoc.get("rules")) {
            assertEquals(null, rules.put(r.get("rule").textValue(), r), "each rule once");
        }
        return rules;
    }

    private static JsonNode find(JsonNode items, String action, String target, String side) {
        for (JsonNode item : items) {
            if (item.get("action").textValue().equals(action) && item.get("target").textValue().equals(target)
                    && side.equals(item.path("side").textValue())) {
                return item;
            }
        }
        throw new AssertionError(action + " " + target + " " + side + " not in " + items);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.textValue()));
        return texts;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::textValue).toList();
    }

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cds cds = new Cds(() -> ENGINE, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString().lines().toList(), err.toString());
    }
}
