package org.physiocds.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.physiocds.Citation;
import org.physiocds.internal.KnowledgeBase;
import org.physiocds.internal.RuleInfo;
import org.physiocds.safety.SeedFiles;

/**
 * Fails when the knowledge base is not fit to ship: a Drools build message of any level, a rule
 * without its id, guidance or citation, a repeated id, or a citation that is not in its source.
 */
class KnowledgeBaseLintTest {

    private static final Path DRL_DIR = Path.of("src/main/resources/org/physiocds/kb");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]{2,4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    private static final KnowledgeBase KB = KnowledgeBase.load(KnowledgeBaseLintTest.class.getClassLoader());
    private static final SeedFiles SEEDS = new SeedFiles();

    @Test
    void build_everyDrlFile_compilesWithoutAnyMessage() throws IOException {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        List<Path> drls;
        try (Stream<Path> listing = Files.list(DRL_DIR)) {
            drls = listing.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        for (Path drl : drls) {
            files.write("src/main/resources/org/physiocds/kb/" + drl.getFileName(),
                    Files.readString(drl, StandardCharsets.UTF_8));
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);

        List<Message> messages = builder.getResults().getMessages();
        assertTrue(messages.isEmpty(), "Drools build messages: " + messages);
        assertTrue(drls.size() >= 8, "expected one DRL file per clinical topic, found " + drls);
    }

    @Test
    void rules_eachRule_hasAPermanentIdGuidanceAndCitations() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : KB.rules()) {
            if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
                problems.add(rule.name() + ": @id missing or not like ABC-01: " + rule.id());
            }
            if (rule.guidance().isEmpty()) {
                problems.add(rule.name() + ": no @guidance");
            }
            for (String g : rule.guidance()) {
                if (!KB.catalog().containsKey(g)) {
                    problems.add(rule.name() + ": guidance " + g + " is not in guidance.tsv");
                }
            }
            if (rule.citations().isEmpty()) {
                problems.add(rule.name() + ": no citation");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void rules_ids_areUnique() {
        Set<String> seen = new HashSet<>();
        List<String> repeated = KB.rules().stream().map(RuleInfo::id).filter(id -> !seen.add(id)).toList();

        assertEquals(List.of(), repeated);
    }

    @Test
    void catalog_everyCitation_occursInItsSourceOrNamesAYearAndUrl() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Citation>> entry : KB.catalog().entrySet()) {
            for (Citation c : entry.getValue()) {
                if (c.source().startsWith("seeds/")) {
                    if (!SEEDS.quotes(c.source(), c.quote())) {
                        problems.add(entry.getKey() + ": not in " + c.source() + ": " + c.quote());
                    }
                } else if (!c.source().contains("https://") || !YEAR.matcher(c.source()).find()) {
                    problems.add(entry.getKey() + ": an external source must name its year and an https URL: "
                            + c.source());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void seedsContains_quoteWithStraightApostrophes_matchesTheTypographicText() {
        assertTrue(SEEDS.quotes("seeds/000_d332fd75da60d9b3.txt",
                "If you've injured or pulled a muscle,   you should refrain"));
        assertTrue(!SEEDS.quotes("seeds/000_d332fd75da60d9b3.txt", "you should always stretch an injured muscle"));
        assertTrue(!SEEDS.quotes("seeds/../pom.xml", "project"));
    }
}
