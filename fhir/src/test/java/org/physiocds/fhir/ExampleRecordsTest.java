package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.physiocds.Evaluation;
import org.physiocds.json.JsonCodec;

/**
 * The records in {@code examples/fhir/}: each evaluates exactly as its interchange twin
 * ({@code examples/patients/NAME.json}, or the patient of {@code examples/scenarios/NAME.json}),
 * as of the date they are written for, and together they hold every resource type the mapping reads.
 */
class ExampleRecordsTest {

    private static final JsonCodec JSON = new JsonCodec();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> records() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.EXAMPLES.resolve("fhir"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList().stream();
        }
    }

    /** The twin's patient as an interchange document. */
    static String twin(String name) throws IOException {
        Path patient = Fixtures.EXAMPLES.resolve("patients").resolve(name + ".json");
        if (Files.exists(patient)) {
            return Files.readString(patient);
        }
        JsonNode scenario = MAPPER.readTree(Fixtures.EXAMPLES.resolve("scenarios").resolve(name + ".json").toFile());
        return scenario.get("patient").toString();
    }

    @ParameterizedTest
    @MethodSource("records")
    void record_evaluatesAsItsInterchangeTwin(String name) throws IOException {
        PatientRecord record = Fixtures.FHIR.readPatient(Fixtures.read(Fixtures.EXAMPLES.resolve("fhir").resolve(name + ".json")),
                Fixtures.AS_OF);
        Evaluation fromFhir = Fixtures.ENGINE.evaluate(record.patient());
        Evaluation fromJson = Fixtures.ENGINE.evaluate(JSON.readPatient(twin(name)));
        assertEquals(JSON.writeEvaluation(fromJson), JSON.writeEvaluation(fromFhir), name);
    }

    @Test
    void records_atLeastSix_coverEveryResourceTypeTheMappingReads_andUnrelatedOnes() throws IOException {
        List<String> names = records().toList();
        assertTrue(names.size() >= 6, "the demo and at least five more: " + names);
        assertTrue(names.contains("demo-01"));
        Set<String> used = new TreeSet<>();
        Set<String> ignored = new TreeSet<>();
        Set<String> bundleTypes = new TreeSet<>();
        for (String name : names) {
            String json = Fixtures.read(Fixtures.EXAMPLES.resolve("fhir").resolve(name + ".json"));
            MappingReport report = Fixtures.FHIR.readPatient(json, Fixtures.AS_OF).report();
            used.addAll(report.used().keySet());
            ignored.addAll(report.ignored().keySet());
            bundleTypes.add(FhirMapping.context().newJsonParser().parseResource(Bundle.class, json).getType().toCode());
        }
        assertEquals(Set.of("Condition", "Observation", "Patient", "Procedure", "QuestionnaireResponse"), used);
        assertTrue(ignored.containsAll(Set.of("MedicationStatement", "Immunization", "Encounter")), ignored.toString());
        assertTrue(bundleTypes.containsAll(Set.of("collection", "searchset", "transaction")), bundleTypes.toString());
    }
}
