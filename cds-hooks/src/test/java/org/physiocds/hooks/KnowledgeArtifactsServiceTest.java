package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiocds.fhir.FhirMapping;

/**
 * The knowledge base as FHIR knowledge artifacts, served by the real service on loopback and called
 * with a real HTTP client: the CapabilityStatement, the PlanDefinition and Library reads, and
 * {@code $apply} on every example record the project ships, which answers what
 * {@code cds evaluate --fhir FILE --output fhir} prints for the same record and date; and the
 * refusals (no token, malformed Parameters, invalid record, unknown id), after which the service
 * still answers.
 */
class KnowledgeArtifactsServiceTest {

    static final String RECORD = "examples/fhir/" + MissingPrefetchTest.RECORD;
    static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    @TempDir
    static Path data;
    static Javalin fhirServer;
    static CdsHooksServer server;
    static final List<String> fetched = new CopyOnWriteArrayList<>();

    /** A FHIR server on loopback holding one record, trusted for the test's client. */
    @BeforeAll
    static void start() {
        ObjectNode record = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve(RECORD)));
        fhirServer = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/fhir/Patient/{id}", ctx -> {
                fetched.add(ctx.header("Authorization") + " " + ctx.path());
                ctx.contentType(FHIR_JSON).result(record.get("patient").toString());
            });
            for (String key : List.of("conditions", "observations", "procedures", "questionnaireResponses")) {
                String type = Prefetch.TEMPLATES.get(key).replaceFirst("\\?.*", "");
                c.routes.get("/fhir/" + type, ctx -> {
                    fetched.add(ctx.header("Authorization") + " " + ctx.path());
                    ctx.contentType(FHIR_JSON).result(record.get(key).isNull()
                            ? "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}" : record.get(key).toString());
                });
            }
        }).start();
        server = Fixture.start(data, fhirBase());
    }

    static String fhirBase() {
        return "http://127.0.0.1:" + fhirServer.port() + "/fhir";
    }

    @AfterAll
    static void stop() {
        server.close();
        fhirServer.stop();
    }

    static Stream<Path> records() throws IOException {
        return PatientViewTest.records();
    }

    static HttpResponse<String> get(String path) {
        String url = Fixture.base(server) + path;
        return Fixture.get(url, Fixture.token(url));
    }

    static HttpResponse<String> apply(String body) {
        return Fixture.call(server, "/fhir/PlanDefinition/" + FhirMapping.PLAN_DEFINITION_ID + "/$apply", body);
    }

    /** A Parameters resource with these parameters (name, then valueString or a resource). */
    static ObjectNode parameters(Object... nameValue) {
        ObjectNode p = Fixture.JSON.createObjectNode().put("resourceType", "Parameters");
        ArrayNode list = p.putArray("parameter");
        for (int i = 0; i < nameValue.length; i += 2) {
            ObjectNode one = list.addObject().put("name", (String) nameValue[i]);
            if (nameValue[i + 1] instanceof JsonNode resource) {
                one.set("resource", resource);
            } else {
                one.put("valueString", (String) nameValue[i + 1]);
            }
        }
        return p;
    }

    static String patientId(JsonNode bundle) {
        for (JsonNode entry : bundle.get("entry")) {
            if (entry.get("resource").get("resourceType").asText().equals("Patient")) {
                return entry.get("resource").get("id").asText();
            }
        }
        throw new IllegalArgumentException("no Patient in the record");
    }

    /** What {@code cds evaluate --fhir FILE --as-of 2026-06-01 --output fhir} prints for the record. */
    static JsonNode evaluateOutputFhir(String bundle) {
        FhirMapping fhir = FhirMapping.create();
        return Fixture.tree(fhir.writeEvaluationJson(
                Fixture.ENGINE.evaluate(fhir.readPatient(bundle, Fixture.AS_OF).patient()), Fixture.AS_OF));
    }

    static void assertOutcome(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(FHIR_JSON, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("OperationOutcome", Fixture.tree(response.body()).get("resourceType").asText(), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace");
    }

    /** The expressions of every issue of an OperationOutcome. */
    static List<String> expressions(HttpResponse<String> response) {
        List<String> out = new ArrayList<>();
        Fixture.tree(response.body()).get("issue").forEach(i -> i.path("expression").forEach(e -> out.add(e.asText())));
        return out;
    }

    // ---------------------------------------------------------------- reads

    @Test
    void metadata_withoutToken_capabilityStatementNamingExactlyWhatIsServed() {
        HttpResponse<String> response = Fixture.get(Fixture.base(server) + "/fhir/metadata", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(FHIR_JSON, response.headers().firstValue("Content-Type").orElse(""));
        CapabilityStatement cs = FhirMapping.context().newJsonParser().parseResource(CapabilityStatement.class, response.body());
        assertEquals("4.0.1", cs.getFhirVersion().toCode());
        assertEquals(Fixture.base(server) + "/fhir", cs.getImplementation().getUrl());
        List<String> served = new ArrayList<>();
        cs.getRest().forEach(rest -> rest.getResource().forEach(r -> {
            r.getInteraction().forEach(i -> served.add(r.getType() + " " + i.getCode().toCode()));
            r.getOperation().forEach(o -> served.add(r.getType() + " $" + o.getName() + " " + o.getDefinition()));
        }));
        assertEquals(List.of("PlanDefinition read", "PlanDefinition $apply " + KnowledgeArtifacts.APPLY_DEFINITION,
                "Library read"), served);
    }

    @Test
    void planDefinitionAndLibrary_read_theArtifactsOfTheEngineTheServiceRuns() {
        HttpResponse<String> plan = get("/fhir/PlanDefinition/" + FhirMapping.PLAN_DEFINITION_ID);
        assertEquals(200, plan.statusCode(), plan.body());
        assertEquals(FHIR_JSON, plan.headers().firstValue("Content-Type").orElse(""));
        JsonNode pd = Fixture.tree(plan.body());
        assertEquals("PlanDefinition", pd.get("resourceType").asText());
        assertEquals(FhirMapping.PLAN_DEFINITION_ID, pd.get("id").asText());
        assertEquals(FhirMapping.planDefinitionUrl(), pd.get("url").asText());
        assertEquals(Fixture.ENGINE.knowledgeBase().version(), pd.get("version").asText());
        // What `cds knowledge --output fhir DIR` writes for the same engine.
        assertEquals(FhirMapping.create().writeJson(FhirMapping.create().planDefinition(Fixture.ENGINE)), plan.body());

        HttpResponse<String> library = get("/fhir/Library/" + FhirMapping.LIBRARY_ID);
        assertEquals(200, library.statusCode(), library.body());
        JsonNode lib = Fixture.tree(library.body());
        assertEquals("Library", lib.get("resourceType").asText());
        assertEquals(FhirMapping.LIBRARY_ID, lib.get("id").asText());
        assertEquals(Fixture.ENGINE.knowledgeBase().version(), lib.get("version").asText());
        assertEquals(FhirMapping.create().writeJson(FhirMapping.create().library(Fixture.ENGINE)), library.body());
    }

    @Test
    void unknownIds_404OperationOutcome() {
        assertOutcome(404, get("/fhir/PlanDefinition/no-such-plan"));
        assertOutcome(404, get("/fhir/Library/no-such-library"));
        String bundle = Fixture.read(Fixture.repo().resolve(RECORD));
        JsonNode record = Fixture.tree(bundle);
        HttpResponse<String> response = Fixture.call(server, "/fhir/PlanDefinition/no-such-plan/$apply",
                parameters("subject", "Patient/" + patientId(record), "data", record).toString());
        assertOutcome(404, response);
        assertEquals("not-found", Fixture.tree(response.body()).get("issue").get(0).get("code").asText());
    }

    @Test
    void reads_andApply_withoutOrWithBadToken_401() {
        String plan = Fixture.base(server) + "/fhir/PlanDefinition/" + FhirMapping.PLAN_DEFINITION_ID;
        for (HttpResponse<String> response : List.of(Fixture.get(plan, null),
                Fixture.get(Fixture.base(server) + "/fhir/Library/" + FhirMapping.LIBRARY_ID, null),
                Fixture.post(plan + "/$apply", null, parameters("subject", "Patient/x").toString()),
                // A token for another endpoint (the discovery document) is not a token for $apply.
                Fixture.post(plan + "/$apply", Fixture.token(Fixture.base(server) + "/cds-services"),
                        parameters("subject", "Patient/x").toString()))) {
            SecurityTest.assertRefused(401, response);
        }
    }

    @Test
    void wrongMethod_405WithAllow() {
        HttpResponse<String> response = get("/fhir/PlanDefinition/" + FhirMapping.PLAN_DEFINITION_ID + "/$apply");
        assertOutcome(405, response);
        assertTrue(response.headers().firstValue("Allow").orElse("").startsWith("POST"));
    }

    @Test
    void discovery_eachServicePointsToThePlanDefinition_readableByItsId() {
        JsonNode services = Fixture.tree(get("/cds-services").body()).get("services");
        assertEquals(2, services.size());
        for (JsonNode service : services) {
            String canonical = service.path("extension").path(CdsHooksServer.PLAN_DEFINITION_EXTENSION).asText();
            assertEquals(FhirMapping.planDefinitionUrl(), canonical, service.toString());
            String id = canonical.substring(canonical.lastIndexOf('/') + 1);
            assertEquals(canonical, Fixture.tree(get("/fhir/PlanDefinition/" + id).body()).get("url").asText());
        }
    }

    // ---------------------------------------------------------------- $apply

    @ParameterizedTest
    @MethodSource("records")
    void apply_exampleRecord_answersWhatEvaluateOutputFhirPrints(Path file) {
        String bundle = Fixture.read(file);
        JsonNode record = Fixture.tree(bundle);
        String id = patientId(record);
        HttpResponse<String> response = apply(parameters("subject", "Patient/" + id, "data", record,
                "encounter", "Encounter/visit-1", "practitioner", "Practitioner/physio-1").toString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(FHIR_JSON, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode answer = Fixture.tree(response.body());
        assertEquals(evaluateOutputFhir(bundle), answer, file.getFileName().toString());
        JsonNode plan = answer.get("entry").get(0).get("resource");
        assertEquals("RequestGroup", plan.get("resourceType").asText());
        assertEquals("Patient/" + id, plan.get("subject").get("reference").asText());
        assertEquals(FhirMapping.planDefinitionUrl(), plan.get("instantiatesCanonical").get(0).asText().replaceFirst("\\|.*", ""));
    }

    @Test
    void apply_recordFromTheClientsTrustedFhirServer_sameAnswerAsTheRecordGiven() {
        String bundle = Fixture.read(Fixture.repo().resolve(RECORD));
        String id = patientId(Fixture.tree(bundle));
        ObjectNode endpoint = Fixture.JSON.createObjectNode().put("resourceType", "Endpoint").put("status", "active")
                .put("address", fhirBase());
        endpoint.putArray("header").add("Authorization: Bearer fhir-token");
        HttpResponse<String> response = apply(parameters("subject", "Patient/" + id, "dataEndpoint", endpoint).toString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(evaluateOutputFhir(bundle), Fixture.tree(response.body()));
        assertTrue(fetched.contains("Bearer fhir-token /fhir/Patient/" + id), fetched.toString());
        assertTrue(fetched.contains("Bearer fhir-token /fhir/Condition"), fetched.toString());
    }

    @Test
    void apply_untrustedFhirServer_412_neverContacted() {
        ObjectNode endpoint = Fixture.JSON.createObjectNode().put("resourceType", "Endpoint")
                .put("address", "http://127.0.0.1:9/fhir");
        endpoint.putArray("header").add("Authorization: Bearer fhir-token");
        assertOutcome(412, apply(parameters("subject", "Patient/x", "dataEndpoint", endpoint).toString()));
    }

    @Test
    void apply_malformedParameters_400NamingThePath_thenStillServing() {
        String bundle = Fixture.read(Fixture.repo().resolve(RECORD));
        JsonNode record = Fixture.tree(bundle);
        String id = patientId(record);
        ObjectNode notABundle = Fixture.JSON.createObjectNode().put("resourceType", "Patient").put("id", id);
        ObjectNode otherPatient = parameters("subject", "Patient/someone-else", "data", record);
        List<Object[]> cases = List.of(
                new Object[] {"{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", List.of("Parameters")},
                new Object[] {"{\"resourceType\":\"Parameters\"}", List.of("Parameters.parameter")},
                new Object[] {parameters("data", record).toString(), List.of("Parameters.parameter")},
                new Object[] {parameters("subject", "Patient/" + id, "data", notABundle).toString(),
                        List.of("Parameters.parameter[1].resource")},
                new Object[] {parameters("subject", id, "data", record).toString(), List.of("Parameters.parameter[0].valueString")},
                new Object[] {parameters("subject", "Patient/" + id).toString(), List.of("Parameters.parameter")},
                new Object[] {otherPatient.toString(), List.of("Parameters.parameter[0].valueString",
                        "Parameters.parameter[1].resource.entry[0].resource.id")});
        for (Object[] c : cases) {
            HttpResponse<String> response = apply((String) c[0]);
            assertOutcome(400, response);
            assertEquals(c[1], expressions(response), response.body());
            assertFalse(response.body().contains(id) || response.body().contains("someone-else"), "no patient data: " + response.body());
        }
        HttpResponse<String> notJson = apply("subject=Patient/" + id);
        assertOutcome(400, notJson);
        assertFalse(notJson.body().contains(id));
        assertEquals(200, apply(parameters("subject", "Patient/" + id, "data", record).toString()).statusCode());
    }

    @Test
    void apply_invalidRecord_422NamingEveryBadFieldByItsPathInTheParameters_thenStillServing() {
        String bundle = Fixture.read(Fixture.repo().resolve(RECORD));
        ObjectNode record = (ObjectNode) Fixture.tree(bundle);
        String id = patientId(record);
        // The Patient born in 1850 (entry 0), the pain intensity 14 on a scale of 0 to 10 (entry 2).
        ArrayNode entries = (ArrayNode) record.get("entry");
        ((ObjectNode) entries.get(0).get("resource")).put("birthDate", "1850-01-01");
        ((ObjectNode) entries.get(2).get("resource").get("valueQuantity")).put("value", 14);
        HttpResponse<String> response = apply(parameters("subject", "Patient/" + id, "data", record).toString());
        assertOutcome(422, response);
        List<String> paths = expressions(response);
        assertEquals(List.of("Parameters.parameter[1].resource.entry[0].resource.birthDate",
                "Parameters.parameter[1].resource.entry[2].resource.valueQuantity.value"), paths, response.body());
        assertFalse(response.body().contains("1850") || response.body().contains(id), "no patient data: " + response.body());
        assertEquals(200, apply(parameters("subject", "Patient/" + id, "data", Fixture.tree(bundle)).toString()).statusCode());
    }
}
