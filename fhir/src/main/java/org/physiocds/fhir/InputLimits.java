package org.physiocds.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.physiocds.Problem;
import org.physiocds.json.JsonCodec;

/**
 * Refuses a hostile document before HAPI reads it: one streaming pass with Jackson's limits, the
 * JSON codec's, except where FHIR needs more (see {@link FhirMapping}). Also tells a document that
 * is not JSON at all, or not a JSON object, from one HAPI cannot read as FHIR.
 */
final class InputLimits {

    /** FHIR nests deeper than a patient document: Bundle, entry, resource, item, answer, coding... */
    static final int MAX_NESTING_DEPTH = 2 * JsonCodec.MAX_NESTING_DEPTH;
    /** A narrative or an attachment may be long; the document's own limit bounds it. */
    static final int MAX_STRING_LENGTH = JsonCodec.MAX_DOCUMENT_LENGTH;

    static final String LIMITS = "at most " + JsonCodec.MAX_DOCUMENT_LENGTH + " characters, nested at most "
            + MAX_NESTING_DEPTH + " deep, field names of at most " + JsonCodec.MAX_NAME_LENGTH
            + " characters, numbers of at most " + JsonCodec.MAX_NUMBER_LENGTH + ", lists of at most "
            + JsonCodec.MAX_LIST_LENGTH + " elements";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(JsonCodec.MAX_DOCUMENT_LENGTH)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(JsonCodec.MAX_NAME_LENGTH)
                    .maxNumberLength(JsonCodec.MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private InputLimits() {
    }

    /** The one problem that stops reading, or {@code null} when the document is within the limits. */
    static Problem check(String json) {
        if (json.length() > JsonCodec.MAX_DOCUMENT_LENGTH) {
            return new Problem("$", "a document within the input limits (" + LIMITS + ")");
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Problem("$", "a FHIR R4 resource in JSON (a Bundle), but the document is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                return new Problem("$", "a FHIR R4 resource in JSON (a Bundle): a JSON object");
            }
            Deque<int[]> arrays = new ArrayDeque<>(); // element counts of the open arrays
            for (JsonToken token = first; token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (token == JsonToken.END_ARRAY) {
                        arrays.pop();
                    }
                    continue;
                }
                boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                var enclosing = opens ? parser.getParsingContext().getParent() : parser.getParsingContext();
                if (enclosing != null && enclosing.inArray() && ++arrays.peek()[0] > JsonCodec.MAX_LIST_LENGTH) {
                    return new Problem("$", "a document within the input limits (" + LIMITS + ")");
                }
                if (token == JsonToken.START_ARRAY) {
                    arrays.push(new int[1]);
                }
            }
        } catch (StreamConstraintsException e) {
            return new Problem("$", "a document within the input limits (" + LIMITS + ")");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return new Problem("$", "well-formed JSON holding a FHIR R4 resource" + where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // never happens
        }
        return null;
    }
}
