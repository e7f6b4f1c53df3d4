package org.physiocds.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.physiocds.Action;
import org.physiocds.model.Region;
import org.physiocds.model.Side;
import org.physiocds.model.Target;

/**
 * Draft orders (ServiceRequests) for exercise, recognised from the standard codes EHRs and
 * Synthea write rather than the project's own: for CDS Hooks {@code order-select}. The codes are
 * listed in {@code docs/fhir-mapping.md} with their sources. Stateless.
 */
public final class OrderCodes {

    private OrderCodes() {
    }

    /**
     * An exercise a standard code names.
     *
     * @param action  the project's action when the code names one (stretching), else {@code null}
     *                (exercise therapy in general: exercise, but no particular action)
     * @param display the code's display, for a card's text
     */
    public record Exercise(Action action, String display) {
    }

    /** SNOMED CT exercise procedures. */
    static final Map<String, Exercise> SCT_EXERCISE = Map.of(
            "229070002", new Exercise(Action.STRETCH, "Stretching exercises"),
            "229065009", new Exercise(null, "Exercise therapy"));

    /** The exercise an order's code names in SNOMED CT, or {@code null} when it names none. */
    public static Exercise exercise(CodeableConcept code) {
        if (code == null) {
            return null;
        }
        for (Coding coding : code.getCoding()) {
            if (Codes.SNOMED.equals(coding.getSystem()) && coding.getCode() != null && SCT_EXERCISE.containsKey(coding.getCode())) {
                return SCT_EXERCISE.get(coding.getCode());
            }
        }
        return null;
    }

    /** The region a SNOMED CT body site of the order names (the region sites of the mapping), or {@code null}. */
    public static Target target(List<CodeableConcept> bodySite) {
        for (CodeableConcept site : bodySite) {
            for (Coding coding : site.getCoding()) {
                if (Codes.SNOMED.equals(coding.getSystem()) && RecordReader.in(Codes.REGION_BY_SITE.keySet(), coding.getCode())) {
                    Region region = Codes.REGION_BY_SITE.get(coding.getCode());
                    return region;
                }
            }
        }
        return null;
    }

    /**
     * The side of an order's body site: a laterality extension (mCODE's, HL7's), or a SNOMED CT
     * laterality qualifier coded beside the structure or as a body site of its own; {@code null}
     * when none is.
     */
    public static Side side(List<CodeableConcept> bodySite) {
        for (CodeableConcept site : bodySite) {
            for (org.hl7.fhir.r4.model.Extension e : site.getExtension()) {
                if (FieldReader.isLateralityExtension(e.getUrl()) && e.getValue() instanceof CodeableConcept c
                        && FieldReader.side(c) != null) {
                    return FieldReader.side(c);
                }
            }
            Side side = FieldReader.side(site);
            if (side != null) {
                return side;
            }
        }
        return null;
    }
}
