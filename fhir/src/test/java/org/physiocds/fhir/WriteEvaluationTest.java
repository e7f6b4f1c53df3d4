package org.physiocds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RequestGroup.RequestGroupActionComponent;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.physiocds.Evaluation;
import org.physiocds.json.JsonCodec;
import org.physiocds.model.Patient;

/** The output follows the typed signals, is stamped, and is the same bytes for the same evaluation. */
class WriteEvaluationTest {

    private static final String B = "https://physiocds.org/fhir";

    static Evaluation scenario(String name) throws Exception {
        String patient = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Fixtures.EXAMPLES.resolve("scenarios").resolve(name + ".json").toFile()).get("patient").toString();
        return Fixtures.ENGINE.evaluate(new JsonCodec().readPatient(patient));
    }

    static List<RequestGroupActionComponent> leaves(RequestGroup plan) {
        return plan.getAction().stream().flatMap(g -> g.getAction().stream()).toList();
    }

    static boolean has(List<CodeableConcept> codes, String system, String code) {
        return codes.stream().flatMap(c -> c.getCoding().stream()).anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    @Test
    void emergency_referralIsStat_exerciseWithheld_redFlagIssueHigh_withheldItemsCancelled() throws Exception {
        Evaluation e = scenario("saddle-numbness-and-bladder-change-emergency");
        Bundle bundle = Fixtures.FHIR.writeEvaluation(e);
        RequestGroup plan = (RequestGroup) bundle.getEntryFirstRep().getResource();
        assertEquals("proposal", plan.getIntent().toCode());
        RequestGroupActionComponent refer = leaves(plan).get(0);
        assertEquals("stat", refer.getPriority().toCode());
        assertTrue(has(refer.getCode(), B + "/CodeSystem/urgency", "EMERGENCY"));
        assertTrue(plan.getExtensionByUrl(B + "/StructureDefinition/exercise-withheld") != null);
        DetectedIssue redFlag = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(DetectedIssue.class::isInstance).map(DetectedIssue.class::cast)
                .filter(d -> d.getCode().getCodingFirstRep().getCode().equals("RED_FLAG")).findFirst().orElseThrow();
        assertEquals("high", redFlag.getSeverity().toCode());
        RequestGroupActionComponent withheld = plan.getAction().get(plan.getAction().size() - 1);
        assertTrue(has(withheld.getCode(), B + "/CodeSystem/plan-section", "WITHHELD"));
        assertEquals(e.suppressed().size(), withheld.getAction().size());
        for (RequestGroupActionComponent item : withheld.getAction()) {
            assertTrue(item.getExtensionByUrl(B + "/StructureDefinition/withheld-by") != null);
            Task task = (Task) plan.getContained().stream().filter(r -> ("#" + r.getIdElement().getIdPart())
                    .equals(item.getResource().getReference())).findFirst().orElseThrow();
            assertEquals("cancelled", task.getStatus().toCode());
        }
    }

    @Test
    void sidedAdvice_lateralityCodes_restrictionCodes_topics_citationsQuoteOrSummary() throws Exception {
        RequestGroup plan = (RequestGroup) Fixtures.FHIR.writeEvaluation(scenario("left-hamstring-strain-right-short-stretch-the-right"))
                .getEntryFirstRep().getResource();
        List<RequestGroupActionComponent> leaves = leaves(plan);
        assertTrue(leaves.stream().anyMatch(a -> has(a.getCode(), B + "/CodeSystem/action", "DO_NOT_STRETCH")
                && has(a.getCode(), "http://snomed.info/sct", "7771000") && has(a.getCode(), B + "/CodeSystem/restriction", "CONTRAINDICATED")));
        assertTrue(leaves.stream().anyMatch(a -> has(a.getCode(), B + "/CodeSystem/action", "STRETCH")
                && has(a.getCode(), "http://snomed.info/sct", "24028007")));
        assertTrue(leaves.stream().anyMatch(a -> a.getCode().stream().anyMatch(c -> c.hasCoding(B + "/CodeSystem/topic",
                c.getCodingFirstRep().getCode()))));
        for (RequestGroupActionComponent leaf : leaves) {
            assertTrue(leaf.hasDocumentation(), leaf.getTitle());
            leaf.getDocumentation().forEach(d -> {
                Extension citation = d.getExtensionByUrl(B + "/StructureDefinition/citation");
                boolean quote = citation.getExtensionByUrl("quote") != null;
                boolean summary = citation.getExtensionByUrl("summary") != null;
                assertTrue(quote != summary, "a quote or a summary, never both");
            });
        }
    }

    @Test
    void everyResource_stampedWithTheKnowledgeBase_planWithThresholds() throws Exception {
        Evaluation e = scenario("start-back-high-risk-psychologically-informed");
        Bundle bundle = Fixtures.FHIR.writeEvaluation(e);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Extension kb = ((DomainResource) entry.getResource()).getExtensionByUrl(B + "/StructureDefinition/knowledge-base");
            assertEquals(e.knowledgeBase().name(), kb.getExtensionString("name"));
            assertEquals(e.knowledgeBase().version(), kb.getExtensionString("version"));
            assertEquals(e.knowledgeBase().contentHash(), kb.getExtensionString("contentHash"));
        }
        Extension thresholds = ((RequestGroup) bundle.getEntryFirstRep().getResource()).getExtensionByUrl(B + "/StructureDefinition/thresholds");
        assertEquals("42", thresholds.getExtensionByUrl("recentInjuryDays").getValue().primitiveValue());
        assertEquals("false", thresholds.getExtensionByUrl("unsafe").getValue().primitiveValue());
        assertTrue(bundle.getEntry().stream().anyMatch(en -> en.getResource().fhirType().equals("Observation")), "the STarT Back result");
    }

    @Test
    void writeEvaluationJson_sameEvaluation_sameBytes_noPatientDataButTheId() throws Exception {
        Patient p = new JsonCodec().readPatient(Fixtures.read(Fixtures.EXAMPLES.resolve("patients").resolve("demo-01.json")));
        String first = Fixtures.FHIR.writeEvaluationJson(Fixtures.ENGINE.evaluate(p));
        String second = Fixtures.FHIR.writeEvaluationJson(CdsEngineHolder.other().evaluate(p));
        assertEquals(first, second);
        assertTrue(first.contains("\"resourceType\": \"Bundle\""));
        assertTrue(!first.contains("\r"));
    }

    /** A second engine, built apart, to show the output does not depend on the instance. */
    static final class CdsEngineHolder {
        static org.physiocds.CdsEngine other() {
            return org.physiocds.CdsEngine.builder().build();
        }
    }
}
