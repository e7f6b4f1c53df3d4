package org.physiocds.fhir;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the mapping made of a record, for an audit trail or a user who wonders why a fact was or
 * was not taken into account. Holds resource types, counts and FHIR paths, never a patient value,
 * so it is safe to log.
 *
 * @param used       resources that gave a fact, counted by resource type
 * @param ignored    resources the mapping does not read (a medication, an encounter, an
 *                   observation with a code it does not know), counted by resource type
 * @param notFacts   resources of a kind it reads that are not facts: entered in error, refuted,
 *                   inactive or resolved, cancelled; counted by resource type
 * @param superseded resources it reads that a later one of the same thing replaced (the latest
 *                   effective observation wins), one line each: the path of the one set aside and
 *                   of the one used
 */
public record MappingReport(Map<String, Integer> used, Map<String, Integer> ignored, Map<String, Integer> notFacts,
        List<String> superseded) {

    public MappingReport {
        used = Collections.unmodifiableMap(new TreeMap<>(used));
        ignored = Collections.unmodifiableMap(new TreeMap<>(ignored));
        notFacts = Collections.unmodifiableMap(new TreeMap<>(notFacts));
        superseded = List.copyOf(superseded);
    }

    /** One line a person can read: {@code used Condition 2, Observation 5; ignored Encounter 1; ...}. */
    public String summary() {
        return "used " + counts(used) + "; ignored " + counts(ignored) + "; not facts " + counts(notFacts)
                + "; superseded " + superseded.size();
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
