package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physiocds.internal.KnowledgeBase;

/**
 * The knowledge base's content hash, which every result carries: it changes when a rule or a
 * citation changes, and not otherwise. Each test hashes a copy of the knowledge base's resources.
 */
class ContentHashTest {

    private static final Path KB_SOURCES = Path.of("src/main/resources/org/physiocds/kb");

    @TempDir
    Path root;
    private Path kb;

    @BeforeEach
    void copyTheKnowledgeBase() throws IOException {
        kb = Files.createDirectories(root.resolve("org/physiocds/kb"));
        for (String name : resourceNames()) {
            try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream("org/physiocds/kb/" + name)) {
                Files.write(kb.resolve(name), in.readAllBytes()); // as built: properties filtered
            }
        }
    }

    @Test
    void copyOfTheBuiltKnowledgeBase_hashesLikeTheEngine() throws IOException {
        assertEquals(Kb.ENGINE.knowledgeBase().contentHash(), hash());
    }

    @Test
    void changingOneWordOfARule_changesTheHash() throws IOException {
        String before = hash();
        replace("safety.drl", "risks further damage", "risks more damage");

        assertNotEquals(before, hash());
    }

    @Test
    void changingACitation_changesTheHash() throws IOException {
        String before = hash();
        replace("sources.tsv", "CLINICIAN_ARTICLE", "MARKETING_PAGE");

        assertNotEquals(before, hash());
    }

    @Test
    void changingTheVersionOrAddingAFileTheRulesDoNotRead_leavesTheHash() throws IOException {
        String before = hash();
        replace("knowledge-base.properties", "version=", "version=9.9.9-");
        Files.writeString(kb.resolve("NOTES.txt"), "not part of the knowledge base");

        assertEquals(before, hash());
    }

    @Test
    void changingARuleAndChangingItBack_givesTheSameHashAgain() throws IOException {
        String before = hash();
        replace("muscles.drl", "Short muscle: stretch it", "Short muscle: stretch it now");
        replace("muscles.drl", "Short muscle: stretch it now", "Short muscle: stretch it");

        assertEquals(before, hash());
    }

    @Test
    void everyRuleFileOfTheKnowledgeBase_isCoveredByTheHash() throws IOException {
        Set<String> drl;
        try (Stream<Path> files = Files.list(KB_SOURCES)) {
            drl = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".drl"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> hashed = new TreeSet<>(content());

        assertTrue(hashed.containsAll(drl), "not hashed: " + drl.stream().filter(n -> !hashed.contains(n)).toList());
        assertTrue(hashed.containsAll(List.of("guidance.tsv", "sources.tsv")), hashed::toString);
    }

    private String hash() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return KnowledgeBase.contentHash(loader);
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(kb.resolve(file), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " does not contain " + from);
        Files.writeString(kb.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<String> resourceNames() throws IOException {
        List<String> names = new java.util.ArrayList<>(content());
        names.add("knowledge-base.properties");
        return names;
    }

    private static List<String> content() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KnowledgeBase.class.getClassLoader()
                .getResourceAsStream("org/physiocds/kb/knowledge-base.properties")) {
            properties.load(in);
        }
        return Arrays.asList(properties.getProperty("content").strip().split("\\s+"));
    }
}
