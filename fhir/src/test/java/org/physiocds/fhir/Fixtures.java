package org.physiocds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.physiocds.CdsEngine;

/** Shared by the tests: one engine, one mapping, one validator; the example records. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final CdsEngine ENGINE = CdsEngine.builder().build();
    static final FhirMapping FHIR = FhirMapping.create();
    static final Path EXAMPLES = Path.of("..", "examples");

    private static FhirValidator validator;

    private Fixtures() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HAPI's R4 instance validator: the core definitions, the code systems HAPI knows (UCUM,
     * languages...), this module's own definitions; LOINC and SNOMED CT, which no terminology
     * server here can check, give a warning, never an error.
     */
    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext ctx = FhirMapping.context();
            PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
            FHIR.definitions().forEach(ours::addResource);
            UnknownCodeSystemWarningValidationSupport unknown = new UnknownCodeSystemWarningValidationSupport(ctx);
            unknown.setNonExistentCodeSystemSeverity(org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport.DEFAULT_SEVERITY);
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    ours,
                    new CommonCodeSystemsTerminologyService(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new SnapshotGeneratingValidationSupport(ctx),
                    unknown);
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setAnyExtensionsAllowed(true);
            validator = ctx.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    /** Every message of severity error or fatal, as text (for an assertion message). */
    static List<String> errors(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString)
                .toList();
    }
}
