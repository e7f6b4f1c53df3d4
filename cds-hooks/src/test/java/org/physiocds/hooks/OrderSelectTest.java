package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** order-select: an exercise order the plan advises against gets a card suggesting its deletion. */
class OrderSelectTest {

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

    /** A draft ServiceRequest: action code, target, laterality (SNOMED CT; null: none). */
    static ObjectNode order(String id, String action, String target, String laterality) {
        ObjectNode sr = Fixture.JSON.createObjectNode().put("resourceType", "ServiceRequest").put("id", id)
                .put("status", "draft").put("intent", "proposal");
        sr.putObject("code").putArray("coding").addObject().put("system", OrderCheck.CS_ACTION).put("code", action);
        ObjectNode site = sr.putArray("bodySite").addObject();
        site.putArray("coding").addObject().put("system", OrderCheck.CS_TARGET).put("code", target);
        if (laterality != null) {
            site.putArray("extension").addObject().put("url", OrderCheck.EXT_LATERALITY).putObject("valueCodeableConcept")
                    .putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", laterality);
        }
        return sr;
    }

    /** Every order selected. */
    static String request(String record, ObjectNode... orders) {
        return request(record, java.util.Arrays.stream(orders).map(o -> o.get("id").asText()).toList(), orders);
    }

    static String request(String record, java.util.List<String> selected, ObjectNode... orders) {
        String bundle = Fixture.read(Fixture.repo().resolve("examples/fhir/" + record));
        ObjectNode prefetch = Fixture.prefetchFrom(bundle);
        ObjectNode request = Fixture.JSON.createObjectNode().put("hookInstance", UUID.randomUUID().toString())
                .put("hook", "order-select");
        ObjectNode context = request.putObject("context").put("userId", "Practitioner/example")
                .put("patientId", Fixture.patientIdOf(prefetch));
        ArrayNode selections = context.putArray("selections");
        ObjectNode drafts = context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = drafts.putArray("entry");
        for (ObjectNode o : orders) {
            entries.addObject().set("resource", o);
        }
        selected.forEach(id -> selections.add("ServiceRequest/" + id));
        request.set("prefetch", prefetch);
        return request.toString();
    }

    @Test
    void orderSelect_stretchOfTheStrainedHamstring_warningSuggestingDelete() {
        HttpResponse<String> response = Fixture.call(server, "/cds-services/order-select", request(
                "left-hamstring-strain-right-short-stretch-the-right.json",
                order("stretch-left", "STRETCH", "HAMSTRINGS", "7771000"),
                order("stretch-right", "STRETCH", "HAMSTRINGS", "24028007")));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode cards = Fixture.tree(response.body()).get("cards");
        assertEquals(1, cards.size(), cards.toString());
        JsonNode card = cards.get(0);
        assertEquals("warning", card.get("indicator").asText());
        assertTrue(card.get("summary").asText().contains("left hamstrings"), card.get("summary").asText());
        assertEquals("at-most-one", card.get("selectionBehavior").asText());
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertEquals("delete", action.get("type").asText());
        assertEquals("ServiceRequest/stretch-left", action.get("resourceId").asText());
        assertTrue(card.get("suggestions").get(0).has("uuid"));
    }

    @Test
    void orderSelect_anyExerciseUnderEmergencyReferral_critical() {
        JsonNode cards = Fixture.tree(Fixture.call(server, "/cds-services/order-select", request(
                "saddle-numbness-and-bladder-change-emergency.json",
                order("strengthen", "STRENGTHEN", "TRANSVERSE_ABDOMINIS", null))).body()).get("cards");
        assertEquals(1, cards.size());
        assertEquals("critical", cards.get(0).get("indicator").asText());
        assertEquals("ServiceRequest/strengthen",
                cards.get(0).get("suggestions").get(0).get("actions").get(0).get("resourceId").asText());
    }

    @Test
    void orderSelect_answersAboutTheSelectedOrdersOnly() {
        ObjectNode left = order("stretch-left", "STRETCH", "HAMSTRINGS", "7771000");
        ObjectNode right = order("stretch-right", "STRETCH", "HAMSTRINGS", "24028007");
        String record = "left-hamstring-strain-right-short-stretch-the-right.json";
        // The clinician selects the harmless right stretch; the left one is only a draft beside it.
        assertEquals("{\"cards\":[]}", Fixture.call(server, "/cds-services/order-select",
                request(record, java.util.List.of("stretch-right"), left, right)).body());
        JsonNode cards = Fixture.tree(Fixture.call(server, "/cds-services/order-select",
                request(record, java.util.List.of("stretch-left"), left, right)).body()).get("cards");
        assertEquals(1, cards.size());
        assertEquals("ServiceRequest/stretch-left",
                cards.get(0).get("suggestions").get(0).get("actions").get(0).get("resourceId").asText());
    }

    @Test
    void orderSelect_withoutSelections_400() {
        ObjectNode request = (ObjectNode) Fixture.tree(request("left-hamstring-strain-right-short-stretch-the-right.json",
                order("stretch-left", "STRETCH", "HAMSTRINGS", "7771000")));
        ((ObjectNode) request.get("context")).remove("selections");
        HttpResponse<String> response = Fixture.call(server, "/cds-services/order-select", request.toString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("context.selections"), response.body());
    }

    @Test
    void orderSelect_harmlessOrder_noCards() {
        HttpResponse<String> response = Fixture.call(server, "/cds-services/order-select", request(
                "left-hamstring-strain-right-short-stretch-the-right.json",
                order("stretch-right", "STRETCH", "HAMSTRINGS", "24028007")));
        assertEquals("{\"cards\":[]}", response.body());
    }
}
