package org.physiocds.fhir;

import java.util.Map;
import org.physiocds.model.Region;
import org.physiocds.model.Side;

/**
 * The code systems, codes and canonical URLs of the mapping, in one place. Each standard code is
 * cited with its published source in {@code docs/fhir-mapping.md}; the project's own code systems
 * and questionnaires ship as JSON beside this class ({@code org/physiocds/fhir/*.json}).
 */
final class Codes {

    private Codes() {
    }

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";

    /**
     * The base of this project's canonical URLs: names that identify its code systems,
     * questionnaires and extensions, not web addresses (nothing is served there).
     */
    static final String BASE = "https://physiocds.org/fhir";

    static final String CS_MUSCLE = BASE + "/CodeSystem/muscle";
    static final String CS_INJURY_TYPE = BASE + "/CodeSystem/injury-type";
    static final String CS_OBSERVATION = BASE + "/CodeSystem/observation";
    static final String CS_STRENGTH = BASE + "/CodeSystem/strength";
    static final String CS_LENGTH = BASE + "/CodeSystem/length";
    static final String CS_SIGN = BASE + "/CodeSystem/sign";
    static final String CS_LIFESTYLE = BASE + "/CodeSystem/lifestyle";
    static final String CS_RED_FLAG = BASE + "/CodeSystem/red-flag";
    static final String CS_BOTHERSOMENESS = BASE + "/CodeSystem/bothersomeness";
    // Output
    static final String CS_ACTION = BASE + "/CodeSystem/action";
    static final String CS_TARGET = BASE + "/CodeSystem/target";
    static final String CS_TOPIC = BASE + "/CodeSystem/topic";
    /** The phases of the plan, and WITHHELD for what a contraindication overruled. */
    static final String CS_PLAN_SECTION = BASE + "/CodeSystem/plan-section";
    static final String CS_FLAG = BASE + "/CodeSystem/flag";
    static final String CS_RESTRICTION = BASE + "/CodeSystem/restriction";
    static final String CS_REFERRAL_REASON = BASE + "/CodeSystem/referral-reason";
    static final String CS_URGENCY = BASE + "/CodeSystem/urgency";
    static final String CS_SOURCE_KIND = BASE + "/CodeSystem/source-kind";

    static final String Q_STRETCHING = BASE + "/Questionnaire/stretching-history";
    /** LOINC's canonical URL of its STarT Back panel as a Questionnaire. */
    static final String Q_START_BACK_LOINC = "http://loinc.org/q/91349-1";
    static final String Q_START_BACK = BASE + "/Questionnaire/start-back";

    static final String EXT_LATERALITY = BASE + "/StructureDefinition/laterality";
    /** mCODE's laterality qualifier on a body site, read as well as ours. */
    static final String EXT_LATERALITY_MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier";
    /** HL7's laterality of a body structure (FHIR Extensions Pack), read as well as ours. */
    static final String EXT_LATERALITY_HL7 = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality";
    static final String EXT_KNOWLEDGE_BASE = BASE + "/StructureDefinition/knowledge-base";
    static final String EXT_THRESHOLDS = BASE + "/StructureDefinition/thresholds";
    static final String EXT_EXERCISE_WITHHELD = BASE + "/StructureDefinition/exercise-withheld";
    static final String EXT_EXPLANATION = BASE + "/StructureDefinition/explanation";
    static final String EXT_ALSO_SUPPORTED_BY = BASE + "/StructureDefinition/also-supported-by";
    static final String EXT_WITHHELD_BY = BASE + "/StructureDefinition/withheld-by";
    static final String EXT_ALSO_WITHHELD_BY = BASE + "/StructureDefinition/also-withheld-by";
    static final String EXT_DOSAGE = BASE + "/StructureDefinition/dosage";
    static final String EXT_CITATION = BASE + "/StructureDefinition/citation";
    static final String EXT_START_BACK = BASE + "/StructureDefinition/start-back";

    // Standard codes (docs/fhir-mapping.md cites each one).
    static final String SCT_LOW_BACK_PAIN = "279039007";
    static final String SCT_PAIN = "22253000";
    static final String SCT_SURGICAL_PROCEDURE = "387713003";
    static final String LOINC_PAIN_SEVERITY = "72514-3";
    static final String LOINC_START_BACK_PANEL = "91349-1";
    /** The nine STarT Back items, in order: items 1-8 agree/disagree, item 9 bothersomeness. */
    static final String[] LOINC_START_BACK_ITEMS = {
        "91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5", "91348-3"};
    /** The panel's scores: read by no one here (the engine scores the answers), never a problem. */
    static final String[] LOINC_START_BACK_SCORES = {"91350-9", "91351-7", "91352-5"};

    /** SNOMED CT body structures of the pain regions. */
    static final Map<String, Region> REGION_BY_SITE = Map.ofEntries(
            Map.entry("37822005", Region.LOWER_BACK),   // Lower back structure
            Map.entry("1141985005", Region.LOWER_BACK), // Structure of lumbar vertebral column region
            Map.entry("1141986006", Region.UPPER_BACK), // Structure of thoracic vertebral column region
            Map.entry("45048000", Region.NECK),         // Neck structure
            Map.entry("1141983003", Region.NECK),       // Structure of cervical vertebral column region
            Map.entry("16982005", Region.SHOULDER),     // Shoulder region structure
            Map.entry("29836001", Region.HIP),          // Hip region structure
            Map.entry("72696002", Region.KNEE),         // Knee region structure
            Map.entry("344001", Region.ANKLE));         // Ankle region structure

    /** The body site written for each region (the first code of each region above). */
    static String siteOf(Region region) {
        return switch (region) {
            case LOWER_BACK -> "37822005";
            case UPPER_BACK -> "1141986006";
            case NECK -> "45048000";
            case SHOULDER -> "16982005";
            case HIP -> "29836001";
            case KNEE -> "72696002";
            case ANKLE -> "344001";
        };
    }

    /** SNOMED CT laterality qualifiers (R4 and later value sets). */
    static final Map<String, Side> SIDE_BY_CODE = Map.of(
            "7771000", Side.LEFT,     // Left
            "24028007", Side.RIGHT,   // Right
            "51440002", Side.BOTH,    // Right and left (bilateral)
            "419161000", Side.LEFT,   // Unilateral left (R4 bodysite-laterality)
            "419465000", Side.RIGHT); // Unilateral right (R4 bodysite-laterality)

    static String lateralityOf(Side side) {
        return switch (side) {
            case LEFT -> "7771000";
            case RIGHT -> "24028007";
            case BOTH -> "51440002";
        };
    }

    static String lateralityDisplay(Side side) {
        return switch (side) {
            case LEFT -> "Left";
            case RIGHT -> "Right";
            case BOTH -> "Right and left";
        };
    }
}
