package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.physiocds.Action;
import org.physiocds.Evaluation;
import org.physiocds.FlagCode;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.Thresholds;
import org.physiocds.model.Bothersomeness;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Length;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.Strength;

/** One test (or one parameter) per row of docs/fhir-mapping.md, then every class of bad input. */
class ReadPatientTest {

    private static final String B = "https://physiocds.org/fhir";
    private static final String SCT = "http://snomed.info/sct";
    private static final LocalDate AS_OF = Fixtures.AS_OF;

    static String bundle(String... resources) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
        }
        return json.append("]}").toString();
    }

    static Patient read(String... resources) {
        return Fixtures.FHIR.readPatient(bundle(resources), AS_OF).patient();
    }

    static List<Problem> problems(String json) {
        return assertThrows(InvalidPatientException.class, () -> Fixtures.FHIR.readPatient(json, AS_OF)).problems();
    }

    static String coding(String system, String code) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}";
    }

    static String site(String muscle, String lateralityCode) {
        String ext = lateralityCode == null ? "" : ",\"extension\":[{\"url\":\"" + B + "/StructureDefinition/laterality\","
                + "\"valueCodeableConcept\":" + coding(SCT, lateralityCode) + "}]";
        return "{\"coding\":[{\"system\":\"" + B + "/CodeSystem/muscle\",\"code\":\"" + muscle + "\"}]" + ext + "}";
    }

    static String observation(String code, String value, String more) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":" + code + "," + value
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static String painCondition(String code, String siteCode, String onset) {
        return "{\"resourceType\":\"Condition\",\"code\":" + coding(SCT, code)
                + (siteCode == null ? "" : ",\"bodySite\":[" + coding(SCT, siteCode) + "]")
                + (onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"") + "}";
    }

    static String injury(String type, String muscle, String laterality, String onset) {
        return "{\"resourceType\":\"Condition\",\"code\":" + coding(B + "/CodeSystem/injury-type", type)
                + (muscle == null ? "" : ",\"bodySite\":[" + site(muscle, laterality) + "]")
                + (onset == null ? "" : ",\"onsetDateTime\":\"" + onset + "\"") + "}";
    }

    // ------------------------------------------------------------------ rows of the mapping table

    @Test
    void patient_idAndBirthDate_patientIdAndAgeInWholeYearsAtAsOf() {
        Patient p = read("{\"resourceType\":\"Patient\",\"id\":\"p-7\",\"birthDate\":\"1981-06-02\"}");
        assertEquals("p-7", p.patientId());
        assertEquals(44, p.age()); // one day short of 45 on 2026-06-01
        assertEquals(45, read("{\"resourceType\":\"Patient\",\"birthDate\":\"1981-06-01\"}").age());
    }

    @Test
    void condition_lowBackPain279039007_lowerBackWithWeeksFromOnset() {
        Patient p = read(painCondition("279039007", null, "2026-05-22"));
        assertEquals(Region.LOWER_BACK, p.painRegion());
        assertEquals(10 / 7.0, p.painDurationWeeks(), 1e-12); // 10 days, as a decimal number of weeks
    }

    @ParameterizedTest
    @CsvSource({"37822005,LOWER_BACK", "1141985005,LOWER_BACK", "1141986006,UPPER_BACK", "45048000,NECK",
        "1141983003,NECK", "16982005,SHOULDER", "29836001,HIP", "72696002,KNEE", "344001,ANKLE"})
    void condition_pain22253000WithBodySite_regionOfTheSite(String site, Region region) {
        assertEquals(region, read(painCondition("22253000", site, null)).painRegion());
    }

    @Test
    void condition_painAtASiteTheKnowledgeBaseDoesNotKnow_ignored() {
        PatientRecord record = Fixtures.FHIR.readPatient(bundle(painCondition("22253000", "69536005", null)), AS_OF);
        assertNull(record.patient().painRegion());
        assertEquals(1, record.report().notUnderstood().get("Condition"));
    }

    @Test
    void observation72514_3_painIntensityFromQuantityOrInteger_latestEffectiveWins() {
        String code = coding("http://loinc.org", "72514-3");
        PatientRecord record = Fixtures.FHIR.readPatient(bundle(
                observation(code, "\"valueQuantity\":{\"value\":6}", "\"effectiveDateTime\":\"2026-05-30\""),
                observation(code, "\"valueInteger\":9", "\"effectiveDateTime\":\"2026-03-01T10:00:00+01:00\"")), AS_OF);
        assertEquals(6, record.patient().painIntensity());
        assertEquals(1, record.report().superseded().size());
        assertTrue(record.report().superseded().get(0).startsWith("Bundle.entry[1].resource"), record.report().superseded().toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-,BOTH", "7771000,LEFT", "24028007,RIGHT", "51440002,BOTH", "419161000,LEFT",
        "419465000,RIGHT"})
    void observation_muscleFindings_assembledPerMuscleAndSide(String laterality, Side side) {
        String s = "\"bodySite\":" + site("HAMSTRINGS", laterality);
        Patient p = read(
                observation(coding(B + "/CodeSystem/observation", "muscle-strength"),
                        "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/strength", "WEAK"), s),
                observation(coding(B + "/CodeSystem/observation", "muscle-length"),
                        "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/length", "SHORT"), s),
                observation(coding(B + "/CodeSystem/observation", "muscle-feels-tight"), "\"valueBoolean\":true", s));
        assertEquals(List.of(new MuscleFinding(Muscle.HAMSTRINGS, side, Strength.WEAK, Length.SHORT, true)), p.muscles());
    }

    @Test
    void observation_mcodeLateralityExtension_read() {
        String s = "\"bodySite\":{\"coding\":[{\"system\":\"" + B + "/CodeSystem/muscle\",\"code\":\"CALVES\"}],\"extension\":"
                + "[{\"url\":\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier\","
                + "\"valueCodeableConcept\":" + coding(SCT, "7771000") + "}]}";
        Patient p = read(observation(coding(B + "/CodeSystem/observation", "muscle-feels-tight"), "\"valueBoolean\":false", s));
        assertEquals(List.of(new MuscleFinding(Muscle.CALVES, Side.LEFT, null, null, false)), p.muscles());
    }

    @ParameterizedTest
    @EnumSource(InjuryType.class)
    void condition_injuryType_injuryWithMuscleSideAndDays(InjuryType type) {
        Patient p = read(injury(type.name(), "QUADRICEPS", "24028007", "2026-05-27"));
        assertEquals(1, p.injuries().size());
        assertEquals(type, p.injuries().get(0).type());
        assertEquals(Muscle.QUADRICEPS, p.injuries().get(0).muscle());
        assertEquals(Side.RIGHT, p.injuries().get(0).side());
        assertEquals(5, p.injuries().get(0).daysAgo());
        Patient noMuscleNoDate = read(injury(type.name(), null, null, null));
        assertNull(noMuscleNoDate.injuries().get(0).muscle());
        assertNull(noMuscleNoDate.injuries().get(0).daysAgo());
    }

    @Test
    void procedure_surgicalWithSiteAndDate_surgery_otherProceduresIgnored() {
        String surgical = "\"category\":" + coding(SCT, "387713003");
        PatientRecord record = Fixtures.FHIR.readPatient(bundle(
                "{\"resourceType\":\"Procedure\",\"status\":\"completed\"," + surgical + ",\"bodySite\":[" + coding(SCT, "72696002")
                        + "],\"performedDateTime\":\"2026-04-22\"}",
                "{\"resourceType\":\"Procedure\",\"status\":\"completed\"," + surgical
                        + ",\"performedPeriod\":{\"start\":\"2026-05-01\",\"end\":\"2026-05-02\"}}",
                "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"category\":" + coding(SCT, "103693007") + "}"), AS_OF);
        Patient p = record.patient();
        assertEquals(2, p.surgeries().size());
        assertEquals(Region.KNEE, p.surgeries().get(0).region());
        assertEquals(40, p.surgeries().get(0).daysAgo());
        assertNull(p.surgeries().get(1).region()); // a surgery of a region not given: treated as the rules treat it
        assertEquals(30, p.surgeries().get(1).daysAgo());
        assertEquals(1, record.report().notUnderstood().get("Procedure"));
    }

    @Test
    void questionnaireResponse_stretchingHistory_linkIdsAreInterchangeFields() {
        Patient p = read("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"" + B
                + "/Questionnaire/stretching-history|1.0.0\",\"item\":["
                + "{\"linkId\":\"sessionsPerWeek\",\"answer\":[{\"valueInteger\":14}]},"
                + "{\"linkId\":\"painReturnsWithinMinutes\",\"answer\":[{\"valueInteger\":30}]},"
                + "{\"linkId\":\"needsMoreForSameRelief\",\"answer\":[{\"valueBoolean\":true}]},"
                + "{\"linkId\":\"worseNextDay\",\"answer\":[{\"valueBoolean\":false}]},"
                + "{\"linkId\":\"worseDespiteConsistentStretching\",\"answer\":[{\"valueBoolean\":true}]},"
                + "{\"linkId\":\"painDuringStretch\",\"answer\":[{\"valueBoolean\":false}]},"
                + "{\"linkId\":\"ballistic\",\"answer\":[{\"valueBoolean\":true}]},"
                + "{\"linkId\":\"warmsUpFirst\",\"answer\":[{\"valueBoolean\":false}]},"
                + "{\"linkId\":\"staticBeforeExercise\",\"answer\":[{\"valueBoolean\":true}]},"
                + "{\"linkId\":\"aggressive\",\"answer\":[{\"valueBoolean\":false}]}]}");
        assertEquals(new org.physiocds.model.StretchingHistory(14, 30, true, false, true, false, true, false, true, false),
                p.stretching());
    }

    @ParameterizedTest
    @CsvSource({"http://loinc.org/q/91349-1,/", "https://physiocds.org/fhir/Questionnaire/start-back,''"})
    void questionnaireResponse_startBackPanel_nineAnswers(String questionnaire, String prefix) {
        StringBuilder items = new StringBuilder();
        String[] codes = {"91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5"};
        for (int i = 0; i < 8; i++) {
            items.append("{\"linkId\":\"").append(prefix).append(codes[i]).append("\",\"answer\":[{\"valueBoolean\":")
                    .append(i % 2 == 0).append("}]},");
        }
        items.append("{\"linkId\":\"").append(prefix).append("91348-3\",\"answer\":[{\"valueCoding\":{\"system\":\"").append(B)
                .append("/CodeSystem/bothersomeness\",\"code\":\"EXTREMELY\"}}]},")
                .append("{\"linkId\":\"").append(prefix).append("91351-7\",\"answer\":[{\"valueInteger\":5}]}");
        Patient p = read("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\""
                + questionnaire + "\",\"item\":[{\"linkId\":\"group\",\"item\":[" + items + "]}]}");
        assertEquals(new org.physiocds.model.StartBackAnswers(true, false, true, false, true, false, true, false,
                Bothersomeness.EXTREMELY), p.startBack());
    }

    @ParameterizedTest
    @EnumSource(Sign.class)
    void observation_sign_presentWhenTrue(Sign sign) {
        assertEquals(List.of(sign), read(observation(coding(B + "/CodeSystem/sign", sign.name()), "\"valueBoolean\":true", "")).signs());
        assertEquals(List.of(), read(observation(coding(B + "/CodeSystem/sign", sign.name()), "\"valueBoolean\":false", "")).signs());
    }

    @ParameterizedTest
    @EnumSource(Lifestyle.class)
    void observation_lifestyle_presentWhenTrue(Lifestyle factor) {
        assertEquals(List.of(factor),
                read(observation(coding(B + "/CodeSystem/lifestyle", factor.name()), "\"valueBoolean\":true", "")).lifestyle());
    }

    @ParameterizedTest
    @EnumSource(RedFlag.class)
    void observation_redFlag_presentWhenTrue(RedFlag flag) {
        assertEquals(List.of(flag),
                read(observation(coding(B + "/CodeSystem/red-flag", flag.name()), "\"valueBoolean\":true", "")).redFlags());
    }

    // ------------------------------------------------------------------ what is not a fact

    @Test
    void notFacts_enteredInErrorRefutedResolvedNotDoneInProgress_countedNotRead() {
        PatientRecord record = Fixtures.FHIR.readPatient(bundle(
                "{\"resourceType\":\"Observation\",\"status\":\"entered-in-error\",\"code\":" + coding(B + "/CodeSystem/sign",
                        "SPINAL_COMPRESSION") + ",\"valueBoolean\":true}",
                "{\"resourceType\":\"Condition\",\"verificationStatus\":" + coding("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        "refuted") + ",\"code\":" + coding(SCT, "279039007") + "}",
                "{\"resourceType\":\"Condition\",\"clinicalStatus\":" + coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "resolved") + ",\"code\":" + coding(B + "/CodeSystem/injury-type", "TEAR") + "}",
                "{\"resourceType\":\"Procedure\",\"status\":\"not-done\",\"category\":" + coding(SCT, "387713003") + "}",
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\",\"questionnaire\":\"" + B
                        + "/Questionnaire/stretching-history\"}",
                "{\"resourceType\":\"MedicationStatement\",\"status\":\"active\",\"subject\":{\"reference\":\"Patient/x\"},"
                        + "\"medicationCodeableConcept\":{\"text\":\"paracetamol\"}}"), AS_OF);
        Patient p = record.patient();
        assertTrue(p.signs().isEmpty() && p.injuries().isEmpty() && p.surgeries().isEmpty());
        assertNull(p.painRegion());
        assertNull(p.stretching());
        assertEquals(java.util.Map.of("Condition", 2, "Observation", 1, "Procedure", 1, "QuestionnaireResponse", 1),
                record.report().notFacts());
        assertEquals(java.util.Map.of("MedicationStatement", 1), record.report().ignored());
        assertEquals(java.util.Map.of(), record.report().used());
    }

    // ------------------------------------------------------------------ the as-of date at the thresholds

    @ParameterizedTest
    @CsvSource({"0,true", "41,true", "42,true", "43,false"})
    void asOf_strainExactlyRecentInjuryDaysBefore_isRecent_oneDayMoreIsNot(int days, boolean recent) {
        int threshold = Thresholds.DEFAULTS.recentInjuryDays();
        assertEquals(42, threshold);
        LocalDate injured = AS_OF.minusDays(days);
        Patient p = read(injury("STRAIN", "HAMSTRINGS", "7771000", injured.toString()));
        assertEquals(days, p.injuries().get(0).daysAgo());
        Evaluation e = Fixtures.ENGINE.evaluate(p);
        assertEquals(recent, e.flags().stream().anyMatch(f -> f.code() == FlagCode.RECENT_INJURY), "flag at " + days + " days");
        assertEquals(recent, e.recommendations().stream().anyMatch(r -> r.action() == Action.DO_NOT_STRETCH
                && r.target() == Muscle.HAMSTRINGS && r.side() == Side.LEFT), "left hamstrings held back at " + days + " days");
    }

    @Test
    void asOf_dateTimeCountsOnItsOwnCalendarDay_partialDateAtItsLatestDay() {
        assertEquals(1, read(injury("STRAIN", null, null, "2026-05-31T23:30:00-10:00")).injuries().get(0).daysAgo());
        assertEquals(0, read(injury("STRAIN", null, null, "2026-06")).injuries().get(0).daysAgo()); // capped at the as-of date
        assertEquals(1, read(injury("STRAIN", null, null, "2026-05")).injuries().get(0).daysAgo());
        assertEquals(0, read(injury("STRAIN", null, null, "2026-06-01")).injuries().get(0).daysAgo());
    }

    @Test
    void asOf_givenByTheCaller_notTheClock() {
        String record = bundle(painCondition("279039007", null, "2026-01-01"));
        assertEquals(0.0, Fixtures.FHIR.readPatient(record, LocalDate.of(2026, 1, 1)).patient().painDurationWeeks());
        assertEquals(52.0 / 7, Fixtures.FHIR.readPatient(record, LocalDate.of(2026, 2, 22)).patient().painDurationWeeks(), 1e-12);
    }

    // ------------------------------------------------------------------ bad input

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json at all", "[1,2]", "{\"resourceType\":\"NoSuchResource\"}",
        "{\"no\":\"resourceType\"}", "''", "{\"resourceType\":\"Bundle\""})
    void notFhir_oneProblemAtTheRoot(String document) {
        List<Problem> problems = problems(document);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("$", problems.get(0).path());
    }

    @Test
    void tooLarge_oneProblemAtTheRoot_countedOnEntriesAndContent_notWhitespace() {
        String big = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{},".repeat(InputLimits.MAX_ENTRIES) + "{}]}";
        List<Problem> problems = problems(big);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).expected().contains("input limits"));
        String list = "{\"resourceType\":\"Patient\",\"name\":[" + "{},".repeat(InputLimits.MAX_LIST_LENGTH) + "{}]}";
        assertTrue(problems(list).get(0).expected().contains("input limits"));
        // The same record, padded with two million spaces, is read as it is compact.
        String padded = bundle("{\"resourceType\":\"Patient\",\"id\":\"w\"}").replace(",", "," + " ".repeat(1_000_000));
        assertEquals("w", Fixtures.FHIR.readPatient(padded, AS_OF).patient().patientId());
    }

    @Test
    void malformedUsedResources_everyProblemAtOnce_withFhirPaths_neverQuotingTheRecord() {
        String secret = "Jane-Doe-4711";
        String json = bundle(
                "{\"resourceType\":\"Patient\",\"id\":\"" + secret + "\",\"birthDate\":\"1850-01-01\"}",
                observation(coding("http://loinc.org", "72514-3"), "\"valueInteger\":11", ""),
                observation(coding(B + "/CodeSystem/observation", "muscle-strength"),
                        "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/strength", "FEEBLE"), "\"bodySite\":" + site("HAMSTRINGS", null)),
                observation(coding(B + "/CodeSystem/observation", "muscle-length"),
                        "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/length", "SHORT"), "\"bodySite\":" + site("BICEPS", null)),
                observation(coding(B + "/CodeSystem/sign", "SPINAL_COMPRESSION"), "\"valueString\":\"" + secret + "\"", ""),
                injury("SPRAIN", null, null, "2027-01-01"),
                "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":\"http://loinc.org/q/91349-1\","
                        + "\"item\":[{\"linkId\":\"91340-0\",\"answer\":[{\"valueBoolean\":true}]}]}");
        List<Problem> problems = problems(json);
        List<String> paths = problems.stream().map(Problem::path).collect(Collectors.toList());
        assertTrue(paths.containsAll(List.of(
                "Bundle.entry[0].resource.birthDate",
                "Bundle.entry[1].resource.valueInteger",
                "Bundle.entry[2].resource.valueCodeableConcept",
                "Bundle.entry[3].resource.bodySite",
                "Bundle.entry[4].resource.valueBoolean",
                "Bundle.entry[5].resource.code",
                "Bundle.entry[5].resource.onsetDateTime",
                "Bundle.entry[6].resource.item")), paths.toString());
        for (Problem problem : problems) {
            assertFalse(problem.expected().contains(secret) || problem.path().contains(secret), problem.toString());
            assertFalse(problem.expected().contains("FEEBLE") || problem.expected().contains("BICEPS"), problem.toString());
        }
        InvalidPatientException e = assertThrows(InvalidPatientException.class, () -> Fixtures.FHIR.readPatient(json, AS_OF));
        assertFalse(e.getMessage().contains(secret) || e.getMessage().contains("FEEBLE"));
    }

    @Test
    void muscleBothSidesAndOneSide_contradiction_aProblemAtTheSecond() {
        String code = coding(B + "/CodeSystem/observation", "muscle-length");
        List<Problem> problems = problems(bundle(
                observation(code, "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/length", "SHORT"), "\"bodySite\":" + site("GLUTES", null)),
                observation(code, "\"valueCodeableConcept\":" + coding(B + "/CodeSystem/length", "LONG"),
                        "\"bodySite\":" + site("GLUTES", "7771000"))));
        assertEquals(List.of("Bundle.entry[1].resource.bodySite"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void twoPatients_aProblem() {
        List<Problem> problems = problems(bundle("{\"resourceType\":\"Patient\",\"id\":\"a\"}", "{\"resourceType\":\"Patient\",\"id\":\"b\"}"));
        assertEquals("Bundle.entry[1].resource", problems.get(0).path());
    }

    @Test
    void listOfResources_andPrefetchBundles_flattened() {
        var parser = FhirMapping.context().newJsonParser();
        var patient = parser.parseResource("{\"resourceType\":\"Patient\",\"id\":\"x\",\"birthDate\":\"1990-01-01\"}");
        var conditions = parser.parseResource(bundle(painCondition("279039007", null, null)));
        Patient p = Fixtures.FHIR.readPatient(List.of(patient, conditions), AS_OF).patient();
        assertEquals("x", p.patientId());
        assertEquals(Region.LOWER_BACK, p.painRegion());
        List<Problem> problems = assertThrows(InvalidPatientException.class, () -> Fixtures.FHIR.readPatient(
                List.of(parser.parseResource(bundle(observation(coding("http://loinc.org", "72514-3"), "\"valueInteger\":12", "")))),
                AS_OF)).problems();
        assertEquals("resources[0].entry[0].resource.valueInteger", problems.get(0).path());
    }
}
