package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * order-select on orders as EHRs and Synthea code them: SNOMED CT 229070002 "Stretching exercises"
 * and 229065009 "Exercise therapy", the body site a SNOMED CT region structure, the side a SNOMED
 * CT laterality qualifier (docs/fhir-mapping.md).
 */
class StandardOrderCodesTest {

    private static final String SCT = "http://snomed.info/sct";

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

    /** A draft ServiceRequest coded in SNOMED CT only: procedure, body sites (each a concept of one code). */
    static ObjectNode snomedOrder(String id, String procedure, String... sites) {
        ObjectNode sr = Fixture.JSON.createObjectNode().put("resourceType", "ServiceRequest").put("id", id)
                .put("status", "draft").put("intent", "order");
        sr.putObject("code").putArray("coding").addObject().put("system", SCT).put("code", procedure);
        ArrayNode bodySite = sr.putArray("bodySite");
        for (String site : sites) {
            bodySite.addObject().putArray("coding").addObject().put("system", SCT).put("code", site);
        }
        return sr;
    }

    private static JsonNode cards(String record, ObjectNode... orders) {
        var response = Fixture.call(server, "/cds-services/order-select", OrderSelectTest.request(record, orders));
        assertEquals(200, response.statusCode(), response.body());
        return Fixture.tree(response.body()).get("cards");
    }

    @Test
    void snomedStretchingOrder_duringCaudaEquinaEmergency_critical() {
        JsonNode cards = cards("saddle-numbness-and-bladder-change-emergency.json",
                snomedOrder("stretching", "229070002", "37822005"),
                snomedOrder("exercise", "229065009"));
        assertEquals(2, cards.size(), cards.toString());
        for (JsonNode card : cards) {
            assertEquals("critical", card.get("indicator").asText());
        }
        assertTrue(cards.get(0).get("summary").asText().startsWith("Cancel order: Stretching exercises"), cards.toString());
        assertTrue(cards.get(1).get("summary").asText().startsWith("Cancel order: Exercise therapy"), cards.toString());
        assertEquals("ServiceRequest/exercise",
                cards.get(1).get("suggestions").get(0).get("actions").get(0).get("resourceId").asText());
    }

    @Test
    void snomedStretchOfTheLeftHip_withALeftHamstringStrain_warning_theRightHipNone() {
        // Hip region structure 29836001 covers the hamstrings; the side is a second body site (7771000 left).
        JsonNode left = cards("left-hamstring-strain-right-short-stretch-the-right.json",
                snomedOrder("stretch-left-hip", "229070002", "29836001", "7771000"));
        assertEquals(1, left.size(), left.toString());
        assertEquals("warning", left.get(0).get("indicator").asText());
        JsonNode right = cards("left-hamstring-strain-right-short-stretch-the-right.json",
                snomedOrder("stretch-right-hip", "229070002", "29836001", "24028007"));
        assertEquals(0, right.size(), right.toString());
    }

    @Test
    void unrelatedSnomedOrder_noCard() {
        assertEquals(0, cards("saddle-numbness-and-bladder-change-emergency.json",
                snomedOrder("xray", "74016001")).size()); // Knee X-ray: not exercise
    }
}
