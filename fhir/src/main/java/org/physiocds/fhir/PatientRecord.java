package org.physiocds.fhir;

import java.util.Objects;
import org.physiocds.model.Patient;

/**
 * A FHIR record read as a patient: the facts, and what the mapping used and ignored to find them.
 *
 * @param patient the patient, ready for {@code CdsEngine.evaluate}
 * @param report  what the mapping used, ignored and set aside
 */
public record PatientRecord(Patient patient, MappingReport report) {

    public PatientRecord {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(report, "report");
    }
}
