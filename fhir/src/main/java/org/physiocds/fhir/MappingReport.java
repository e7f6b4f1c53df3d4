package org.physiocds.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the mapping made of a record, for an audit trail or a user who wonders why a fact was or
 * was not taken into account. Holds resource types, counts and FHIR paths, never a patient value,
 * so it is safe to log.
 *
 * @param used          resources that gave a fact, counted by resource type
 * @param ignored       resources of types the mapping does not read (a claim, an encounter, a
 *                      medication), counted by resource type; they are skipped without being built
 * @param notUnderstood resources of a type the mapping reads whose codes it does not know (a heart
 *                      rate, a diagnosis outside the table, pain at a site the knowledge base does not
 *                      reason about), counted by resource type
 * @param notFacts      resources it reads that are not facts: entered in error, refuted, inactive or
 *                      resolved, cancelled; counted by resource type
 * @param otherPatients resources about another patient than the record's Patient, set aside unread,
 *                      counted by resource type
 * @param superseded    resources it reads that a later one of the same thing replaced (the latest
 *                      effective observation wins), one line each: the path of the one set aside, of
 *                      the one used, and what in the one set aside could not be read
 * @param notes         what the reading did to a value used, one line each with its path (a decimal
 *                      pain score rounded), and facts inferred from two resources together
 */
public record MappingReport(Map<String, Integer> used, Map<String, Integer> ignored, Map<String, Integer> notUnderstood,
        Map<String, Integer> notFacts, Map<String, Integer> otherPatients, List<String> superseded, List<String> notes) {

    public MappingReport {
        used = Collections.unmodifiableMap(new TreeMap<>(used));
        ignored = Collections.unmodifiableMap(new TreeMap<>(ignored));
        notUnderstood = Collections.unmodifiableMap(new TreeMap<>(notUnderstood));
        notFacts = Collections.unmodifiableMap(new TreeMap<>(notFacts));
        otherPatients = Collections.unmodifiableMap(new TreeMap<>(otherPatients));
        superseded = List.copyOf(superseded);
        notes = List.copyOf(notes);
    }

    /** Whether no resource gave a fact but the Patient (a record with nothing the knowledge base reads). */
    public boolean nothingRelevant() {
        return used.keySet().stream().allMatch("Patient"::equals);
    }

    /**
     * One line a person can read: {@code used Condition 2, Observation 5; ignored Claim 40;
     * codes not understood Observation 30; not facts none; other patients none; superseded 3; notes 1}.
     */
    public String summary() {
        return "used " + counts(used) + "; ignored " + counts(ignored) + "; codes not understood " + counts(notUnderstood)
                + "; not facts " + counts(notFacts) + "; other patients " + counts(otherPatients)
                + "; superseded " + superseded.size() + "; notes " + notes.size();
    }

    /**
     * The report as one JSON document, {@code {"mappingReport": {"used": {...}, "ignored": {...},
     * "notUnderstood": {...}, "notFacts": {...}, "otherPatients": {...}, "superseded": [...],
     * "notes": [...], "nothingRelevant": false}}}, on one line.
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("mappingReport");
            counts(g, "used", used);
            counts(g, "ignored", ignored);
            counts(g, "notUnderstood", notUnderstood);
            counts(g, "notFacts", notFacts);
            counts(g, "otherPatients", otherPatients);
            lines(g, "superseded", superseded);
            lines(g, "notes", notes);
            g.writeBooleanField("nothingRelevant", nothingRelevant());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e); // never happens
        }
        return out.toString();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Integer> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void lines(JsonGenerator g, String name, List<String> lines) throws IOException {
        g.writeArrayFieldStart(name);
        for (String line : lines) {
            g.writeString(line);
        }
        g.writeEndArray();
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((type, n) -> text.append(text.length() == 0 ? "" : ", ").append(type).append(' ').append(n));
        return text.toString();
    }
}
