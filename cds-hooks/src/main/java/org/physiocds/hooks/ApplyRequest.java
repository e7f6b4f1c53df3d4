package org.physiocds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of {@code POST /fhir/PlanDefinition/{id}/$apply}: a FHIR Parameters resource, read from
 * the tree Jackson parsed (nothing of it is echoed in an error). Of the operation's parameters it
 * reads {@code subject} (required, one, {@code valueString} {@code Patient/<id>}), {@code data} (a
 * Bundle of the patient's record) and {@code dataEndpoint} (the Clinical Practice Guidelines IG's
 * Endpoint of the client's FHIR server: {@code address} and a {@code header}
 * {@code Authorization: Bearer <token>}), exactly one of the last two; every other parameter
 * ({@code encounter}, {@code practitioner}, {@code setting}...) is accepted and ignored. Each
 * refusal is a 400 whose issue names the path ({@code Parameters.parameter[1].resource}).
 *
 * @param patientId the subject's id
 * @param subjectPath where the subject was given
 * @param data the record, or null (then {@code endpoint})
 * @param dataPath where the record was given ({@code Parameters.parameter[1].resource}), or null
 * @param endpoint the FHIR server to fetch the record from, or null (then {@code data})
 */
record ApplyRequest(String patientId, String subjectPath, ObjectNode data, String dataPath, DataEndpoint endpoint) {

    /** The FHIR server the record is fetched from, and the bearer token the client lends for it. */
    record DataEndpoint(String address, String accessToken) {
    }

    private static final Pattern SUBJECT = Pattern.compile("Patient/([A-Za-z0-9\\-.]{1,64})");
    /** A reference to a Patient: {@code Patient/x}, or an absolute URL ending so (a version aside). */
    private static final Pattern PATIENT_REFERENCE = Pattern.compile("(?:^|/)Patient/([^/]+)(?:/_history/[^/]+)?$");

    static ApplyRequest parse(JsonNode body) {
        if (!(body instanceof ObjectNode) || !"Parameters".equals(body.path("resourceType").asText(null))) {
            throw invalid("the body must be a FHIR Parameters resource (resourceType Parameters)", "Parameters");
        }
        JsonNode parameters = body.get("parameter");
        if (parameters == null || !parameters.isArray()) {
            throw required("Parameters.parameter: an array of parameters, subject among them", "Parameters.parameter");
        }
        String patientId = null;
        String subjectPath = null;
        ObjectNode data = null;
        String dataPath = null;
        DataEndpoint endpoint = null;
        String endpointPath = null;
        for (int i = 0; i < parameters.size(); i++) {
            String at = "Parameters.parameter[" + i + "]";
            JsonNode p = parameters.get(i);
            if (!p.isObject() || !p.path("name").isTextual()) {
                throw invalid("each parameter is an object with a name", at + ".name");
            }
            switch (p.get("name").asText()) {
                case "subject" -> {
                    if (subjectPath != null) {
                        throw invalid("one subject per call (this one and " + subjectPath + ")", at);
                    }
                    Matcher m = SUBJECT.matcher(p.path("valueString").asText(""));
                    if (!p.path("valueString").isTextual() || !m.matches()) {
                        throw invalid("subject must be a valueString Patient/<id>, the id a FHIR id", at + ".valueString");
                    }
                    patientId = m.group(1);
                    subjectPath = at + ".valueString";
                }
                case "data" -> {
                    if (dataPath != null) {
                        throw invalid("one data Bundle per call (this one and " + dataPath + ")", at);
                    }
                    JsonNode resource = p.get("resource");
                    if (!(resource instanceof ObjectNode object) || !"Bundle".equals(resource.path("resourceType").asText(null))) {
                        throw invalid("data must be a resource of type Bundle: the patient's record", at + ".resource");
                    }
                    data = object;
                    dataPath = at + ".resource";
                }
                case "dataEndpoint" -> {
                    if (endpointPath != null) {
                        throw invalid("one dataEndpoint per call (this one and " + endpointPath + ")", at);
                    }
                    endpointPath = at + ".resource";
                    endpoint = endpoint(p.get("resource"), endpointPath);
                }
                default -> {
                    // encounter, practitioner, organization, userType, setting...: nothing here depends on them.
                }
            }
        }
        if (patientId == null) {
            throw required("the subject parameter is required: a valueString Patient/<id>", "Parameters.parameter");
        }
        if (data != null && endpoint != null) {
            throw invalid("give data or dataEndpoint, not both", dataPath, endpointPath);
        }
        if (data == null && endpoint == null) {
            throw required("the record is required: a data parameter (a Bundle of the patient's record), or a"
                    + " dataEndpoint naming the client's FHIR server", "Parameters.parameter");
        }
        if (data != null) {
            otherPatient(data, patientId, dataPath, subjectPath);
        }
        return new ApplyRequest(patientId, subjectPath, data, dataPath, endpoint);
    }

    /** An Endpoint: its {@code address}, and its {@code header} {@code Authorization: Bearer <token>}. */
    private static DataEndpoint endpoint(JsonNode resource, String at) {
        if (resource == null || !"Endpoint".equals(resource.path("resourceType").asText(null))) {
            throw invalid("dataEndpoint must be a resource of type Endpoint", at);
        }
        String address = resource.path("address").asText(null);
        if (address == null || !address.matches("https?://[^\\s?#]+")) {
            throw invalid("the Endpoint's address must be the http(s) base URL of the FHIR server", at + ".address");
        }
        JsonNode headers = resource.path("header");
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).asText("");
            if (header.regionMatches(true, 0, "Authorization: Bearer ", 0, 22) && header.length() > 22) {
                return new DataEndpoint(address, header.substring(22).trim());
            }
        }
        throw required("the Endpoint needs a header 'Authorization: Bearer <token>' for the FHIR server", at + ".header");
    }

    /**
     * Refuses a record about another patient than the subject: a Patient whose id differs, or a
     * resource whose {@code subject} or {@code patient} refers to another Patient (the path names
     * the first; the value is never quoted).
     */
    private static void otherPatient(ObjectNode bundle, String patientId, String dataPath, String subjectPath) {
        JsonNode entries = bundle.path("entry");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < entries.size() && others.isEmpty(); i++) {
            String at = dataPath + ".entry[" + i + "].resource";
            JsonNode resource = entries.get(i).path("resource");
            if ("Patient".equals(resource.path("resourceType").asText(null))) {
                if (resource.path("id").isTextual() && !resource.get("id").asText().equals(patientId)) {
                    others.add(at + ".id");
                }
                continue;
            }
            for (String field : List.of("subject", "patient")) {
                Matcher m = PATIENT_REFERENCE.matcher(resource.path(field).path("reference").asText(""));
                if (m.find() && !m.group(1).equals(patientId)) {
                    others.add(at + "." + field + ".reference");
                }
            }
        }
        if (!others.isEmpty()) {
            throw invalid("the data is about another patient than the subject", subjectPath, others.get(0));
        }
    }

    private static HttpError invalid(String message, String... expression) {
        return new HttpError(400, "invalid", message, List.of(expression));
    }

    private static HttpError required(String message, String... expression) {
        return new HttpError(400, "required", message, List.of(expression));
    }
}
