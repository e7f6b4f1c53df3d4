package org.physiocds.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiocds.CdsEngine;
import org.physiocds.json.JsonCodec;

/** The example scenarios: each passes, and together they exercise the whole guidance catalog. */
class ScenarioCatalogTest {

    private static final Path DIR = Path.of("scenarios");
    private static final CdsEngine ENGINE = CdsEngine.builder().build();
    private static final JsonCodec JSON = new JsonCodec();

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void scenario_evaluated_producesTheOutcomeItMust(Path file) throws Exception {
        Scenario scenario = ScenarioReader.read(file, JSON);

        assertEquals(java.util.List.of(), scenario.expect().check(ENGINE.evaluate(scenario.patient())));
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void scenario_fileName_saysWhatItShowsInLowerCaseWords(Path file) {
        assertTrue(file.getFileName().toString().matches("[a-z0-9]+(-[a-z0-9]+){2,}\\.json"), file.toString());
    }

    @Test
    void scenarios_together_citeEveryGuidanceIdOfEverySection() throws Exception {
        Set<String> cited = new TreeSet<>();
        for (Path file : scenarioFiles().toList()) {
            Scenario scenario = ScenarioReader.read(file, JSON);
            Scenario.explanations(ENGINE.evaluate(scenario.patient())).forEach(x -> cited.addAll(x.guidance()));
        }
        Set<String> catalog = IntStream.rangeClosed(1, 40).mapToObj(i -> String.format("G%02d", i))
                .collect(Collectors.toCollection(TreeSet::new));

        catalog.removeAll(cited);
        assertEquals(Set.of(), catalog, "guidance ids no scenario's outcome cites");
    }

    @Test
    void scenarios_atLeastFifteen() throws IOException {
        assertTrue(scenarioFiles().count() >= 15);
    }

    @Test
    void readme_scenarioTable_listsEveryScenarioWithTheGuidanceItMustCite() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| [A-Za-z, ]+ \\| ([A-Z0-9. -]+) \\|$")
                .matcher(Files.readString(DIR.resolve("README.md")));
        while (row.find()) {
            listed.put(row.group(1), row.group(2).strip());
        }
        Map<String, String> actual = new TreeMap<>();
        for (Path file : scenarioFiles().toList()) {
            Scenario scenario = ScenarioReader.read(file, JSON);
            actual.put(scenario.name(), String.join(" ", scenario.expect().mustCite()));
        }

        assertEquals(actual, listed);
    }
}
