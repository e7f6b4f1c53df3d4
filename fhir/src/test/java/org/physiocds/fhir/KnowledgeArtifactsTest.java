package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.ParameterDefinition;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.CdsEngine;
import org.physiocds.Phase;
import org.physiocds.RuleDescription;
import org.physiocds.Thresholds;

/**
 * The knowledge base as FHIR knowledge artifacts, as a knowledge repository or a governance board
 * reads them: every rule once, in the group of its phase, with its guidance and sources (seed
 * quotes found in the seeds); valid R4; the same bytes on every call; and every plan names the
 * PlanDefinition it was made by.
 */
class KnowledgeArtifactsTest {

    private static final String B = "https://physiocds.org/fhir";
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final PlanDefinition PLAN = Fixtures.FHIR.planDefinition(Fixtures.ENGINE);

    /** Every rule action (the leaves), by rule id. */
    private static Map<String, PlanDefinitionActionComponent> rulesOf(PlanDefinition plan) {
        Map<String, PlanDefinitionActionComponent> rules = new HashMap<>();
        for (PlanDefinitionActionComponent group : plan.getAction()) {
            for (PlanDefinitionActionComponent rule : group.getAction()) {
                assertTrue(rules.put(codes(rule, B + "/CodeSystem/rule").get(0), rule) == null,
                        "rule named twice: " + rule.getId());
            }
        }
        return rules;
    }

    private static List<String> codes(PlanDefinitionActionComponent action, String system) {
        return action.getCode().stream().map(CodeableConcept::getCodingFirstRep)
                .filter(c -> system.equals(c.getSystem())).map(Coding::getCode).toList();
    }

    private static String groupOf(String ruleId) {
        for (PlanDefinitionActionComponent group : PLAN.getAction()) {
            if (group.getAction().stream().anyMatch(a -> a.getId().equals(ruleId))) {
                return codes(group, B + "/CodeSystem/plan-section").get(0);
            }
        }
        return null;
    }

    @Test
    void planDefinition_namesEveryRuleExactlyOnce_withItsGuidanceActionsAndCondition() {
        List<RuleDescription> rules = Fixtures.ENGINE.rules();
        Map<String, PlanDefinitionActionComponent> actions = rulesOf(PLAN);

        assertTrue(rules.size() > 100, "the knowledge base's rules: " + rules.size());
        assertEquals(rules.stream().map(RuleDescription::id).collect(Collectors.toSet()), actions.keySet());
        for (RuleDescription rule : rules) {
            PlanDefinitionActionComponent action = actions.get(rule.id());
            assertEquals(rule.id(), action.getId());
            assertEquals(rule.guidance(), codes(action, B + "/CodeSystem/guidance"), rule.id());
            assertEquals(rule.actions().stream().map(Action::name).toList(), codes(action, B + "/CodeSystem/action"), rule.id());
            assertEquals(rule.name(), action.getConditionFirstRep().getExtensionByUrl(B + "/StructureDefinition/condition-text")
                    .getValue().primitiveValue(), rule.id());
            assertEquals("applicability", action.getConditionFirstRep().getKind().toCode());
            assertEquals(rule.citations().size(), action.getDocumentation().size(), rule.id());
            assertNotNull(rule.file(), rule.id() + " is found in a rule file");
        }
        Set<String> catalog = new TreeSet<>();
        for (PlanDefinitionActionComponent action : actions.values()) {
            codes(action, B + "/CodeSystem/guidance").stream().filter(g -> g.matches("G\\d\\d")).forEach(catalog::add);
        }
        Set<String> implemented = rules.stream().flatMap(r -> r.guidance().stream()).filter(g -> g.matches("G\\d\\d"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(implemented, catalog);
        assertTrue(catalog.size() >= 40 && catalog.stream().allMatch(g -> g.compareTo("G01") >= 0 && g.compareTo("G44") <= 0),
                catalog.toString());
    }

    @Test
    void planDefinition_groupsTheRulesByThePhaseOfWhatTheyConclude() {
        List<String> groups = PLAN.getAction().stream().map(g -> codes(g, B + "/CodeSystem/plan-section").get(0)).toList();
        assertEquals(List.of("SAFETY", "DECOMPRESS", "ACTIVATE", "MOBILIZE", "DAILY_PRACTICE", "WITHHELD", "FLAGS", "FINDINGS"),
                groups);
        for (RuleDescription rule : Fixtures.ENGINE.rules()) {
            if (!rule.actions().isEmpty()) {
                assertEquals(rule.actions().get(0).phase().name(), groupOf(rule.id()), rule.id() + " " + rule.actions());
            }
        }
        // Read from the rule files: what each rule's consequence concludes.
        assertEquals("SAFETY", groupOf("SAF-02"), "do not stretch an injured muscle");
        assertEquals("SAFETY", groupOf("RFL-11"), "the emergency red-flag referral");
        assertEquals("DECOMPRESS", groupOf("RC-01"));
        assertEquals("MOBILIZE", groupOf("TEC-01"), "the stretch dosage is read with the stretch");
        assertEquals("DAILY_PRACTICE", groupOf("PRG-01"));
        assertEquals("WITHHELD", groupOf("CON-01"), "a do-not-stretch overrules a stretch");
        assertEquals("WITHHELD", groupOf("SAF-09"), "decompression withheld at 65 and over");
        assertEquals("FLAGS", groupOf("WRN-02"));
        assertEquals("FINDINGS", groupOf("CLS-01"), "a muscle's class");
        RuleDescription saf04 = Fixtures.ENGINE.rules().stream().filter(r -> r.id().equals("SAF-04")).findFirst().orElseThrow();
        assertEquals(List.of(Action.REFER, Action.DO_NOT_STRETCH), saf04.actions());
        assertEquals(List.of(org.physiocds.FlagCode.RECENT_SURGERY), saf04.flags());
        assertEquals(Phase.SAFETY, saf04.phase());
        assertEquals("safety.drl", saf04.file());
    }

    @Test
    void planDefinition_everyQuoteIsFoundInItsSeed_everyOtherSourceIsASummaryWithItsAddress() throws IOException {
        Map<String, String> seeds = new HashMap<>();
        List<String> missing = new ArrayList<>();
        int quotes = 0;
        int summaries = 0;
        for (PlanDefinitionActionComponent action : rulesOf(PLAN).values()) {
            for (RelatedArtifact artifact : action.getDocumentation()) {
                assertEquals("citation", artifact.getType().toCode());
                Extension citation = artifact.getExtensionByUrl(B + "/StructureDefinition/citation");
                String source = citation.getExtensionByUrl("source").getValue().primitiveValue();
                Extension quote = citation.getExtensionByUrl("quote");
                if (quote != null) {
                    quotes++;
                    assertTrue(source.startsWith("seeds/"), source);
                    String seed = seeds.computeIfAbsent(source, s -> fold(read(SEEDS.resolve(s.substring("seeds/".length())))));
                    String text = quote.getValue().primitiveValue();
                    assertEquals(text, artifact.getDisplay());
                    if (!seed.contains(fold(text))) {
                        missing.add(action.getId() + ": " + text);
                    }
                } else {
                    summaries++;
                    assertNotNull(citation.getExtensionByUrl("summary"), action.getId());
                    assertFalse(source.startsWith("seeds/"), source);
                    assertTrue(artifact.getUrl().startsWith("https://"), source);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(quotes > 50 && summaries > 10, quotes + " quotes, " + summaries + " summaries");
    }

    @Test
    void planDefinitionAndLibrary_validateAgainstR4_withNoError() {
        Library library = Fixtures.FHIR.library(Fixtures.ENGINE);
        assertEquals(List.of(), Fixtures.errors(PLAN));
        assertEquals(List.of(), Fixtures.errors(library));
    }

    @Test
    void planDefinitionAndLibrary_sameKnowledgeBase_sameBytes_datedByTheKnowledgeBase() {
        String plan = Fixtures.FHIR.writeJson(PLAN);
        assertEquals(plan, Fixtures.FHIR.writeJson(Fixtures.FHIR.planDefinition(Fixtures.ENGINE)));
        assertEquals(Fixtures.FHIR.writeJson(Fixtures.FHIR.library(Fixtures.ENGINE)),
                Fixtures.FHIR.writeJson(Fixtures.FHIR.library(Fixtures.ENGINE)));
        assertEquals(Fixtures.ENGINE.knowledgeBaseDate().toString(), PLAN.getDateElement().getValueAsString());
        assertEquals(Fixtures.ENGINE.knowledgeBase().version(), PLAN.getVersion());
        assertEquals("https://physiocds.org/fhir/PlanDefinition/physiocds", PLAN.getUrl());
        assertEquals(FhirMapping.PLAN_DEFINITION_ID, PLAN.getIdElement().getIdPart());
        assertEquals("eca-rule", PLAN.getType().getCodingFirstRep().getCode());
        assertEquals(List.of(FhirMapping.libraryUrl() + "|" + PLAN.getVersion()),
                PLAN.getLibrary().stream().map(c -> c.getValue()).toList());
        assertFalse(plan.contains("\r"));
    }

    @Test
    void library_describesTheKnowledgeBase_itsSources_andItsThresholdsWithTheirLimits() {
        CdsEngine cautious = CdsEngine.builder().thresholds(Thresholds.DEFAULTS.withRecentInjuryDays(56)).build();
        Library library = Fixtures.FHIR.library(cautious);

        assertEquals(FhirMapping.LIBRARY_ID, library.getIdElement().getIdPart());
        assertEquals(FhirMapping.libraryUrl(), library.getUrl());
        assertEquals(cautious.knowledgeBase().contentHash(), library.getIdentifierFirstRep().getValue());
        assertEquals(cautious.sources().size(), library.getRelatedArtifact().size());
        assertTrue(library.getRelatedArtifact().stream().anyMatch(a -> a.getLabel().equals("NICE-NG59")
                && a.getUrl().equals("https://www.nice.org.uk/guidance/ng59/chapter/Recommendations")));
        assertEquals(Thresholds.limits().stream().map(Thresholds.Limit::name).toList(),
                library.getParameter().stream().map(ParameterDefinition::getName).toList());
        ParameterDefinition injury = library.getParameter().get(0);
        Extension limits = injury.getExtensionByUrl(B + "/StructureDefinition/threshold");
        assertEquals(42, ((IntegerType) limits.getExtensionByUrl("default").getValue()).getValue());
        assertEquals(56, ((IntegerType) limits.getExtensionByUrl("value").getValue()).getValue());
        assertEquals(21, ((IntegerType) limits.getExtensionByUrl("clinicalMin").getValue()).getValue());
        assertTrue(injury.getDocumentation().contains("clinical limits: at least 21 days"), injury.getDocumentation());
    }

    @Test
    void everyPlan_namesThePlanDefinitionItWasMadeBy() throws Exception {
        RequestGroup plan = (RequestGroup) Fixtures.FHIR.writeEvaluation(WriteEvaluationTest.scenario(
                "left-hamstring-strain-right-short-stretch-the-right")).getEntryFirstRep().getResource();

        assertEquals(List.of(PLAN.getUrl() + "|" + PLAN.getVersion()),
                plan.getInstantiatesCanonical().stream().map(c -> c.getValue()).toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As rules-kb's SeedFiles: typographic quotes and dashes and runs of whitespace folded. */
    private static String fold(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2014', '-').replace('\u2013', '-')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
