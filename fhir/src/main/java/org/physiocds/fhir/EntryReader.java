package org.physiocds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.physiocds.Problem;

/**
 * Picks a record's entries out of its JSON one at a time (Jackson streaming), and builds with HAPI
 * only the resources of the types the mapping reads; every other entry is counted by its
 * {@code resourceType} and dropped without being built. A Synthea record is mostly claims,
 * explanations of benefit, encounters and vital signs: none of them is parsed.
 */
final class EntryReader {

    /** The resource types the mapping reads (a Bundle in a Bundle stands for its entries). */
    static final Set<String> READ = Set.of("Patient", "Condition", "Observation", "Procedure", "QuestionnaireResponse");

    private static final ObjectMapper MAPPER = new ObjectMapper(InputLimits.FACTORY);

    private final FhirContext context;
    private final IParser parser;
    private final List<RecordReader.Located> into;
    private final Map<String, Integer> ignored;
    private final List<Problem> problems;

    EntryReader(FhirContext context, IParser parser, List<RecordReader.Located> into, Map<String, Integer> ignored,
            List<Problem> problems) {
        this.context = context;
        this.parser = parser;
        this.into = into;
        this.ignored = ignored;
        this.problems = problems;
    }

    /** Reads a document {@link InputLimits#check} accepted: a Bundle streamed, or one resource. */
    void read(String json) {
        String rootType = rootType(json);
        if (!"Bundle".equals(rootType)) {
            JsonNode node = tree(json);
            if (rootType == null || !context.getResourceTypes().contains(rootType)) {
                problems.add(notFhir());
                return;
            }
            resource(node, rootType, null);
            return;
        }
        try (JsonParser p = InputLimits.FACTORY.createParser(json)) {
            p.setCodec(MAPPER);
            p.nextToken(); // the root object
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("entry".equals(field) && value == JsonToken.START_ARRAY) {
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        entry(p.readValueAsTree(), "Bundle.entry[" + i++ + "]");
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // checked by InputLimits: never happens
        }
    }

    private void entry(JsonNode entry, String path) {
        JsonNode resource = entry == null ? null : entry.get("resource");
        if (resource == null || !resource.isObject()) {
            return; // a DELETE in a transaction, a search's outcome without a resource...
        }
        String fullUrl = entry.path("fullUrl").isTextual() ? entry.get("fullUrl").asText() : null;
        String type = resource.path("resourceType").isTextual() ? resource.get("resourceType").asText() : null;
        if (type == null || !context.getResourceTypes().contains(type)) {
            problems.add(new Problem(path + ".resource.resourceType", "a resource type of FHIR R4"));
            return;
        }
        if (type.equals("Bundle")) {
            JsonNode entries = resource.path("entry");
            for (int i = 0; i < entries.size(); i++) {
                entry(entries.get(i), path + ".resource.entry[" + i + "]");
            }
            return;
        }
        resource(resource, type, fullUrl, path + ".resource");
    }

    private void resource(JsonNode node, String type, String fullUrl) {
        resource(node, type, fullUrl, type);
    }

    private void resource(JsonNode node, String type, String fullUrl, String path) {
        if (!READ.contains(type)) {
            ignored.merge(type, 1, Integer::sum);
            return;
        }
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(node.toString());
        } catch (DataFormatException | ClassCastException | IllegalArgumentException | IllegalStateException e) {
            // HAPI's messages may quote the record: never passed on.
            problems.add(new Problem(path, "a " + type + " resource HAPI can read as FHIR R4"));
            return;
        }
        into.add(new RecordReader.Located(parsed, path, fullUrl));
    }

    /** The root's resourceType, read without building anything, or {@code null}. */
    private static String rootType(String json) {
        try (JsonParser p = InputLimits.FACTORY.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("resourceType".equals(field) && value == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // checked by InputLimits: never happens
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // checked by InputLimits: never happens
        }
    }

    static Problem notFhir() {
        return new Problem("$", "a FHIR R4 resource in JSON, with a resourceType HAPI knows (a Bundle of the patient's resources)");
    }
}
