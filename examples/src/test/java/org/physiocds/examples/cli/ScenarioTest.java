package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Severity;
import org.physiocds.Thresholds;
import org.physiocds.Explanation;
import org.physiocds.Flag;
import org.physiocds.FlagCode;
import org.physiocds.KnowledgeBaseInfo;
import org.physiocds.Problem;
import org.physiocds.Recommendation;
import org.physiocds.StartBackResult;
import org.physiocds.SuppressedRecommendation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Muscle;

/** Reading scenario files strictly, and checking an evaluation against their expectations. */
class ScenarioTest {

    private static final Explanation MUS_05 = new Explanation("MUS-05", "short", List.of("G11"), List.of(), "Short.", List.of());
    private static final Explanation SAF_02 = new Explanation("SAF-02", "strain", List.of("G01", "G02"), List.of(), "Strained.", List.of());
    private static final Explanation TEC_01 = new Explanation("TEC-01", "dose", List.of("G26"), List.of(), "Dose.", List.of());

    private static final Evaluation STRAINED_HAMSTRINGS = new Evaluation("x", new KnowledgeBaseInfo("kb", "1", "sha256:test"), Thresholds.DEFAULTS, null,
            List.of(new Recommendation(Action.DO_NOT_STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.DO_NOT_STRETCH.phase(), null, null, null, SAF_02, List.of()),
                    new Recommendation(Action.STRETCH, Muscle.HIP_FLEXORS, org.physiocds.model.Side.BOTH, null, Action.STRETCH.phase(), "hold 30-60 s", null, null, MUS_05, List.of(TEC_01))),
            List.of(new Flag(FlagCode.RECENT_INJURY, Severity.WARNING, SAF_02, List.of())),
            List.of(new SuppressedRecommendation(Action.STRETCH, Muscle.HAMSTRINGS, org.physiocds.model.Side.BOTH, null, Action.STRETCH.phase(), MUS_05, SAF_02, List.of())),
            null);

    @Test
    void check_everyExpectationMet_noFailures(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, """
                {"mustRecommend": [{"action": "STRETCH", "target": "HIP_FLEXORS", "dosage": "30-60 s", "rule": "TEC-01"},
                                   {"action": "DO_NOT_STRETCH", "target": "HAMSTRINGS"}],
                 "mustNotRecommend": [{"action": "STRETCH", "target": "HAMSTRINGS"}],
                 "mustFlag": ["RECENT_INJURY"], "mustNotFlag": ["INSTABILITY_SUSPECTED"],
                 "mustSuppress": [{"action": "STRETCH", "target": "HAMSTRINGS", "by": "SAF-02"}],
                 "mustCite": ["G01", "G26"]}""");

        assertEquals(List.of(), s.expect().check(STRAINED_HAMSTRINGS));
    }

    @Test
    void check_everyExpectationMissed_oneSentenceEach(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, """
                {"mustRecommend": [{"action": "STRETCH", "target": "HIP_FLEXORS", "dosage": "45 s", "rule": "PRG-09"},
                                   {"action": "STRETCH", "target": "HAMSTRINGS"}],
                 "mustNotRecommend": [{"action": "DO_NOT_STRETCH", "target": "HAMSTRINGS"}],
                 "mustFlag": ["ASYMMETRY"], "mustNotFlag": ["RECENT_INJURY"],
                 "mustSuppress": [{"action": "STRETCH", "target": "HAMSTRINGS", "by": "MUS-03"},
                                  {"action": "STRETCH", "target": "CALVES", "by": "SAF-02"}],
                 "startBack": "HIGH",
                 "mustCite": ["G40"]}""");

        assertEquals(List.of(
                "expected the dosage of STRETCH HIP_FLEXORS to include \"45 s\", was \"hold 30-60 s\"",
                "expected rule PRG-09 among the rules behind STRETCH HIP_FLEXORS, were MUS-05, TEC-01",
                "expected STRETCH HAMSTRINGS to be recommended, but SAF-02 suppresses it",
                "expected DO_NOT_STRETCH HAMSTRINGS not to be recommended, but rule SAF-02 recommends it",
                "expected the flag ASYMMETRY",
                "expected no flag RECENT_INJURY, but rule SAF-02 raises it",
                "expected STRETCH HAMSTRINGS to be suppressed by MUS-03, but SAF-02 suppresses it",
                "expected STRETCH CALVES to be suppressed by SAF-02",
                "expected the STarT Back stratum HIGH, was no screening result",
                "expected some rule behind the outcome to encode guidance G40"),
                s.expect().check(STRAINED_HAMSTRINGS));
    }

    @Test
    void check_startBackStratum_comparedWithTheScreening(@TempDir Path dir) throws Exception {
        Scenario s = read(dir, "{\"startBack\": \"HIGH\"}");
        Evaluation medium = new Evaluation(null, new KnowledgeBaseInfo("kb", "1", "sha256:test"), Thresholds.DEFAULTS, null, List.of(), List.of(), List.of(),
                new StartBackResult(4, 2, StartBackResult.Stratum.MEDIUM));

        assertEquals(List.of("expected the STarT Back stratum HIGH, was MEDIUM"), s.expect().check(medium));
    }

    @Test
    void read_missingRequiredParts_eachNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty-scenario-file.json");
        Files.writeString(file, "{\"description\": \"\", \"notes\": 1}");

        ScenarioReader.InvalidScenarioException e = assertThrows(ScenarioReader.InvalidScenarioException.class,
                () -> ScenarioReader.read(file, new JsonCodec()));

        assertEquals(List.of("notes", "description", "patient", "expect"), e.problems().stream().map(Problem::path).toList());
    }

    @Test
    void read_duplicateField_refused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("duplicate-field-scenario.json");
        Files.writeString(file, "{\"description\": \"a\", \"description\": \"b\", \"patient\": {}, \"expect\": {}}");

        ScenarioReader.InvalidScenarioException e = assertThrows(ScenarioReader.InvalidScenarioException.class,
                () -> ScenarioReader.read(file, new JsonCodec()));

        assertEquals(List.of(new Problem("$", "well-formed JSON with each field given once (line 1, column 35)")),
                e.problems());
    }

    private static Scenario read(Path dir, String expect) throws Exception {
        Path file = dir.resolve("a-test-scenario.json");
        Files.writeString(file, "{\"description\": \"A test.\", \"patient\": {}, \"expect\": " + expect + "}");
        return ScenarioReader.read(file, new JsonCodec());
    }
}
