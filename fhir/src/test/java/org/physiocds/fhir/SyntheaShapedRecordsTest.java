package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;

/**
 * Records in the shape Synthea exports (src/test/resources/synthea-shaped/README.md): read without
 * error, the facts picked up are those the record holds, the unused resources are counted, and the
 * plan written for each passes the validator.
 */
class SyntheaShapedRecordsTest {

    private static final Path DIR = Path.of("src", "test", "resources", "synthea-shaped");

    static PatientRecord read(String name) {
        return Fixtures.FHIR.readPatient(Fixtures.read(DIR.resolve("synthea-shaped-" + name + ".json")), Fixtures.AS_OF);
    }

    @Test
    void ankleSprain_recentInjuryNotToAMuscle_decimalScoreRounded_carePlansAndClaimsIgnored() {
        PatientRecord record = read("ankle-sprain");
        Patient p = record.patient();
        assertEquals(35, p.age());
        assertEquals(1, p.injuries().size());
        assertEquals(InjuryType.OTHER, p.injuries().get(0).type()); // 44465007 Sprain of ankle
        assertNull(p.injuries().get(0).muscle());
        assertEquals(Side.BOTH, p.injuries().get(0).side());
        assertEquals(12, p.injuries().get(0).daysAgo());
        assertEquals(7, p.painIntensity()); // 6.5, rounded half up
        assertNull(p.painRegion());
        MappingReport report = record.report();
        assertEquals(Map.of("Condition", 1, "Observation", 2, "Patient", 1), report.used());
        assertEquals(Map.of("CarePlan", 1, "Claim", 2, "Encounter", 2, "ExplanationOfBenefit", 2, "Immunization", 1,
                "Organization", 1, "Practitioner", 1), report.ignored());
        assertEquals(Map.of("Observation", 1), report.notUnderstood()); // body height
        assertEquals(1, report.superseded().size());
        assertEquals(List.of("Bundle.entry[11].resource.valueQuantity.value: a decimal score, rounded half up to the whole number"),
                report.notes());
        assertTrue(Fixtures.ENGINE.evaluate(p).recommendations().stream().anyMatch(r -> r.action() == Action.REFER));
    }

    @Test
    void osteoporosisAndKneeReplacement_surgeryByItsCode_fragilityFractureRedFlag() {
        PatientRecord record = read("osteoporosis-knee-replacement");
        Patient p = record.patient();
        assertEquals(76, p.age());
        assertEquals(1, p.surgeries().size());
        assertEquals(Region.KNEE, p.surgeries().get(0).region()); // 609588000, no Procedure.category
        assertEquals(78, p.surgeries().get(0).daysAgo());
        assertEquals(List.of(RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS), p.redFlags());
        assertEquals(1, p.injuries().size()); // the fracture
        assertEquals(3, p.painIntensity()); // 3.1 on 2026-04-20, the latest
        assertNull(p.painRegion()); // 82423001 Chronic pain names no region
        assertEquals(Map.of("Condition", 2), record.report().notUnderstood()); // osteoarthritis of knee, chronic pain
    }

    @Test
    void lungCancer_historyOfCancer_urgentReferralNotAnExerciseProgramme() {
        PatientRecord record = read("lung-cancer");
        Patient p = record.patient();
        assertEquals(List.of(RedFlag.HISTORY_OF_CANCER), p.redFlags());
        // The viral sinusitis and the chemotherapy are not in the tables.
        assertEquals(Map.of("Condition", 1, "Procedure", 1), record.report().notUnderstood());
        Evaluation e = Fixtures.ENGINE.evaluate(p);
        assertTrue(e.recommendations().stream().anyMatch(r -> r.action() == Action.REFER), e.recommendations().toString());
    }

    @Test
    void everyFixture_planIdentifiesItsPatient_andHasNoValidationError() {
        for (String name : List.of("ankle-sprain", "osteoporosis-knee-replacement", "lung-cancer")) {
            Patient p = read(name).patient();
            assertEquals(SyntheaShaped.uuid("physiocds-fixture/" + name + "/patient").length(), p.patientId().length());
            Bundle plan = Fixtures.FHIR.writeEvaluation(Fixtures.ENGINE.evaluate(p), Fixtures.AS_OF);
            assertEquals(List.of(), Fixtures.errors(plan), name);
        }
    }

    @Test
    void longitudinal_20301Entries_readInFull_latestScoreUsed_othersSuperseded() {
        String json = SyntheaShaped.longitudinal("longitudinal", 2_900, LocalDate.of(2026, 5, 28), 4.49);
        assertTrue(json.length() > 5_000_000, "a record of several MB: " + json.length());
        PatientRecord record = Fixtures.FHIR.readPatient(json, Fixtures.AS_OF);
        assertEquals(65, record.patient().age());
        assertEquals(4, record.patient().painIntensity());
        MappingReport report = record.report();
        assertEquals(Map.of("Claim", 2_900, "Encounter", 2_900, "ExplanationOfBenefit", 2_900), report.ignored());
        assertEquals(Map.of("Observation", 3 * 2_900), report.notUnderstood());
        assertEquals(Map.of("Observation", 2_900, "Patient", 1), report.used());
        assertEquals(2_899, report.superseded().size());
        assertEquals(1, report.notes().size());
    }
}
