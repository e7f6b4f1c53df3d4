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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.examples.PatientGenerator;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.Patient;
import org.physiocds.model.Side;

/**
 * {@code cds diff}: whom a threshold or rule change would affect. A governance board reads it before
 * changing anything, so it must find every affected patient and nobody else.
 */
class DiffCommandTest {

    private static final int PATIENTS = 10_000;

    @TempDir
    static Path dir;
    private static Path corpus;
    /** The first 500 patients: enough for what does not need the whole corpus. */
    private static Path small;
    private static List<Patient> patients;

    @BeforeAll
    static void writeCorpus() throws IOException {
        JsonCodec json = new JsonCodec();
        patients = new PatientGenerator(7).patients(PATIENTS).toList();
        corpus = dir.resolve("patients.ndjson");
        Files.write(corpus, patients.stream().map(json::writePatientLine).toList(), StandardCharsets.UTF_8);
        small = dir.resolve("small.ndjson");
        Files.write(small, patients.stream().limit(500).map(json::writePatientLine).toList(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("defaults.json"), "{}");
        Files.writeString(dir.resolve("injury28.json"), "{\"recentInjuryDays\": 28}");
    }

    @Test
    void sameConfigurationOnBothSides_changesNothing() throws IOException {
        JsonNode report = json("diff", "--corpus", small.toString(), "--before", dir.resolve("injury28.json").toString(),
                "--after", dir.resolve("injury28.json").toString(), "--json");

        assertEquals(500, report.get("patients").intValue());
        assertEquals(0, report.get("changedPatients").intValue());
        assertEquals(0, report.get("groups").size());
    }

    @Test
    void recentInjuryDays42To28_changesExactlyThePatientsWithAnInjury29To42DaysOld() throws IOException {
        JsonNode report = json("diff", "--corpus", corpus.toString(), "--before", dir.resolve("defaults.json").toString(),
                "--after", dir.resolve("injury28.json").toString(), "--json");

        // Counted directly on the corpus: an injury 29-42 days old, unless an injury within 28 days to
        // the same muscle and side (or, for injuries not to a muscle, another such injury covering its side) already gives
        // exactly the same advice; and (issue 20) a stretch done gently (SAF-12: an injury just past
        // the threshold, within twice it), or a strengthening graded (PRG-09, same window), for an
        // injury 57-84 days old that no injury 29-56 days old of that muscle and side keeps so at 28 days.
        CdsEngine defaults = CdsEngine.builder().build();
        long expected = patients.stream().filter(p -> affectedBy28Days(p) || gentleOnlyAt42Days(p, defaults)).count();
        assertTrue(expected > 100, "the corpus exercises the change: " + expected);
        assertEquals(expected, report.get("changedPatients").intValue());
        assertEquals(List.of("patients", "invalid", "changedPatients", "before", "after", "groups"), names(report));
        List<String> kinds = new ArrayList<>();
        report.get("groups").forEach(g -> kinds.add(g.get("kind").textValue() + " " + g.path("rule").textValue()));
        assertTrue(kinds.contains("REMOVED SAF-02"), kinds::toString);
        assertTrue(kinds.contains("REMOVED SAF-08"), kinds::toString);
        assertTrue(kinds.contains("RELEASED MUS-05"), kinds::toString);
        assertTrue(kinds.contains("FLAG_CLEARED SAF-03"), kinds::toString);
        report.get("groups").forEach(g -> {
            assertTrue(g.get("count").intValue() >= g.get("examples").size());
            assertTrue(g.get("examples").size() <= 3 && g.get("examples").size() >= 1);
        });
        assertEquals(28, report.get("after").get("thresholds").get("recentInjuryDays").intValue());
        assertEquals(0, report.get("after").get("thresholds").get("outsideClinicalLimits").size(),
                "28 days is within the clinical limit (at least 21)");
    }

    @Test
    void textReport_saysWhoseAdviceChangedAndGroupsTheChanges() throws IOException {
        Files.writeString(dir.resolve("injury14.json"), "{\"recentInjuryDays\": 14}");
        Run run = run("diff", "--corpus", small.toString(), "--after", dir.resolve("injury14.json").toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Patients whose advice changed: "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("REMOVED") && l.contains("DO_NOT_STRETCH HAMSTRINGS")), run.out());
        assertTrue(run.out().contains("(past clinical limits: recentInjuryDays)"), run.out());
    }

    @Test
    void sameKnowledgeBaseJarOnTheOtherSide_changesNothing() throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("../rules-kb/target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("rules-kb-.*\\.jar")
                    && !f.getFileName().toString().contains("sources")).findFirst().orElseThrow();
        }
        Files.writeString(dir.resolve("other-kb.json"), "{\"knowledgeBase\": \"" + jar.toAbsolutePath().toString().replace("\\", "\\\\") + "\"}");

        JsonNode report = json("diff", "--corpus", small.toString(), "--after", dir.resolve("other-kb.json").toString(), "--json");

        assertEquals(0, report.get("changedPatients").intValue());
        assertEquals(report.get("before").get("knowledgeBase"), report.get("after").get("knowledgeBase"));
    }

    @Test
    void configurationWithAnUnknownFieldOrABadThreshold_exitsTwoNamingIt() throws IOException {
        Files.writeString(dir.resolve("typo.json"), "{\"recentInjuryDay\": 28}");
        Files.writeString(dir.resolve("negative.json"), "{\"recentInjuryDays\": -1}");

        Run typo = run("diff", "--corpus", small.toString(), "--after", dir.resolve("typo.json").toString());
        Run negative = run("diff", "--corpus", small.toString(), "--after", dir.resolve("negative.json").toString());

        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("unknown field; expected some of recentInjuryDays"), typo.err());
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("recentInjuryDays"), negative.err());
        assertFalse(negative.err().contains("Exception"), negative.err());
    }

    /** Whether lowering recentInjuryDays from 42 to 28 changes anything for this patient. */
    private static boolean affectedBy28Days(Patient p) {
        return p.injuries().stream().anyMatch(i -> between29And42(i) && p.injuries().stream()
                .noneMatch(other -> other != i && within28(other) && other.muscle() == i.muscle()
                        && (i.muscle() == null
                                // an injury not to a muscle holds its own side (both when none given)
                                ? other.side() == null || other.side() == Side.BOTH || other.side() == i.side()
                                : other.side() == i.side())));
    }

    private static boolean gentleOnlyAt42Days(Patient p, CdsEngine defaults) {
        if (p.injuries().stream().noneMatch(i -> i.daysAgo() != null && i.daysAgo() >= 57 && i.daysAgo() <= 84)) {
            return false;
        }
        return defaults.evaluate(p).recommendations().stream()
                .filter(r -> r.action() == Action.STRETCH && r.alsoSupportedBy().stream().anyMatch(x -> x.rule().equals("SAF-12"))
                        || r.action() == Action.STRENGTHEN && r.alsoSupportedBy().stream().anyMatch(x -> x.rule().equals("PRG-09")))
                .anyMatch(r -> p.injuries().stream().noneMatch(i -> i.muscle() == r.target() && i.daysAgo() != null
                        && i.daysAgo() > 28 && i.daysAgo() <= 56
                        && (i.side() == Side.BOTH || r.side() == Side.BOTH || i.side() == r.side())));
    }

    private static boolean between29And42(Injury i) {
        return i.daysAgo() != null && i.daysAgo() >= 29 && i.daysAgo() <= 42;
    }

    private static boolean within28(Injury i) {
        return i.daysAgo() == null || i.daysAgo() <= 28;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String... args) throws IOException {
        Run run = run(args);
        assertEquals(0, run.status(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cds cds = new Cds(() -> CdsEngine.builder().build(), new ByteArrayInputStream(new byte[0]));
        int status = Cds.commandLine(cds, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
