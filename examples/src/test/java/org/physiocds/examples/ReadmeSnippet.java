package org.physiocds.examples;

import java.time.Clock;
import java.time.LocalDate;
import org.physiocds.CdsEngine;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Recommendation;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.fhir.PatientRecord;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Injury;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Region;
import org.physiocds.model.StretchingHistory;
import org.slf4j.Logger;

/**
 * The README's Java code blocks, in order, each between a {@code README begin} and a
 * {@code README end} comment, so that they compile and run. {@link ReadmeSnippetTest} fails when
 * the README and this class differ.
 */
final class ReadmeSnippet {

    private ReadmeSnippet() {
    }

    static void quickStart() {
        // README begin
        CdsEngine engine = CdsEngine.builder().build();        // once, at start-up; thread-safe

        Patient patient = Patient.builder()
                .asOf(LocalDate.of(2026, 12, 1))               // the visit: dates count back from it
                .age(45)
                .pain(Region.LOWER_BACK, 26.0, 6)              // where, weeks, intensity 0-10
                .muscle(MuscleFinding.of(Muscle.GLUTES).weak().lengthened())  // both sides; tightness not asked
                .muscle(MuscleFinding.of(Muscle.HAMSTRINGS).left().shortened().feelsTight())
                .injury(Injury.strain(Muscle.HAMSTRINGS).left().onset(LocalDate.of(2026, 11, 26)))  // or .daysAgo(5)
                .stretching(StretchingHistory.builder().painReturnsWithinMinutes(30).build())
                .build();

        Evaluation result = engine.evaluate(patient);
        for (Recommendation r : result.recommendations()) {
            System.out.println(r.phase() + " " + r.action() + " " + r.target().code()
                    + (r.side() == null ? "" : " " + r.side())              // LEFT, RIGHT, BOTH: muscles only
                    + (r.referral() == null ? "" : " (" + r.referral().urgency() + ")")
                    + ": " + r.explanation().rationale());
        }
        result.suppressed().forEach(s -> System.out.println("suppressed " + s.action() + " "
                + s.target().code() + ": " + s.suppressedBy().rationale()));
        // README end
    }

    static String json(CdsEngine engine, String requestBody) {
        // README begin
        JsonCodec json = new JsonCodec();                      // immutable, thread-safe: share it
        String response;
        try {
            Patient patient = json.readPatient(requestBody);   // strict: lists every problem
            response = json.writeEvaluation(engine.evaluate(patient));
        } catch (InvalidPatientException e) {
            response = json.writeErrors(e.problems());         // {"errors":[{"path":..., "expected":...}]}
        }
        // README end
        return response;
    }

    static String fhir(CdsEngine engine, String bundleJson, Clock clock, Logger log) {
        // README begin
        FhirMapping fhir = FhirMapping.create();                 // thread-safe: share it
        PatientRecord record = fhir.readPatient(bundleJson, LocalDate.now(clock));  // InvalidPatientException lists every problem
        Evaluation result = engine.evaluate(record.patient());
        String plan = fhir.writeEvaluationJson(result);          // Bundle: RequestGroup, DetectedIssues
        log.info("FHIR record read: {}", record.report().summary());   // types and counts, no patient data
        // README end
        return plan;
    }
}
