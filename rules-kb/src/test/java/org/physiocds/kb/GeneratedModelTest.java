package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the jar ships is this build's generated model and nothing older. The model compiler names
 * its classes afresh on every build ({@code Rules<random>}, its lambdas and metadata, an alpha
 * network per fact type with a new number), so a build over an earlier one's output would ship
 * both (1.30 MiB instead of 0.5 before 0.3.0); the pom empties the output directory first. The
 * jar is packed from {@code target/classes}, which this test reads after the model was generated.
 */
class GeneratedModelTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern RULES = Pattern.compile("(?:Rules|DomainClassesMetadata)([0-9a-fA-F]{32})(?![0-9a-fA-F]).*\\.class");
    private static final Pattern NETWORK = Pattern.compile("Compiled(\\w+Network)\\d+\\.class");

    @Test
    void outputDirectory_holdsOneGeneratedModel_theOneTheKieDescriptorNames() throws IOException {
        String descriptor = Files.readString(CLASSES.resolve("META-INF/kie/org.physiocds/rules-kb/drools-model"),
                StandardCharsets.UTF_8);
        Matcher named = Pattern.compile("org\\.physiocds\\.kb\\.Rules([0-9a-fA-F]{32})").matcher(descriptor);
        assertTrue(named.find(), descriptor);
        String model = named.group(1);
        assertEquals(false, named.find(), "the descriptor names one rules class: " + descriptor);

        Set<String> models = new TreeSet<>();
        try (Stream<Path> files = Files.list(CLASSES.resolve("org/physiocds/kb"))) {
            files.map(f -> RULES.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> models.add(m.group(1)));
        }
        assertEquals(Set.of(model), models, "rules classes of one generated model only");
    }

    @Test
    void outputDirectory_holdsOneCompiledAlphaNetworkPerFactType() throws IOException {
        Map<String, List<String>> byType;
        try (Stream<Path> files = Files.list(CLASSES.resolve("org/drools/ancompiler"))) {
            byType = files.map(f -> f.getFileName().toString()).map(NETWORK::matcher).filter(Matcher::matches)
                    .collect(Collectors.groupingBy(m -> m.group(1), TreeMap::new,
                            Collectors.mapping(m -> m.group(0), Collectors.toList())));
        }
        assertTrue(byType.containsKey("org_physiocds_model_PatientNetwork"), byType.toString());
        byType.forEach((type, classes) -> assertEquals(1, classes.size(), type + ": " + classes));
    }
}
