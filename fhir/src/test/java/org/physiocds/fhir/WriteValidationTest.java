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
            // With the missing-data report, so its notes are validated too.
            Evaluation evaluation = Fixtures.ENGINE.evaluateWithMissingData(json.readPatient(patient));
            Bundle bundle = Fixtures.FHIR.writeEvaluation(evaluation);
            resources += bundle.getEntry().size(); // the validator checks every entry of the Bundle
            Fixtures.errors(bundle).forEach(e -> errors.add(file.getFileName() + " Bundle: " + e));
        }
        assertEquals(List.of(), errors, resources + " resources validated");
    }

    @Test
    void writeEvaluation_withMissingData_oneNotePerSuppositionMostImportantFirst() {
        Evaluation evaluation = Fixtures.ENGINE.evaluateWithMissingData(new JsonCodec().readPatient(
                "{\"painRegion\": \"HIP\", \"muscles\": [{\"muscle\": \"PIRIFORMIS\", \"feelsTight\": true}]}"));
        Bundle bundle = Fixtures.FHIR.writeEvaluation(evaluation);
        org.hl7.fhir.r4.model.RequestGroup plan = (org.hl7.fhir.r4.model.RequestGroup) bundle.getEntryFirstRep().getResource();

        assertEquals(evaluation.missingData().size(), plan.getNote().size());
        org.junit.jupiter.api.Assertions.assertTrue(plan.getNote().get(0).getText()
                .startsWith("What could change this advice (Safety): If red-flag screening were an emergency red flag"),
                plan.getNote().get(0).getText());
        org.junit.jupiter.api.Assertions.assertTrue(plan.getNote().stream().anyMatch(n -> n.getText()
                .contains("If the length of the piriformis were SHORT (muscles[0].length): ")));
    }
}
