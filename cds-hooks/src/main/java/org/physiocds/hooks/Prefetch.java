package org.physiocds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.physiocds.fhir.FhirMapping;

/**
 * The prefetch the services ask for, and how a missing key is had: a key whose value is JSON
 * {@code null} means "no such data"; a key that is absent is fetched from the client's FHIR server
 * with its bearer token, only when the request names {@code fhirServer} and
 * {@code fhirAuthorization} and that server is listed for the client in the trusted-clients file.
 * Otherwise the answer is 412. {@code $apply} fetches a record under the same rules
 * ({@link #fetch}).
 */
final class Prefetch {

    /** What the FHIR mapping reads (docs/fhir-mapping.md), as prefetch templates. */
    static final Map<String, String> TEMPLATES;

    static {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("patient", "Patient/{{context.patientId}}");
        t.put("conditions", "Condition?patient={{context.patientId}}");
        t.put("observations", "Observation?patient={{context.patientId}}");
        t.put("procedures", "Procedure?patient={{context.patientId}}");
        t.put("questionnaireResponses", "QuestionnaireResponse?patient={{context.patientId}}");
        TEMPLATES = java.util.Collections.unmodifiableMap(t);
    }

    /** A FHIR id: what {@code context.patientId} must be before it goes into a URL. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private Prefetch() {
    }

    /** The FHIR context the clients are made from: short timeouts, no metadata call first. */
    private static final class Clients {
        static final FhirContext FHIR = FhirContext.forR4();

        static {
            FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
            FHIR.getRestfulClientFactory().setConnectTimeout(2_000);
            FHIR.getRestfulClientFactory().setSocketTimeout(5_000);
        }
    }

    /**
     * The resources of every key, fetched where missing.
     *
     * @param caller the verified client (null in --dev: nothing is fetched)
     */
    static List<IBaseResource> resolve(Wire.HookRequest request, TokenVerifier.Caller caller) {
        FhirContext fhir = FhirMapping.context();
        String patientId = request.context() == null ? null : request.context().path("patientId").asText(null);
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw new HttpError(400, "invalid", "context.patientId is required and must be a FHIR id");
        }
        List<IBaseResource> resources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : TEMPLATES.keySet()) {
            JsonNode value = request.prefetch() == null ? null : request.prefetch().get(key);
            if (value == null) {
                missing.add(key);
            } else if (!value.isNull()) {
                resources.add(parse(fhir, value, key));
            }
        }
        if (!missing.isEmpty()) {
            String keys = String.join(", ", missing);
            if (request.fhirServer() == null || request.fhirAuthorization() == null
                    || request.fhirAuthorization().access_token() == null) {
                throw new HttpError(412, "not-found", "prefetch missing (" + keys + ") and no fhirServer with fhirAuthorization");
            }
            resources.addAll(fetch(request.fhirServer(), request.fhirAuthorization().access_token(), patientId, caller,
                    missing, "prefetch missing (" + keys + ") and fhirServer"));
        }
        return resources;
    }

    /**
     * The keys' data about the patient, fetched from the client's FHIR server with the bearer token
     * the client lent, only when that server is listed for the client in the trusted-clients file
     * (never in --dev, where there is no client); otherwise 412, as when any fetch fails.
     *
     * @param patientId a FHIR id (checked here too: it goes into URLs)
     * @param what how the refusal names the server, e.g. {@code prefetch missing (patient) and fhirServer}
     */
    static List<IBaseResource> fetch(String fhirServer, String accessToken, String patientId,
            TokenVerifier.Caller caller, List<String> keys, String what) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw new HttpError(400, "invalid", "the patient id must be a FHIR id");
        }
        String server = TrustedClients.trimSlash(fhirServer);
        if (caller == null || !caller.client().fhirServers().contains(server)) {
            throw new HttpError(412, "not-found", what + " is not a FHIR server trusted for this client");
        }
        IGenericClient client = Clients.FHIR.newRestfulGenericClient(server);
        client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
        List<IBaseResource> resources = new ArrayList<>();
        for (String key : keys) {
            String query = TEMPLATES.get(key).replace("{{context.patientId}}", patientId);
            try {
                if (key.equals("patient")) {
                    resources.add(client.read().resource("Patient").withId(patientId).execute());
                } else {
                    resources.add(client.search().byUrl(query).returnBundle(Bundle.class).execute());
                }
            } catch (RuntimeException e) {
                // HAPI's message may quote the server's answer: not passed on.
                throw new HttpError(412, "not-found", "'" + key + "' could not be fetched from the FHIR server");
            }
        }
        return resources;
    }

    /** Draft orders of order-select: {@code context.draftOrders}, a Bundle. */
    static Bundle draftOrders(Wire.HookRequest request) {
        JsonNode orders = request.context() == null ? null : request.context().get("draftOrders");
        if (orders == null || orders.isNull()) {
            throw new HttpError(400, "invalid", "context.draftOrders is required for order-select");
        }
        IBaseResource parsed = parse(FhirMapping.context(), orders, "context.draftOrders");
        if (!(parsed instanceof Bundle bundle)) {
            throw new HttpError(400, "invalid", "context.draftOrders must be a Bundle");
        }
        return bundle;
    }

    /**
     * order-select's {@code context.selections}: the references ({@code ServiceRequest/id}) of the draft
     * orders the clinician selected, the ones the service answers about.
     */
    static List<String> selections(Wire.HookRequest request) {
        JsonNode selections = request.context() == null ? null : request.context().get("selections");
        if (selections == null || !selections.isArray()) {
            throw new HttpError(400, "invalid", "context.selections is required for order-select: an array of references");
        }
        List<String> out = new ArrayList<>(selections.size());
        for (int i = 0; i < selections.size(); i++) {
            if (!selections.get(i).isTextual()) {
                throw new HttpError(400, "invalid", "context.selections[" + i + "] must be a reference (ServiceRequest/id)");
            }
            out.add(selections.get(i).asText());
        }
        return out;
    }

    /**
     * HAPI reads the resource from the tree Jackson already parsed from the request body (no second
     * parse of the text).
     */
    private static IBaseResource parse(FhirContext fhir, JsonNode value, String key) {
        if (!(value instanceof ObjectNode object)) {
            throw new HttpError(400, "invalid", "'" + key + "' is not a FHIR R4 resource");
        }
        try {
            JacksonStructure tree = new JacksonStructure();
            tree.setNativeObject(object);
            IJsonLikeParser parser = (IJsonLikeParser) fhir.newJsonParser()
                    .setParserErrorHandler(new ca.uhn.fhir.parser.ErrorHandlerAdapter());
            return parser.parseResource(tree);
        } catch (RuntimeException e) {
            throw new HttpError(400, "invalid", "'" + key + "' is not a FHIR R4 resource");
        }
    }
}
