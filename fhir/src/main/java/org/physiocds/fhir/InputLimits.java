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
 * Refuses a hostile document before anything is built from it: one streaming pass with Jackson.
 * The limits fit real exports (a longitudinal Synthea record: thousands of entries, several MB)
 * and are counted on content, never on whitespace, so that the same record pretty-printed or
 * compact is read alike: {@value #MAX_CONTENT} characters of content (names, strings, numbers and
 * literals; whitespace and punctuation between them not counted), {@value #MAX_ENTRIES} entries in a
 * Bundle, {@value #MAX_LIST_LENGTH} elements in any other list. Also tells a document that is not
 * JSON at all, or not a JSON object, from one HAPI cannot read as FHIR.
 */
final class InputLimits {

    /** Characters of content: tens of MB, the size of the largest single-patient exports. */
    static final int MAX_CONTENT = 64_000_000;
    /** Entries of one Bundle: a longitudinal record has thousands; a bulk export is not one record. */
    static final int MAX_ENTRIES = 50_000;
    /** Any other list (codings, components, items, a claim's lines...). */
    static final int MAX_LIST_LENGTH = 10_000;
    /** FHIR nests deeper than a patient document: Bundle, entry, resource, item, answer, coding... */
    static final int MAX_NESTING_DEPTH = 2 * JsonCodec.MAX_NESTING_DEPTH;
    /** A narrative or an attachment may be long; the content's own limit bounds it. */
    static final int MAX_STRING_LENGTH = MAX_CONTENT;

    static final String LIMITS = "at most " + MAX_CONTENT + " characters of content (whitespace not counted), "
            + MAX_ENTRIES + " Bundle entries, lists of at most " + MAX_LIST_LENGTH + " elements, nested at most "
            + MAX_NESTING_DEPTH + " deep, field names of at most " + JsonCodec.MAX_NAME_LENGTH
            + " characters, numbers of at most " + JsonCodec.MAX_NUMBER_LENGTH;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(-1) // counted on content below, not on whitespace
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(JsonCodec.MAX_NAME_LENGTH)
                    .maxNumberLength(JsonCodec.MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private InputLimits() {
    }

    /** The text without a leading UTF-8 byte-order mark (which some exporters write). */
    static String withoutByteOrderMark(String json) {
        return json.startsWith("\uFEFF") ? json.substring(1) : json;
    }

    /** The one problem that stops reading, or {@code null} when the document is within the limits. */
    static Problem check(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Problem("$", "a FHIR R4 resource in JSON (a Bundle), but the document is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                return new Problem("$", "a FHIR R4 resource in JSON (a Bundle): a JSON object");
            }
            long content = 0;
            Deque<int[]> arrays = new ArrayDeque<>(); // element counts and limits of the open arrays
            for (JsonToken token = first; token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
                        content += parser.getTextLength();
                    default -> content += 1;
                }
                if (content > MAX_CONTENT) {
                    return tooLarge();
                }
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    if (token == JsonToken.END_ARRAY) {
                        arrays.pop();
                    }
                    continue;
                }
                boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                var enclosing = opens ? parser.getParsingContext().getParent() : parser.getParsingContext();
                if (enclosing != null && enclosing.inArray()) {
                    int[] open = arrays.peek();
                    if (++open[0] > open[1]) {
                        return tooLarge();
                    }
                }
                if (token == JsonToken.START_ARRAY) {
                    String name = parser.getParsingContext().getParent() == null ? null
                            : parser.getParsingContext().getParent().getCurrentName();
                    arrays.push(new int[] {0, "entry".equals(name) ? MAX_ENTRIES : MAX_LIST_LENGTH});
                }
            }
        } catch (StreamConstraintsException e) {
            return tooLarge();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return new Problem("$", "well-formed JSON holding a FHIR R4 resource" + where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e); // never happens
        }
        return null;
    }

    private static Problem tooLarge() {
        return new Problem("$", "a document within the input limits (" + LIMITS + ")");
    }
}
