package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.Explanation;
import org.physiocds.Recommendation;
import org.physiocds.WhatIf;
import org.physiocds.Restriction;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.text.TextReport;

/** Discovery and patient-view against the real server on loopback, with a real HTTP client. */
class PatientViewTest {

    @TempDir
    static Path data;
    static CdsHooksServer server;

    @BeforeAll
    static void start() {
        server = Fixture.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void discovery_listsBothServicesWithTheMappingsPrefetch_shapedAsTheSpecExample() {
        String url = Fixture.base(server) + "/cds-services";
        HttpResponse<String> response = Fixture.get(url, Fixture.token(url));
        assertEquals(200, response.statusCode());
        JsonNode ours = Fixture.tree(response.body());
        JsonNode spec = Fixture.tree(Fixture.specExample("discovery.json"));
        assertShape(spec.get("services").get(0), ours.get("services").get(0));
        List<String> hooks = new ArrayList<>();
        ours.get("services").forEach(s -> hooks.add(s.get("hook").asText()));
        assertEquals(List.of("patient-view", "order-select"), hooks);
        JsonNode prefetch = ours.get("services").get(0).get("prefetch");
        assertEquals("Patient/{{context.patientId}}", prefetch.get("patient").asText());
        assertEquals("Condition?patient={{context.patientId}}", prefetch.get("conditions").asText());
        assertFalse(response.body().contains("null"), "no null fields");
    }

    static Stream<Path> records() throws IOException {
        try (Stream<Path> files = Files.list(Fixture.repo().resolve("examples/fhir"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void patientView_exampleRecord_givesTheCardsItsEvaluationImplies(Path file) {
        String bundle = Fixture.read(file);
        Evaluation evaluation = Fixture.ENGINE.evaluateWithMissingData(FhirMapping.create().readPatient(bundle, Fixture.AS_OF).patient());
        ObjectNode prefetch = Fixture.prefetchFrom(bundle);
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view",
                Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode cards = Fixture.tree(response.body()).get("cards");

        List<String> expected = new ArrayList<>();
        if (evaluation.recommendations().stream().anyMatch(CardDesigner::isUrgentReferral)) {
            expected.add("critical");
        }
        if (evaluation.recommendations().stream().anyMatch(PatientViewTest::mustNot) || !evaluation.suppressed().isEmpty()) {
            expected.add("warning");
        }
        if (evaluation.recommendations().stream().anyMatch(r -> !CardDesigner.isUrgentReferral(r) && !mustNot(r))) {
            expected.add("info");
        }
        List<String> indicators = new ArrayList<>();
        cards.forEach(c -> indicators.add(c.get("indicator").asText()));
        assertEquals(expected, indicators);

        Set<String> rulesShown = new TreeSet<>();
        JsonNode specCard = Fixture.tree(Fixture.specExample("card-response.json")).get("cards").get(0);
        for (JsonNode card : cards) {
            assertTrue(card.get("summary").asText().length() < 140);
            assertTrue(card.get("uuid").asText().matches("[0-9a-f-]{36}"));
            assertTrue(card.get("source").get("label").asText().contains(evaluation.knowledgeBase().version()));
            assertEquals(CardDesigner.RULE_SYSTEM, card.get("source").get("topic").get("system").asText());
            assertShape(specCard, card);
            String detail = card.get("detail").asText();
            for (Recommendation r : evaluation.recommendations()) {
                if (detail.contains("`" + r.explanation().rule() + "`")) {
                    rulesShown.add(r.explanation().rule());
                }
            }
            assertFalse(card.toString().contains(":null") || card.toString().contains("[]"), "no empty optional fields");
        }
        Set<String> rulesExpected = new TreeSet<>();
        evaluation.recommendations().stream().map(Recommendation::explanation).map(Explanation::rule)
                .forEach(rulesExpected::add);
        assertEquals(rulesExpected, rulesShown, "every recommendation's rule is on a card");
        JsonNode info = null;
        for (JsonNode card : cards) {
            info = card.get("indicator").asText().equals("info") ? card : info;
        }
        if (info != null) {
            String detail = info.get("detail").asText();
            assertEquals(!evaluation.missingData().isEmpty(), detail.contains("### What could change this advice"), detail);
            for (WhatIf w : evaluation.missingData().subList(0, Math.min(CardDesigner.WHAT_IF_LINES, evaluation.missingData().size()))) {
                assertTrue(detail.contains(CardDesigner.md(TextReport.render(w))), "the info card says: " + TextReport.render(w));
            }
        }
        if (!evaluation.recommendations().isEmpty()) {
            boolean quote = evaluation.recommendations().stream()
                    .anyMatch(r -> r.explanation().citations().stream().anyMatch(c -> c.isQuote()));
            assertEquals(quote, cards.toString().contains("> \\\""), "seed quotes are quoted");
        }
    }

    static boolean mustNot(Recommendation r) {
        return r.action() == Action.DO_NOT_STRETCH && r.restriction() == Restriction.CONTRAINDICATED
                && !CardDesigner.isUrgentReferral(r);
    }

    @Test
    void patientView_emergency_criticalCardFirstWithOverrideReasons() {
        String bundle = Fixture.read(Fixture.repo().resolve("examples/fhir/saddle-numbness-and-bladder-change-emergency.json"));
        ObjectNode prefetch = Fixture.prefetchFrom(bundle);
        JsonNode cards = Fixture.tree(Fixture.call(server, "/cds-services/patient-view",
                Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch)).body()).get("cards");
        JsonNode first = cards.get(0);
        assertEquals("critical", first.get("indicator").asText());
        assertTrue(first.get("summary").asText().startsWith("Emergency referral"), first.get("summary").asText());
        assertEquals(CardDesigner.OVERRIDE_REASONS.size(), first.get("overrideReasons").size());
        assertTrue(first.get("overrideReasons").get(0).has("display"));
    }

    @Test
    void patientView_specExampleRequest_isAcceptedWithItsPrefetchUnderOurKeys() {
        ObjectNode request = (ObjectNode) Fixture.tree(Fixture.specExample("patient-view-request.json"));
        JsonNode patient = request.get("prefetch").get("patientToGreet");
        ObjectNode prefetch = Fixture.JSON.createObjectNode();
        prefetch.set("patient", patient);
        for (String key : List.of("conditions", "observations", "procedures", "questionnaireResponses")) {
            prefetch.putNull(key);
        }
        request.set("prefetch", prefetch);
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view", request.toString());
        assertEquals(200, response.statusCode(), response.body());
        // A 100-year-old with nothing else on record: nothing to say, and no empty optional field.
        assertEquals("{\"cards\":[]}", response.body());
    }

    @Test
    void patientView_readmeCurlRequest_warnsAboutTheStrainedHamstring() {
        String request = Fixture.read(Fixture.repo().resolve("cds-hooks/requests/patient-view-strain.json"));
        JsonNode cards = Fixture.tree(Fixture.call(server, "/cds-services/patient-view", request).body()).get("cards");
        assertEquals("warning", cards.get(0).get("indicator").asText());
        assertTrue(cards.get(0).get("summary").asText().startsWith("Do not stretch left hamstrings"),
                cards.get(0).get("summary").asText());
    }

    @Test
    void patientView_nothingToSay_answersEmptyCards() {
        ObjectNode prefetch = Fixture.JSON.createObjectNode();
        for (String key : Prefetch.TEMPLATES.keySet()) {
            prefetch.putNull(key);
        }
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view",
                Fixture.patientView("nobody", prefetch));
        // No data at all: the mapping cannot make a patient (422) or the engine has nothing to say.
        if (response.statusCode() == 200) {
            assertEquals("{\"cards\":[]}", response.body());
        } else {
            assertEquals(422, response.statusCode());
            assertEquals("OperationOutcome", Fixture.tree(response.body()).get("resourceType").asText());
        }
    }

    /** Every field of ours is a field of the spec's example object or of the spec's field list. */
    static void assertShape(JsonNode spec, JsonNode ours) {
        Set<String> allowed = new TreeSet<>(List.of("uuid", "summary", "detail", "indicator", "source", "suggestions",
                "selectionBehavior", "overrideReasons", "links", "hook", "title", "description", "id", "prefetch",
                "usageRequirements", "extension"));
        for (Iterator<String> it = spec.fieldNames(); it.hasNext();) {
            allowed.add(it.next());
        }
        for (Iterator<String> it = ours.fieldNames(); it.hasNext();) {
            String f = it.next();
            assertTrue(allowed.contains(f), "unexpected field " + f);
            JsonNode v = ours.get(f);
            assertFalse(v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty()),
                    "empty optional field " + f);
        }
        for (String required : List.of("summary", "indicator", "source")) {
            if (spec.has(required)) {
                assertTrue(ours.has(required), required);
            }
        }
    }
}
