package org.physiocds.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.physiocds.fhir.FhirMapping;
import org.physiocds.fhir.PatientRecord;

/** The benchmark's record holds 50 resources and reads as the demo patient. */
class FhirRecordTest {

    @Test
    void record_fiftyResources_readAsTheDemoPatient() {
        PatientRecord record = FhirMapping.create().readPatient(FhirMappingBenchmark.record(), FhirMappingBenchmark.AS_OF);
        int resources = record.report().used().values().stream().mapToInt(Integer::intValue).sum()
                + record.report().ignored().values().stream().mapToInt(Integer::intValue).sum()
                + record.report().notUnderstood().values().stream().mapToInt(Integer::intValue).sum()
                + record.report().notFacts().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(50, resources);
        assertEquals("demo-01", record.patient().patientId());
    }
}
