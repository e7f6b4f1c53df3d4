package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physiocds.CdsEngine;
import org.physiocds.json.JsonCodec;

/** The command line as a user meets it: arguments in, text and an exit status out. */
class CdsCliTest {

    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final Path SCENARIOS = Path.of("scenarios");

    record Run(int status, String out, String err) {
    }

    @Test
    void evaluate_validPatient_exitsZeroWithRecommendationsGroupedByPhase() {
        Run run = run(resource("runner-strain.json"));

        assertEquals(0, run.status(), run.err());
        String out = run.out();
        assertAll(
                () -> assertTrue(out.contains("Patient cli-runner"), out),
                () -> assertTrue(out.indexOf("Phase 1, SAFETY") < out.indexOf("Phase 3, ACTIVATE"), out),
                () -> assertTrue(out.indexOf("Phase 3, ACTIVATE") < out.indexOf("Phase 4, MOBILIZE"), out),
                () -> assertTrue(out.contains("* DO NOT STRETCH left hamstrings"), out),
                () -> assertTrue(out.contains("* STRETCH right hip flexors"), out),
                () -> assertTrue(out.contains("Dosage: hold 30-60 s"), out),
                () -> assertTrue(out.contains("! RECENT INJURY"), out),
                () -> assertTrue(out.contains("x STRETCH left hamstrings"), out),
                () -> assertTrue(out.contains("Suppressed by: SAF-02"), out),
                () -> assertTrue(out.contains("Source: (clinician article) seeds/002_1deaa0d1b380007e.txt"), out),
                () -> assertTrue(out.startsWith("Patient cli-runner, evaluated by knowledge base") && out.contains("\nSUMMARY\n"), out),
                () -> assertEquals("", run.err()));
    }

    @Test
    void evaluate_json_printsTheInterchangeDocumentOfTheEvaluation() throws IOException {
        Path file = resource("runner-strain.json");

        Run run = run("evaluate", "--json", file.toString());

        assertEquals(0, run.status(), run.err());
        JsonCodec json = new JsonCodec();
        String expected = json.writeEvaluation(ENGINE.evaluate(json.readPatient(Files.readString(file))));
        assertEquals(expected + System.lineSeparator(), run.out());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals("cli-runner", doc.get("patientId").textValue());
        assertFalse(doc.has("startBack"));
    }

    @Test
    void evaluate_jsonWithStartBack_writesTheScreeningAfterTheKnowledgeBase() throws IOException {
        String patient = "{\"painRegion\": \"LOWER_BACK\", \"startBack\": {\"item1\": true, \"item2\": true,"
                + " \"item3\": false, \"item4\": false, \"item5\": true, \"item6\": true, \"item7\": true,"
                + " \"item8\": true, \"item9\": \"VERY_MUCH\"}}";

        Run run = runWithStdin(patient, "evaluate", "--json", "-");

        assertEquals(0, run.status(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> fields = new java.util.ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        // No redFlags in the input: not screened (v1.3), said before the screening result.
        assertEquals(List.of("knowledgeBase", "thresholds", "redFlagsScreened", "startBack", "flags", "recommendations",
                "suppressed"), fields);
        assertEquals("{\"total\":7,\"psychosocial\":5,\"stratum\":\"HIGH\"}", doc.get("startBack").toString());
    }

    @Test
    void evaluate_dash_readsThePatientFromStandardInput() throws IOException {
        String patient = Files.readString(resource("runner-strain.json"));

        Run run = runWithStdin(patient, "evaluate", "-");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Patient cli-runner"), run.out());
    }

    @Test
    void evaluate_fileWithThreeBadFields_exitsTwoNamingEveryFieldOnStderr() {
        Run run = run("evaluate", resource("three-bad-fields.json").toString());

        assertEquals(2, run.status());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertAll(
                () -> assertTrue(lines.get(0).endsWith("is not a valid patient (3 problems):"), lines.get(0)),
                () -> assertEquals("  age: expected an integer from 0 to 120, was 140", lines.get(1)),
                () -> assertEquals("  muscles[1].strength: expected one of WEAK, NORMAL, was \"STRONG\"", lines.get(2)),
                () -> assertEquals("  stretching.sessionsPerWeek: expected an integer, was a string", lines.get(3)),
                () -> assertEquals(4, lines.size()),
                () -> assertFalse(run.err().contains("cli-bad"), "the patient id stays out of error output"));
    }

    @Test
    void evaluate_jsonAndBadFile_exitsTwoWithTheErrorDocumentOnStderr() throws IOException {
        Run run = run("evaluate", "--json", resource("three-bad-fields.json").toString());

        assertEquals(2, run.status());
        JsonNode errors = new ObjectMapper().readTree(run.err()).get("errors");
        assertEquals(List.of("age", "muscles[1].strength", "stretching.sessionsPerWeek"),
                errors.findValuesAsText("path"));
    }

    @Test
    void evaluate_malformedJson_exitsTwoWithPositionAndNoStackTrace() {
        Run run = runWithStdin("{\"age\": 45,, }", "evaluate", "-");

        assertEquals(2, run.status());
        assertEquals("cds: the patient is not a valid patient (1 problem):\n"
                + "  $: expected well-formed JSON: check the quotes, commas and brackets (line 1, column 12)\n",
                run.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void evaluate_scenarioFile_exitsTwoSuggestingTheScenariosCommand() {
        Run run = run("evaluate", SCENARIOS.resolve("runner-five-days-after-hamstring-strain.json").toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("  patient: expected one of the fields patientId,"), run.err());
        assertTrue(run.err().strip().endsWith("this looks like a scenario file; run it with: scenarios FOLDER"), run.err());
    }

    @Test
    void evaluate_missingFile_exitsTwoSayingSo() {
        Run run = run("evaluate", "no/such/patient.json");

        assertEquals(2, run.status());
        assertEquals("cds: cannot read no/such/patient.json: no such file", run.err().strip());
    }

    @Test
    void evaluate_knowledgeBaseMissing_exitsOneWithOneLineAndNoStackTrace() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        Supplier<CdsEngine> broken = () -> CdsEngine.builder().classLoader(empty).build();

        Run run = run(broken, "", "evaluate", resource("runner-strain.json").toString());

        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("cds: internal failure: CdsException: the knowledge base is not on the class path"),
                run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "evaluate --help", "scenarios --help", "evaluate -h"})
    void help_onEveryCommand_exitsZeroWithUsage(String args) {
        Run run = run(args.split(" "));

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: cds"), run.out());
        assertTrue(run.out().contains("Exit status:"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evaluate", "evaluate --pdf x.json", "frobnicate", "scenarios --dir"})
    void usageError_exitsTwoWithTheMistakeOnStderr(String args) {
        Run run = run(args.isEmpty() ? new String[0] : args.split(" "));

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Usage: cds") || run.err().contains("Did you mean"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void scenarios_theProjectScenarios_allPass_oneLineEachWithTheFirstSafetyItem() throws IOException {
        Run run = run("scenarios", "--dir", SCENARIOS.toString());

        long files;
        try (var listing = Files.list(SCENARIOS)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertEquals(0, run.status(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(files + 2, lines.size(), "one line per scenario, a blank line and the total: " + run.out());
        assertTrue(lines.contains("PASS runner-five-days-after-hamstring-strain  safety: REFER: injury clearance, left"
                + " hamstrings"), run.out());
        assertTrue(lines.stream().limit(files).allMatch(l -> l.matches("PASS [a-z0-9-]+  (safety: .+|no safety item)")),
                run.out());
        assertEquals("All " + files + " scenarios passed.", lines.get(lines.size() - 1));
    }

    @Test
    void scenarios_reports_showEveryReportBeforeItsResultLine() {
        Run run = run("scenarios", "--reports", "--dir", SCENARIOS.toString());

        assertEquals(0, run.status());
        String out = run.out();
        int report = out.indexOf("Scenario runner-five-days-after-hamstring-strain");
        assertTrue(report >= 0, "reports are shown");
        assertTrue(out.indexOf("SUMMARY", report) < out.indexOf("PASS runner-five-days-after-hamstring-strain", report), out);
    }

    @Test
    void scenarios_named_runOnlyThoseAndShowTheirReports() {
        Run run = run("scenarios", "--dir", SCENARIOS.toString(), "runner-five-days-after-hamstring-strain");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("=".repeat(100) + "\nScenario runner-five-days-after-hamstring-strain\n"),
                run.out());
        assertEquals(1, run.out().lines().filter(l -> l.startsWith("PASS ")).count(), run.out());
        assertTrue(run.out().strip().endsWith("All 1 scenarios passed."), run.out());
    }

    @Test
    void scenarios_unknownName_exitsTwoNamingIt() {
        Run run = run("scenarios", "--dir", SCENARIOS.toString(), "no-such-scenario");

        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("cds: no scenario no-such-scenario in "), run.err());
    }

    @Test
    void scenarios_scenarioTheEngineDoesNotSatisfy_exitsOneSayingWhatFailed(@TempDir Path dir) throws IOException {
        Files.copy(resource("fresh-strain-stretch-expected.json"), dir.resolve("fresh-strain.json"));
        Files.copy(SCENARIOS.resolve("runner-five-days-after-hamstring-strain.json"), dir.resolve("runner.json"));

        Run run = run("scenarios", "--dir", dir.toString());

        assertEquals(1, run.status());
        assertEquals(List.of(
                "FAIL fresh-strain  safety: REFER: injury clearance, hamstrings",
                "  - expected STRETCH HAMSTRINGS to be recommended, but SAF-02 suppresses it",
                "  - expected no flag RECENT_INJURY, but rule SAF-03 raises it",
                "PASS runner  safety: REFER: injury clearance, left hamstrings",
                "",
                "1 of 2 scenarios passed; failed: fresh-strain."), run.out().lines().toList());
    }

    @Test
    void scenarios_invalidScenarioFile_exitsTwoListingEveryProblem(@TempDir Path dir) throws IOException {
        Files.copy(resource("invalid-scenario.json"), dir.resolve("invalid.json"));
        Files.copy(SCENARIOS.resolve("runner-five-days-after-hamstring-strain.json"), dir.resolve("runner.json"));

        Run run = run("scenarios", "--dir", dir.toString());

        assertEquals(2, run.status());
        assertTrue(run.out().contains("INVALID invalid"), run.out());
        assertTrue(run.out().contains("PASS runner"), "the other scenarios still run");
        List<String> paths = run.err().lines().skip(1).map(l -> l.strip().substring(0, l.strip().indexOf(':'))).toList();
        assertEquals(List.of("patient.age", "patient.painRegion", "expect.mustInclude", "expect.mustRecommend[0].action",
                "expect.mustSuppress[0].by", "expect.mustCite[0]"), paths);
    }

    @Test
    void scenarios_fileThatIsNotText_exitsTwoSayingSo(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("binary.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        Run run = run("scenarios", "--dir", dir.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().strip().endsWith("binary.json: not UTF-8 text"), run.err());
    }

    @Test
    void scenarios_folderWithoutScenarios_exitsTwo(@TempDir Path dir) {
        Run run = run("scenarios", "--dir", dir.toString());

        assertEquals(2, run.status());
        assertTrue(run.err().contains("no scenario files"), run.err());
    }

    @Test
    void scenarios_missingFolder_exitsTwo() {
        Run run = run("scenarios", "--dir", "no/such/folder");

        assertEquals(2, run.status());
        assertEquals("cds: cannot read the scenario folder no/such/folder: no such file", run.err().strip());
    }

    @Test
    void evaluate_fhirBundleAsOf_sameAsItsTwin_andFhirOutput() {
        Run fromFhir = run("evaluate", "--fhir", "fhir/demo-01.json", "--as-of", "2026-06-01", "--output", "json");
        Run fromJson = run("evaluate", "--json", "patients/demo-01.json");
        assertEquals(0, fromFhir.status(), fromFhir.err());
        assertEquals(fromJson.out(), fromFhir.out());
        Run fhir = run("evaluate", "--fhir", "fhir/demo-01.json", "--as-of", "2026-06-01", "--output", "fhir");
        assertEquals(0, fhir.status(), fhir.err());
        assertTrue(fhir.out().contains("\"resourceType\": \"RequestGroup\""));
        Run plain = run("evaluate", "--output", "fhir", "--as-of", "2026-06-01", "patients/demo-01.json");
        assertEquals(fhir.out(), plain.out(), "the same evaluation, the same FHIR");
    }

    @Test
    void evaluate_fhir_mappingReportOnStderr_textALine_jsonADocument() throws IOException {
        Run text = run("evaluate", "--fhir", "fhir/demo-01.json", "--as-of", "2026-06-01");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.err().startsWith("cds: FHIR record read: used "), text.err());
        assertTrue(text.err().contains("; ignored "), text.err());
        Run json = run("evaluate", "--fhir", "fhir/demo-01.json", "--as-of", "2026-06-01", "--json");
        JsonNode report = new ObjectMapper().readTree(json.err()).get("mappingReport");
        assertTrue(report.get("used").get("Patient").asInt() == 1, json.err());
        assertFalse(report.get("nothingRelevant").asBoolean());
        Run nothing = runWithStdin("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"n\"}}]}", "evaluate", "--fhir", "-", "--as-of", "2026-06-01");
        assertEquals(0, nothing.status(), nothing.err());
        assertTrue(nothing.err().contains("nothing in this record is a fact the knowledge base reads"), nothing.err());
    }

    @Test
    void evaluate_fhirProblemsInText_echoNoPatientValue() {
        Run bad = runWithStdin("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1850-01-01\"}}]}",
                "evaluate", "--fhir", "-", "--as-of", "2026-06-01");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("Bundle.entry[0].resource.birthDate: expected a birth date giving an age"), bad.err());
        assertFalse(bad.err().contains("176"), "the age computed from the record is not echoed: " + bad.err());
    }

    @Test
    void evaluate_fhirProblems_pathsOnStderr_exit2_wrongOptions_exit2() {
        Run bad = runWithStdin("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"72514-3\"}]},\"valueInteger\":12}", "evaluate", "--fhir", "-", "--as-of", "2026-06-01");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("Observation.valueInteger: expected a whole number from 0 to 10"), bad.err());
        assertEquals(2, run("evaluate", "--fhir", "fhir/demo-01.json", "patients/demo-01.json").status());
        assertEquals(2, run("evaluate", "--fhir", "fhir/demo-01.json", "--as-of", "yesterday").status());
        assertEquals(2, run("evaluate", "--as-of", "2026-06-01", "patients/demo-01.json").status());
    }

    private static Run run(String... args) {
        return run(() -> ENGINE, "", args);
    }

    private static Run runWithStdin(String stdin, String... args) {
        return run(() -> ENGINE, stdin, args);
    }

    private static Run run(Supplier<CdsEngine> engine, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cds cds = new Cds(engine, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static Run run(Path patient) {
        return run("evaluate", patient.toString());
    }

    private static Path resource(String name) {
        try {
            return Path.of(CdsCliTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
