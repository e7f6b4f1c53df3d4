package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
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
    void feedback_specExamples_onAnIssuedCard_storedAndSurvivingARestart(@TempDir Path data) throws Exception {
        String rule;
        try (CdsHooksServer server = Fixture.start(data)) {
            JsonNode card = strainCard(server);
            String cardUuid = card.get("uuid").asText();
            rule = card.get("source").get("topic").get("code").asText();
            for (String name : SPEC_FEEDBACK) {
                // The documents as written name cards this service never issued: refused and counted.
                HttpResponse<String> refused = Fixture.call(server, "/cds-services/patient-view/feedback",
                        Fixture.specExample(name));
                assertEquals(400, refused.statusCode(), name);
                assertTrue(refused.body().contains("feedback[0].card is not a card this service issued"), refused.body());
            }
            assertEquals(3, Fixture.tree(Fixture.get(Fixture.base(server) + "/health", null).body())
                    .get("feedbackForUnknownCards").asInt());
            assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback",
                    onCard("feedback-accepted.json", cardUuid)).statusCode());
            assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback",
                    onCard("feedback-overridden.json", cardUuid)).statusCode());
            // Overridden with one of our reasons, and a comment (kept: the fixture's server keeps comments).
            ObjectNode f = (ObjectNode) Fixture.tree(onCard("feedback-overridden-with-reason.json", cardUuid));
            ObjectNode item = (ObjectNode) f.get("feedback").get(0);
            ((ObjectNode) item.get("overrideReason").get("reason")).put("code", "clinical-judgement")
                    .put("system", CardDesigner.OVERRIDE_SYSTEM);
            assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback", f.toString()).statusCode());
        }
        try (CdsHooksServer again = Fixture.start(data)) {
            FeedbackStore.RuleReport row = again.store().report().stream().filter(r -> r.rule().equals(rule))
                    .findFirst().orElseThrow();
            assertEquals(1, row.shown());
            assertEquals(1, row.accepted());
            assertEquals(2, row.overridden());
            assertEquals(Map.of("(none given)", 1L, "clinical-judgement", 1L), row.overrideReasons());
            assertTrue(again.store().comments().contains("A comment entered by the clinician."));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"feedback-report", "--database", "jdbc:h2:file:" + data.resolve("cds-hooks"),
                "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        JsonNode json = Fixture.tree(out.toString(StandardCharsets.UTF_8));
        boolean found = false;
        for (JsonNode r : json.get("rules")) {
            if (r.get("rule").asText().equals(rule)) {
                found = true;
                assertEquals(2, r.get("overridden").asInt());
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
    void feedback_oneUnknownCardInADocument_nothingStored(@TempDir Path data) throws Exception {
        try (CdsHooksServer server = Fixture.start(data)) {
            String issued = strainCard(server).get("uuid").asText();
            String two = "{\"feedback\":[{\"card\":\"" + issued + "\",\"outcome\":\"accepted\"},"
                    + "{\"card\":\"" + java.util.UUID.randomUUID() + "\",\"outcome\":\"accepted\"}]}";
            HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view/feedback", two);
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("feedback[1].card"), response.body());
            assertEquals(0, server.store().report().stream().mapToLong(FeedbackStore.RuleReport::accepted).sum());
        }
    }

    /** A spec-shaped feedback document about a card the service issued. */
    static String onCard(String example, String cardUuid) {
        return Fixture.specExample(example).replaceAll("\"card\"\\s*:\\s*\"[^\"]*\"", "\"card\":\"" + cardUuid + "\"");
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
