package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback and the card log in H2 (a file: it survives a restart), and the feedback report. */
class FeedbackTest {

    static final List<String> SPEC_FEEDBACK = List.of("feedback-accepted.json", "feedback-overridden.json",
            "feedback-overridden-with-reason.json");

    @Test
    void feedback_specExamples_acceptedAndStored_survivingARestart(@TempDir Path data) throws Exception {
        String cardUuid;
        List<String> rules;
        try (CdsHooksServer server = Fixture.start(data)) {
            JsonNode card = strainCard(server);
            cardUuid = card.get("uuid").asText();
            rules = List.of(card.get("source").get("topic").get("code").asText());
            for (String name : SPEC_FEEDBACK) {
                assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback",
                        Fixture.specExample(name)).statusCode(), name);
            }
            // Feedback on the card we showed: overridden with one of our reasons.
            ObjectNode f = (ObjectNode) Fixture.tree(Fixture.specExample("feedback-overridden-with-reason.json"));
            ObjectNode item = (ObjectNode) f.get("feedback").get(0);
            item.put("card", cardUuid);
            ((ObjectNode) item.get("overrideReason").get("reason")).put("code", "clinical-judgement")
                    .put("system", CardDesigner.OVERRIDE_SYSTEM);
            assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback", f.toString()).statusCode());
            server.store().flush();
        }
        try (CdsHooksServer again = Fixture.start(data)) {
            List<FeedbackStore.RuleReport> report = again.store().report();
            FeedbackStore.RuleReport row = report.stream().filter(r -> r.rule().equals(rules.get(0))).findFirst()
                    .orElseThrow();
            assertEquals(1, row.shown());
            assertEquals(1, row.overridden());
            assertEquals(Map.of("clinical-judgement", 1L), row.overrideReasons());
            assertTrue(again.store().comments().contains("A comment entered by the clinician."));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"feedback-report", "--database", "jdbc:h2:file:" + data.resolve("cds-hooks"),
                "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        JsonNode json = Fixture.tree(out.toString(StandardCharsets.UTF_8));
        boolean found = false;
        for (JsonNode r : json.get("rules")) {
            if (r.get("rule").asText().equals(rules.get(0))) {
                found = true;
                assertEquals(1, r.get("overridden").asInt());
                assertEquals(1, r.get("overrideReasons").get("clinical-judgement").asInt());
            }
        }
        assertTrue(found);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Main.run(new String[] {"feedback-report", "--database", "jdbc:h2:file:" + data.resolve("cds-hooks")},
                new PrintStream(text, true, StandardCharsets.UTF_8), System.err);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("clinical-judgement 1"), text.toString());
    }

    @Test
    void feedback_commentsNotConfigured_notKept(@TempDir Path data) throws Exception {
        try (FeedbackStore store = new FeedbackStore("jdbc:h2:file:" + data.resolve("db"), null, null, false)) {
            Wire.FeedbackRequest request = Fixture.JSON.readValue(Fixture.specExample("feedback-overridden-with-reason.json"),
                    Wire.FeedbackRequest.class);
            store.feedback("patient-view", request.feedback(), Fixture.NOW);
            assertEquals(List.of(), store.comments());
        }
    }

    @Test
    void feedback_badDocument_400(@TempDir Path data) {
        try (CdsHooksServer server = Fixture.start(data)) {
            assertEquals(400, Fixture.call(server, "/cds-services/patient-view/feedback",
                    "{\"feedback\":[{\"card\":\"x\",\"outcome\":\"maybe\"}]}").statusCode());
            assertEquals(400, Fixture.call(server, "/cds-services/patient-view/feedback", "{}").statusCode());
        }
    }

    /** Calls patient-view for the hamstring-strain record and returns its warning card. */
    static JsonNode strainCard(CdsHooksServer server) {
        String bundle = Fixture.read(Fixture.repo().resolve("examples/fhir/left-hamstring-strain-right-short-stretch-the-right.json"));
        ObjectNode prefetch = Fixture.prefetchFrom(bundle);
        JsonNode cards = Fixture.tree(Fixture.call(server, "/cds-services/patient-view",
                Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch)).body()).get("cards");
        for (JsonNode c : cards) {
            if (c.get("indicator").asText().equals("warning")) {
                return c;
            }
        }
        throw new AssertionError("no warning card: " + cards);
    }
}
