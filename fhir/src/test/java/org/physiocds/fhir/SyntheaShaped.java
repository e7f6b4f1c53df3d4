package org.physiocds.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Builds a longitudinal record in the shape Synthea's R4 exporter writes (see
 * {@code src/test/resources/synthea-shaped/README.md}): a transaction Bundle of {@code urn:uuid}
 * entries, one Patient, and per visit an Encounter, vital signs, a decimal pain score, a Claim and
 * an ExplanationOfBenefit. Written for the tests, in memory: no generated file is committed.
 */
final class SyntheaShaped {

    private SyntheaShaped() {
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A record of {@code visits} weekly visits ending on {@code lastVisit}, seven entries each,
     * plus the Patient; the last visit's pain score is {@code lastPain}, the others 0.5-9.5.
     */
    static String longitudinal(String name, int visits, LocalDate lastVisit, double lastPain) {
        String patient = uuid(name + "/patient");
        StringBuilder json = new StringBuilder(visits * 2_600);
        json.append("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        entry(json, patient, "Patient", "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\",\"identifier\":[{\"system\":"
                + "\"https://github.com/synthetichealth/synthea\",\"value\":\"" + patient + "\"}],\"gender\":\"male\","
                + "\"birthDate\":\"1961-03-09\"}");
        String subject = "{\"reference\":\"urn:uuid:" + patient + "\"}";
        for (int v = 0; v < visits; v++) {
            LocalDate day = lastVisit.minusWeeks(visits - 1 - v);
            String at = day + "T10:00:00-05:00";
            String enc = uuid(name + "/enc/" + v);
            json.append(',');
            entry(json, enc, "Encounter", "{\"resourceType\":\"Encounter\",\"id\":\"" + enc + "\",\"status\":\"finished\","
                    + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},"
                    + "\"subject\":" + subject + ",\"period\":{\"start\":\"" + at + "\",\"end\":\"" + at + "\"}}");
            String encRef = "{\"reference\":\"urn:uuid:" + enc + "\"}";
            double pain = v == visits - 1 ? lastPain : 0.5 + (v * 7 % 10) * 0.9 + 0.0123456789;
            observation(json, name + "/pain/" + v, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                    subject, encRef, at, pain, "{score}");
            observation(json, name + "/hr/" + v, "8867-4", "Heart rate", subject, encRef, at, 60 + v % 30, "/min");
            observation(json, name + "/rr/" + v, "9279-1", "Respiratory rate", subject, encRef, at, 12 + v % 6, "/min");
            observation(json, name + "/bmi/" + v, "39156-5", "Body Mass Index", subject, encRef, at, 27.3, "kg/m2");
            String claim = uuid(name + "/claim/" + v);
            json.append(',');
            entry(json, claim, "Claim", "{\"resourceType\":\"Claim\",\"id\":\"" + claim + "\",\"status\":\"active\",\"use\":\"claim\","
                    + "\"patient\":" + subject + ",\"created\":\"" + at + "\",\"item\":[{\"sequence\":1,\"encounter\":[" + encRef
                    + "]}],\"total\":{\"value\":129.16,\"currency\":\"USD\"}}");
            String eob = uuid(name + "/eob/" + v);
            json.append(',');
            entry(json, eob, "ExplanationOfBenefit", "{\"resourceType\":\"ExplanationOfBenefit\",\"id\":\"" + eob
                    + "\",\"status\":\"active\",\"use\":\"claim\",\"patient\":" + subject + ",\"created\":\"" + at
                    + "\",\"claim\":{\"reference\":\"urn:uuid:" + claim + "\"},\"outcome\":\"complete\"}");
        }
        return json.append("]}").toString();
    }

    private static void observation(StringBuilder json, String seed, String loinc, String display, String subject,
            String encounter, String at, double value, String unit) {
        String id = uuid(seed);
        json.append(',');
        entry(json, id, "Observation", "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\","
                + "\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc
                + "\",\"display\":\"" + display + "\"}]},\"subject\":" + subject + ",\"encounter\":" + encounter
                + ",\"effectiveDateTime\":\"" + at + "\",\"issued\":\"" + at + "\",\"valueQuantity\":{\"value\":" + value
                + ",\"unit\":\"" + unit + "\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}");
    }

    private static void entry(StringBuilder json, String id, String type, String resource) {
        json.append("{\"fullUrl\":\"urn:uuid:").append(id).append("\",\"resource\":").append(resource)
                .append(",\"request\":{\"method\":\"POST\",\"url\":\"").append(type).append("\"}}");
    }
}
