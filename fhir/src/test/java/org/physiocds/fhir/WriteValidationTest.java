package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.physiocds.Evaluation;
import org.physiocds.json.JsonCodec;

/** Every resource written, for every example patient and scenario, passes HAPI's R4 instance validator. */
class WriteValidationTest {

    @Test
    void writeEvaluation_everyScenarioAndExample_noValidationError() throws IOException {
        JsonCodec json = new JsonCodec();
        List<String> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> scenarios = Files.list(Fixtures.EXAMPLES.resolve("scenarios"))) {
            scenarios.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        int resources = 0;
        for (Path file : files) {
            String patient = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).get("patient").toString();
            Evaluation evaluation = Fixtures.ENGINE.evaluate(json.readPatient(patient));
            Bundle bundle = Fixtures.FHIR.writeEvaluation(evaluation);
            resources += bundle.getEntry().size(); // the validator checks every entry of the Bundle
            Fixtures.errors(bundle).forEach(e -> errors.add(file.getFileName() + " Bundle: " + e));
        }
        assertEquals(List.of(), errors, resources + " resources validated");
    }
}
