package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.Injury;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.StartBackAnswers;

/**
 * Records as EHRs send them: one patient per record, the patient identified however the record
 * identifies it, US Core's data-absent birth date, SNOMED CT and ICD-10-CM codes, laterality in each
 * standard shape, decimal scores, a byte-order mark (docs/fhir-mapping.md).
 */
class EhrRecordsTest {

    private static final String SCT = "http://snomed.info/sct";
    private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String B = "https://physiocds.org/fhir";

    /** A Bundle of entries, each {@code fullUrl|resource} or just a resource. */
    static String bundle(String... entries) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split("\\|", 2);
            json.append(i == 0 ? "" : ",").append('{');
            if (parts.length == 2) {
                json.append("\"fullUrl\":\"").append(parts[0]).append("\",\"resource\":").append(parts[1]);
            } else {
                json.append("\"resource\":").append(parts[0]);
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    static PatientRecord read(String json) {
        return Fixtures.FHIR.readPatient(json, Fixtures.AS_OF);
    }

    static List<Problem> problems(String json) {
        return assertThrows(InvalidPatientException.class, () -> read(json)).problems();
    }

    static String coding(String system, String code) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}";
    }

    static String condition(String code, String subject, String more) {
        return "{\"resourceType\":\"Condition\",\"code\":" + code + (subject == null ? "" : ",\"subject\":{\"reference\":\""
                + subject + "\"}") + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static String redFlagObservation(String flag, String subject) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":" + coding(B + "/CodeSystem/red-flag", flag)
                + ",\"valueBoolean\":true" + (subject == null ? "" : ",\"subject\":{\"reference\":\"" + subject + "\"}") + "}";
    }

    static String pain(String value, String when) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":" + coding("http://loinc.org", "72514-3")
                + ",\"effectiveDateTime\":\"" + when + "\",\"valueQuantity\":{\"value\":" + value + "}}";
    }

    // ------------------------------------------------------------------ one patient per record

    @Test
    void otherPatientsResources_ignoredAndCounted_neverTheirRedFlags() {
        PatientRecord record = read(bundle(
                "urn:uuid:aaaa|{\"resourceType\":\"Patient\",\"id\":\"p-1\"}",
                redFlagObservation("SADDLE_ANESTHESIA", "Patient/p-2"),
                redFlagObservation("BLADDER_OR_BOWEL_DYSFUNCTION", "urn:uuid:bbbb"),
                condition(coding(SCT, "279039007"), "urn:uuid:aaaa", ""),
                condition(coding(SCT, "44465007"), "https://ehr.example/fhir/Patient/p-1", "")));
        Patient p = record.patient();
        assertEquals(List.of(), p.redFlags());
        assertEquals(Region.LOWER_BACK, p.painRegion()); // by the Patient's fullUrl
        assertEquals(1, p.injuries().size());             // by an absolute URL ending Patient/p-1
        assertEquals(Map.of("Observation", 2), record.report().otherPatients());
        assertTrue(Fixtures.ENGINE.evaluate(p).recommendations().stream()
                .noneMatch(r -> r.referral() != null && r.referral().urgency() == org.physiocds.Urgency.EMERGENCY));
    }

    @Test
    void twoPatients_aProblemNamingBothEntries() {
        List<Problem> problems = problems(bundle("{\"resourceType\":\"Patient\",\"id\":\"a\"}",
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}",
                "urn:uuid:cccc|{\"resourceType\":\"Patient\"}"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("Bundle.entry[2].resource", problems.get(0).path());
        assertTrue(problems.get(0).expected().contains("Bundle.entry[0].resource"), problems.get(0).expected());
    }

    @Test
    void noPatient_resourcesAboutTwoSubjects_aProblem() {
        List<Problem> problems = problems(bundle(redFlagObservation("FEVER", "Patient/x"), redFlagObservation("FEVER", "Patient/y")));
        assertEquals("Bundle.entry[1].resource.subject", problems.get(0).path());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "urn:uuid:5f0e|{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:oid:1.2.3\",\"value\":\"MRN-81\"}]}|MRN-81",
        "urn:uuid:5f0e|{\"resourceType\":\"Patient\"}|urn:uuid:5f0e",
        "urn:uuid:5f0e|{\"resourceType\":\"Patient\",\"id\":\"p-9\"}|p-9"})
    void patientIdentity_idElseIdentifierElseFullUrl_andThePlanCarriesIt(String fullUrl, String patient, String expected) {
        Patient p = read(bundle(fullUrl + "|" + patient, condition(coding(SCT, "279039007"), fullUrl, ""))).patient();
        assertEquals(expected, p.patientId());
        assertEquals(Region.LOWER_BACK, p.painRegion());
        RequestGroup plan = (RequestGroup) Fixtures.FHIR.writeEvaluation(Fixtures.ENGINE.evaluate(p), Fixtures.AS_OF)
                .getEntryFirstRep().getResource();
        assertEquals(expected, plan.getSubject().getIdentifier().getValue());
        assertEquals(B + "/patient-id", plan.getSubject().getIdentifier().getSystem());
    }

    @Test
    void twoPatientsWithTheSameFindings_planIdsDiffer_eachPlanSelfContainedAndNarrated() {
        String findings = condition(coding(SCT, "279039007"), null, "");
        Bundle one = plan(read(bundle("urn:uuid:0001|{\"resourceType\":\"Patient\"}", findings)).patient());
        Bundle two = plan(read(bundle("urn:uuid:0002|{\"resourceType\":\"Patient\"}", findings)).patient());
        assertNotEquals(one.getEntryFirstRep().getFullUrl(), two.getEntryFirstRep().getFullUrl());
        for (Bundle.BundleEntryComponent entry : one.getEntry()) {
            DomainResource r = (DomainResource) entry.getResource();
            assertEquals("generated", r.getText().getStatus().toCode(), r.fhirType());
            assertTrue(r.getText().getDivAsString().length() > 50, r.fhirType());
        }
        assertEquals(List.of(), Fixtures.errors(one));
    }

    @Test
    void startBackObservation_effectiveOnTheAsOfDate() {
        Patient p = Patient.builder().patientId("sb").age(40).pain(Region.LOWER_BACK, 8.0, 5)
                .startBack(new StartBackAnswers(true, true, true, true, true, false, false, false, Bothersomeness.VERY_MUCH))
                .build();
        Observation screening = plan(p).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).findFirst().orElseThrow();
        assertEquals("2026-06-01", screening.getEffectiveDateTimeType().getValueAsString());
        assertTrue(screening.getText().getDivAsString().contains("STarT Back"));
    }

    private static Bundle plan(Patient p) {
        return Fixtures.FHIR.writeEvaluation(Fixtures.ENGINE.evaluate(p), Fixtures.AS_OF);
    }

    // ------------------------------------------------------------------ US Core birth date

    @Test
    void usCoreDataAbsentBirthDate_accepted_noAge() {
        Patient p = read(bundle("{\"resourceType\":\"Patient\",\"id\":\"u\",\"_birthDate\":{\"extension\":[{\"url\":"
                + "\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\",\"valueCode\":\"unknown\"}]}}")).patient();
        assertEquals("u", p.patientId());
        assertNull(p.age());
    }

    @Test
    void malformedBirthDate_aProblemAtItsPath() {
        List<Problem> problems = problems(bundle("{\"resourceType\":\"Patient\",\"id\":\"m\",\"birthDate\":\"1981-13-45\"}"));
        assertEquals(List.of("Bundle.entry[0].resource.birthDate"), problems.stream().map(Problem::path).toList());
    }

    // ------------------------------------------------------------------ standard codes

    @ParameterizedTest
    @CsvSource({"http://hl7.org/fhir/sid/icd-10-cm,M54.50,LOWER_BACK", "http://hl7.org/fhir/sid/icd-10-cm,M54.5,LOWER_BACK",
        "http://hl7.org/fhir/sid/icd-10-cm,M54.2,NECK", "http://hl7.org/fhir/sid/icd-10-cm,M25.562,KNEE",
        "http://snomed.info/sct,278860009,LOWER_BACK", "http://snomed.info/sct,81680005,NECK",
        "http://snomed.info/sct,279038004,UPPER_BACK", "http://snomed.info/sct,49218002,HIP"})
    void painCodedInOneStandardTerminologyOnly_regionRead(String system, String code, Region region) {
        Patient p = read(bundle(condition(coding(system, code), null, "\"onsetDateTime\":\"2026-03-09\""))).patient();
        assertEquals(region, p.painRegion());
        assertEquals(12.0, p.painDurationWeeks());
    }

    @Test
    void weeksOfPainFromAnOnsetDate_shownRoundedInTheExplanations() {
        Patient p = read(bundle(condition(coding(SCT, "279039007"), null, "\"onsetDateTime\":\"2026-01-10\""),
                pain("6", "2026-05-30"))).patient();
        assertEquals(142 / 7.0, p.painDurationWeeks(), 1e-12); // 20.285714285714285: the fact keeps its precision
        Evaluation e = Fixtures.ENGINE.evaluate(p);
        List<String> facts = new java.util.ArrayList<>();
        e.recommendations().forEach(r -> facts.addAll(r.explanation().facts()));
        e.flags().forEach(f -> facts.addAll(f.explanation().facts()));
        assertTrue(facts.stream().anyMatch(f -> f.contains("for 20.3 weeks")), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("20.28")), facts.toString());
    }

    @Test
    void cancerInRemission_stillAHistoryOfCancer_urgentReferralNotExercise() {
        String remission = "\"clinicalStatus\":" + coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "remission");
        Patient p = read(bundle(condition(coding(SCT, "363346000"), null, remission),
                condition(coding(SCT, "279039007"), null, "\"onsetDateTime\":\"2026-05-01\""))).patient();
        assertEquals(List.of(RedFlag.HISTORY_OF_CANCER), p.redFlags());
        Evaluation e = Fixtures.ENGINE.evaluate(p);
        assertTrue(e.recommendations().stream().anyMatch(r -> r.action() == Action.REFER), e.recommendations().toString());
        assertEquals(List.of(RedFlag.HISTORY_OF_CANCER),
                read(bundle(condition(coding(ICD, "Z85.3"), null, ""))).patient().redFlags());
    }

    @Test
    void surgeryRecognisedByTheProcedureCode_noCategory() {
        Patient p = read(bundle("{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":" + coding(SCT, "52734007")
                + ",\"performedDateTime\":\"2026-05-01\"}")).patient();
        assertEquals(Region.HIP, p.surgeries().get(0).region());
        assertEquals(31, p.surgeries().get(0).daysAgo());
    }

    @Test
    void surgerySide_fromTheCodeOrABodySiteLaterality_andNoneWhenNotGiven() {
        String leftKnee = "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":" + coding(SCT, "443681002")
                + ",\"performedDateTime\":\"2026-05-01\"}";
        String hipRightSite = "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":" + coding(SCT, "52734007")
                + ",\"bodySite\":[" + coding(SCT, "24028007") + "],\"performedDateTime\":\"2026-05-01\"}";
        String hip = "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":" + coding(SCT, "52734007")
                + ",\"performedDateTime\":\"2026-05-01\"}";

        assertEquals(Side.LEFT, read(bundle(leftKnee)).patient().surgeries().get(0).side());
        assertEquals(Side.RIGHT, read(bundle(hipRightSite)).patient().surgeries().get(0).side());
        assertEquals(null, read(bundle(hip)).patient().surgeries().get(0).side(), "not given: both sides held");
    }

    @Test
    void redFlags_screenedOnlyWhenTheRecordSaysSomethingOfThem() {
        Patient silent = read(bundle(condition(coding(SCT, "279039007"), null, "\"onsetDateTime\":\"2026-05-01\""))).patient();
        Patient cancer = read(bundle(condition(coding(SCT, "363346000"), null, ""))).patient();

        assertFalse(silent.redFlagsScreened(), "a record silent on red flags is not screened");
        assertFalse(Fixtures.ENGINE.evaluate(silent).redFlagsScreened());
        assertTrue(cancer.redFlagsScreened());
    }

    // ------------------------------------------------------------------ laterality in every shape

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // ICD-10-CM: the side is the code's sixth character
        "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"S76.312A\"}]}||HAMSTRINGS|LEFT",
        "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"S86.111A\"}]}||CALVES|RIGHT",
        // SNOMED CT: a second bodySite that is a laterality qualifier
        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"481000119104\"}]}|,\"bodySite\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"7771000\"}]}]|HAMSTRINGS|LEFT",
        // SNOMED CT: the qualifier coded beside the structure, in one concept
        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"48532005\"}]}|,\"bodySite\":[{\"coding\":[{\"system\":\"https://physiocds.org/fhir/CodeSystem/muscle\",\"code\":\"QUADRICEPS\"},{\"system\":\"http://snomed.info/sct\",\"code\":\"24028007\"}]}]|QUADRICEPS|RIGHT",
        // mCODE's laterality qualifier extension on the body site, R4's unilateral left
        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"48532005\"}]}|,\"bodySite\":[{\"coding\":[{\"system\":\"https://physiocds.org/fhir/CodeSystem/muscle\",\"code\":\"CALVES\"}],\"extension\":[{\"url\":\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"419161000\"}]}}]}]|CALVES|LEFT",
        // the FHIR Extensions Pack's structure laterality
        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"48532005\"}]}|,\"bodySite\":[{\"coding\":[{\"system\":\"https://physiocds.org/fhir/CodeSystem/muscle\",\"code\":\"HAMSTRINGS\"}],\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/observation-structureLaterality\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"24028007\"}]}}]}]|HAMSTRINGS|RIGHT",
        // no laterality anywhere: both sides
        "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"481000119104\"}]}||HAMSTRINGS|BOTH"})
    void injuryLaterality_eachStandardShape(String code, String more, Muscle muscle, Side side) {
        Patient p = read(bundle("{\"resourceType\":\"Condition\",\"code\":" + code + (more == null ? "" : more)
                + ",\"onsetDateTime\":\"2026-05-25\"}")).patient();
        Injury injury = p.injuries().get(0);
        assertEquals(InjuryType.STRAIN, injury.type());
        assertEquals(muscle, injury.muscle());
        assertEquals(side, injury.side());
        assertEquals(7, injury.daysAgo());
    }

    @Test
    void leftHamstringTear_holdsTheLeftSideOnly() {
        Patient p = read(bundle(condition(coding(ICD, "S76.312A"), null, "\"onsetDateTime\":\"2026-05-25\""))).patient();
        Evaluation e = Fixtures.ENGINE.evaluate(p);
        assertTrue(e.suppressed().stream().noneMatch(s -> s.side() == Side.RIGHT), e.suppressed().toString());
    }

    // ------------------------------------------------------------------ values and documents

    @Test
    void decimalScores_usedOneRounded_aSupersededUnreadableOneReported_notFatal() {
        PatientRecord record = read(bundle(pain("12.5", "2019-01-01"), pain("\"high\"", "2020-01-01"), pain("3.5", "2026-05-30")));
        assertEquals(4, record.patient().painIntensity());
        assertEquals(2, record.report().superseded().size());
        assertTrue(record.report().superseded().get(0).contains("not readable, and not used: Bundle.entry[0].resource"
                + ".valueQuantity.value"), record.report().superseded().toString());
        assertEquals(List.of("Bundle.entry[2].resource.valueQuantity.value: a decimal score, rounded half up to the whole number"),
                record.report().notes());
        // The same bad score as the latest is the value used: the record is refused.
        List<Problem> problems = problems(bundle(pain("3.5", "2019-01-01"), pain("12.5", "2026-05-30")));
        assertEquals(List.of("Bundle.entry[1].resource.valueQuantity.value"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void byteOrderMark_accepted_unknownResourceType_reportedAtItsEntry() {
        String record = bundle("{\"resourceType\":\"Patient\",\"id\":\"bom\"}");
        assertEquals("bom", read("\uFEFF" + record).patient().patientId());
        List<Problem> problems = problems(bundle("{\"resourceType\":\"Patient\",\"id\":\"x\"}", "{\"resourceType\":\"Vitals\"}"));
        assertEquals(List.of("Bundle.entry[1].resource.resourceType"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void recordWithNothingRelevant_saysSo() {
        MappingReport report = read(bundle("{\"resourceType\":\"Patient\",\"id\":\"n\"}",
                "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"}}")).report();
        assertTrue(report.nothingRelevant());
        assertEquals(Map.of("Encounter", 1), report.ignored());
        assertTrue(report.toJson().startsWith("{\"mappingReport\":{\"used\":{\"Patient\":1},\"ignored\":{\"Encounter\":1}"),
                report.toJson());
    }
}
