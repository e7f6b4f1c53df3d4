package org.physiocds.hooks;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.physiocds.CdsEngine;
import org.physiocds.fhir.FhirMapping;

/**
 * The knowledge base as FHIR knowledge artifacts, served read-only under {@code /fhir}: its
 * PlanDefinition and Library (made by the {@code fhir} module's mapping from the engine the service
 * runs, once, at start) and the CapabilityStatement that names exactly what is served: PlanDefinition
 * read and {@code $apply}, Library read. Each is written to JSON once, as the mapping writes it
 * (the bytes {@code cds knowledge --output fhir DIR} writes); a read returns those bytes.
 */
final class KnowledgeArtifacts {

    /** The FHIR base under the service's address. */
    static final String BASE = "/fhir";
    /** The operation this service implements, as FHIR R4 defines it. */
    static final String APPLY_DEFINITION = "http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply";

    private final String planDefinition;
    private final String library;
    private final String metadata;

    /**
     * @param publicUrl the address clients call (null in --dev without one): the CapabilityStatement's
     *     {@code implementation.url}
     * @param started when the service started: the CapabilityStatement's date
     */
    KnowledgeArtifacts(CdsEngine engine, String publicUrl, Instant started) {
        FhirMapping fhir = FhirMapping.create();
        PlanDefinition plan = fhir.planDefinition(engine);
        Library library = fhir.library(engine);
        planDefinition = fhir.writeJson(plan);
        this.library = fhir.writeJson(library);
        metadata = fhir.writeJson(capabilityStatement(engine, publicUrl, started));
    }

    /** The PlanDefinition with that id, as FHIR JSON; 404 for any other id. */
    String planDefinition(String id) {
        return found(FhirMapping.PLAN_DEFINITION_ID.equals(id) ? planDefinition : null, "PlanDefinition");
    }

    /** The Library with that id, as FHIR JSON; 404 for any other id. */
    String library(String id) {
        return found(FhirMapping.LIBRARY_ID.equals(id) ? library : null, "Library");
    }

    /** The CapabilityStatement, as FHIR JSON. */
    String metadata() {
        return metadata;
    }

    private static String found(String json, String type) {
        if (json == null) {
            // The id is not repeated: the caller knows what it asked for.
            throw new HttpError(404, "not-found", "no " + type + " with that id on this server");
        }
        return json;
    }

    private static CapabilityStatement capabilityStatement(CdsEngine engine, String publicUrl, Instant started) {
        String kb = engine.knowledgeBase().name() + " " + engine.knowledgeBase().version();
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDate(Date.from(started));
        cs.setKind(CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.getSoftware().setName("PhysioCDS CDS Hooks service").setVersion(engine.knowledgeBase().version());
        cs.getImplementation().setDescription("The knowledge base " + kb + " as FHIR knowledge artifacts, beside"
                + " the CDS Hooks services of the same address");
        if (publicUrl != null) {
            cs.getImplementation().setUrl(TrustedClients.trimSlash(publicUrl) + BASE);
        }
        CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Read-only knowledge artifacts and $apply. Nothing is stored and nothing else is"
                + " served: no search, no history, no write.");
        rest.getSecurity().setDescription("Every call but this CapabilityStatement carries Authorization: Bearer"
                + " <JWT> signed by a client on the service's trusted list, verified as for the CDS Hooks"
                + " services (iss, kid, asymmetric algorithm, aud = the URL called, exp, iat, a jti never used"
                + " before); any other answer is 401.");
        CapabilityStatementRestResourceComponent plan = rest.addResource().setType("PlanDefinition");
        plan.addInteraction().setCode(TypeRestfulInteraction.READ);
        plan.addOperation().setName("apply").setDefinition(APPLY_DEFINITION)
                .setDocumentation("POST [base]/PlanDefinition/[id]/$apply with a Parameters resource: subject"
                        + " (Patient/[id], required), and data (a Bundle of the patient's record) or dataEndpoint"
                        + " (an Endpoint of the client's FHIR server trusted for it, with an Authorization: Bearer"
                        + " header). Answers a Bundle (collection): the RequestGroup first (instantiatesCanonical"
                        + " this PlanDefinition), then one DetectedIssue per flag and the STarT Back Observation"
                        + " when there is one, as the FHIR mapping writes every evaluation.");
        CapabilityStatementRestResourceComponent library = rest.addResource().setType("Library");
        library.addInteraction().setCode(TypeRestfulInteraction.READ);
        return cs;
    }
}
