package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prefetch key that is absent is fetched from the client's FHIR server (a fake one on loopback,
 * trusted for the client) with the bearer token; when it cannot be had, 412. No test reaches any
 * address but loopback.
 */
class MissingPrefetchTest {

    static final String RECORD = "left-hamstring-strain-right-short-stretch-the-right.json";
    @TempDir
    static Path data;
    static Javalin fhir;
    static CdsHooksServer server;
    static ObjectNode full;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        full = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve("examples/fhir/" + RECORD)));
        fhir = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/fhir/Patient/{id}", ctx -> {
                seen.add(ctx.header("Authorization") + " " + ctx.path());
                if (!"Bearer fhir-token".equals(ctx.header("Authorization"))) {
                    ctx.status(401);
                    return;
                }
                ctx.contentType("application/fhir+json").result(full.get("patient").toString());
            });
            c.routes.get("/fhir/Condition", ctx -> {
                seen.add(ctx.header("Authorization") + " " + ctx.path() + "?" + ctx.queryString());
                ctx.contentType("application/fhir+json").result(full.get("conditions").toString());
            });
        }).start();
        server = Fixture.start(data, fhirBase());
    }

    static String fhirBase() {
        return "http://127.0.0.1:" + fhir.port() + "/fhir";
    }

    @AfterAll
    static void stop() {
        server.close();
        fhir.stop();
    }

    static String request(String fhirServer, String accessToken, String... absent) {
        ObjectNode prefetch = full.deepCopy();
        for (String key : absent) {
            prefetch.remove(key);
        }
        ObjectNode request = (ObjectNode) Fixture.tree(Fixture.patientView(Fixture.patientIdOf(full), prefetch));
        if (fhirServer != null) {
            request.put("fhirServer", fhirServer);
            request.putObject("fhirAuthorization").put("access_token", accessToken).put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "user/Patient.read").put("subject", "cds-service");
        }
        return request.toString();
    }

    @Test
    void missingKeys_fetchedFromTrustedLoopbackServer_sameCardsAsPrefetched() {
        JsonNode prefetched = Fixture.tree(Fixture.call(server, "/cds-services/patient-view", request(null, null)).body());
        HttpResponse<String> fetched = Fixture.call(server, "/cds-services/patient-view",
                request(fhirBase(), "fhir-token", "patient", "conditions"));
        assertEquals(200, fetched.statusCode(), fetched.body());
        List<String> a = indicators(prefetched);
        assertEquals(a, indicators(Fixture.tree(fetched.body())));
        assertTrue(seen.contains("Bearer fhir-token /fhir/Patient/" + Fixture.patientIdOf(full)), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("Bearer fhir-token /fhir/Condition?patient=")), seen.toString());
    }

    @Test
    void missingKey_noFhirServer_412() {
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view", request(null, null, "observations"));
        assertEquals(412, response.statusCode());
        assertTrue(response.body().contains("OperationOutcome"));
    }

    @Test
    void missingKey_untrustedFhirServer_412WithoutCallingIt() {
        // The example names a FHIR server that is not trusted: it is never contacted.
        ObjectNode spec = (ObjectNode) Fixture.tree(Fixture.specExample("patient-view-request.json"));
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view", spec.toString());
        assertEquals(412, response.statusCode(), response.body());
    }

    @Test
    void missingKey_serverRefusesToken_412() {
        HttpResponse<String> response = Fixture.call(server, "/cds-services/patient-view",
                request(fhirBase(), "wrong-token", "patient"));
        assertEquals(412, response.statusCode(), response.body());
    }

    static List<String> indicators(JsonNode response) {
        List<String> out = new java.util.ArrayList<>();
        response.get("cards").forEach(c -> out.add(c.get("indicator").asText() + ":" + c.get("summary").asText()));
        return out;
    }
}
