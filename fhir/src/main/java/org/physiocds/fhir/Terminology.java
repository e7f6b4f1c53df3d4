package org.physiocds.fhir;

import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.physiocds.model.InjuryType;
import org.physiocds.model.Muscle;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Region;
import org.physiocds.model.Side;

/**
 * The standard codes (SNOMED CT, ICD-10-CM) the mapping recognises in what EHRs and Synthea
 * write: pain by region, red-flag conditions, injuries, surgery by the procedure's own code.
 * Every code here is listed in {@code docs/fhir-mapping.md} with its display and the published
 * source it was checked against; no terminology server is consulted, so a concept is recognised
 * only when its own code is in a table (no subsumption). ICD-10-CM codes are matched without their
 * dot, on the stem the table gives (the 7th character, initial encounter or later, does not matter).
 */
final class Terminology {

    private Terminology() {
    }

    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    // ---------------------------------------------------------------- pain

    /** SNOMED CT pain findings, acute and chronic, by region. */
    static final Map<String, Region> SCT_PAIN = Map.ofEntries(
            Map.entry("279039007", Region.LOWER_BACK), // Low back pain
            Map.entry("278860009", Region.LOWER_BACK), // Chronic low back pain
            Map.entry("278862001", Region.LOWER_BACK), // Acute low back pain
            Map.entry("279040009", Region.LOWER_BACK), // Mechanical low back pain
            Map.entry("81680005", Region.NECK),        // Neck pain
            Map.entry("279038004", Region.UPPER_BACK), // Thoracic back pain
            Map.entry("267981009", Region.UPPER_BACK), // Pain in thoracic spine
            Map.entry("45326000", Region.SHOULDER),    // Shoulder pain
            Map.entry("49218002", Region.HIP),         // Hip pain
            Map.entry("1003722009", Region.KNEE),      // Pain of knee region
            Map.entry("247373008", Region.ANKLE),      // Ankle pain
            Map.entry("202490009", Region.ANKLE));     // Ankle joint pain

    /** ICD-10-CM pain codes (without the dot) by region; the side a code names is not a fact of pain. */
    static final Map<String, Region> ICD_PAIN = Map.ofEntries(
            Map.entry("M545", Region.LOWER_BACK),  // Low back pain (until FY2021)
            Map.entry("M5450", Region.LOWER_BACK), // Low back pain, unspecified
            Map.entry("M5451", Region.LOWER_BACK), // Vertebrogenic low back pain
            Map.entry("M5459", Region.LOWER_BACK), // Other low back pain
            Map.entry("M542", Region.NECK),        // Cervicalgia
            Map.entry("M546", Region.UPPER_BACK),  // Pain in thoracic spine
            Map.entry("M25511", Region.SHOULDER), Map.entry("M25512", Region.SHOULDER), Map.entry("M25519", Region.SHOULDER),
            Map.entry("M25551", Region.HIP), Map.entry("M25552", Region.HIP), Map.entry("M25559", Region.HIP),
            Map.entry("M25561", Region.KNEE), Map.entry("M25562", Region.KNEE), Map.entry("M25569", Region.KNEE),
            Map.entry("M25571", Region.ANKLE), Map.entry("M25572", Region.ANKLE), Map.entry("M25579", Region.ANKLE));

    /** The region of a pain concept, or {@code null}. */
    static Region painRegion(CodeableConcept code) {
        for (Coding c : code.getCoding()) {
            if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null && SCT_PAIN.containsKey(c.getCode())) {
                return SCT_PAIN.get(c.getCode());
            }
            String icd = icd(c);
            if (icd != null && ICD_PAIN.containsKey(icd)) {
                return ICD_PAIN.get(icd);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- red-flag conditions

    /** SNOMED CT conditions that are red flags by themselves. */
    static final Map<String, RedFlag> SCT_RED_FLAG = Map.ofEntries(
            Map.entry("363346000", RedFlag.HISTORY_OF_CANCER),      // Malignant neoplastic disease
            Map.entry("399068003", RedFlag.HISTORY_OF_CANCER),      // Malignant tumor of prostate
            Map.entry("254837009", RedFlag.HISTORY_OF_CANCER),      // Malignant tumor of breast
            Map.entry("93880001", RedFlag.HISTORY_OF_CANCER),       // Primary malignant neoplasm of lung
            Map.entry("254637007", RedFlag.HISTORY_OF_CANCER),      // Non-small cell lung cancer (Synthea)
            Map.entry("424132000", RedFlag.HISTORY_OF_CANCER),      // Non-small cell carcinoma of lung, TNM stage 1 (Synthea)
            Map.entry("254632001", RedFlag.HISTORY_OF_CANCER),      // Small cell carcinoma of lung (Synthea)
            Map.entry("67811000119102", RedFlag.HISTORY_OF_CANCER), // Primary small cell malignant neoplasm of lung, TNM stage 1 (Synthea)
            Map.entry("93761005", RedFlag.HISTORY_OF_CANCER),       // Primary malignant neoplasm of colon (Synthea)
            Map.entry("94260004", RedFlag.HISTORY_OF_CANCER),       // Secondary malignant neoplasm of colon (Synthea)
            Map.entry("109838007", RedFlag.HISTORY_OF_CANCER),      // Overlapping malignant neoplasm of colon (Synthea)
            Map.entry("428262008", RedFlag.HISTORY_OF_CANCER),      // History of malignant neoplasm of prostate
            Map.entry("415082004", RedFlag.HISTORY_OF_CANCER),      // History of malignant neoplasm of lung
            Map.entry("429699009", RedFlag.HISTORY_OF_CANCER),      // History of malignant neoplasm of colon
            Map.entry("68566005", RedFlag.RECENT_INFECTION),        // Urinary tract infectious disease
            Map.entry("431309003", RedFlag.RECENT_INFECTION),       // Acute urinary tract infection
            Map.entry("197927001", RedFlag.RECENT_INFECTION),       // Recurrent urinary tract infection
            Map.entry("301011002", RedFlag.RECENT_INFECTION),       // Escherichia coli urinary tract infection (Synthea)
            Map.entry("302935008", RedFlag.RECENT_INFECTION),       // Infective discitis
            Map.entry("203241002", RedFlag.RECENT_INFECTION),       // Osteomyelitis of vertebra
            Map.entry("443165006", RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS),  // Osteoporotic fracture
            Map.entry("240198002", RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS)); // Osteoporotic vertebral collapse

    /** SNOMED CT osteoporosis: a red flag (minor trauma with osteoporosis) with an injury or fracture beside it. */
    static final Set<String> SCT_OSTEOPOROSIS = Set.of(
            "64859006",   // Osteoporosis
            "102447009",  // Postmenopausal osteoporosis
            "203438009"); // Vertebral osteoporosis

    /** The red flag a condition is, or {@code null}. */
    static RedFlag redFlag(CodeableConcept code) {
        for (Coding c : code.getCoding()) {
            if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null && SCT_RED_FLAG.containsKey(c.getCode())) {
                return SCT_RED_FLAG.get(c.getCode());
            }
            String icd = icd(c);
            if (icd == null) {
                continue;
            }
            if (icd.startsWith("C") || icd.startsWith("Z85")) {
                return RedFlag.HISTORY_OF_CANCER; // malignant neoplasms; personal history of one
            }
            if (icd.equals("N390") || icd.startsWith("M462") || icd.startsWith("M463")) {
                return RedFlag.RECENT_INFECTION; // urinary tract infection; vertebral osteomyelitis, disc infection
            }
            if (icd.startsWith("M80")) {
                return RedFlag.MINOR_TRAUMA_WITH_OSTEOPOROSIS; // osteoporosis with current pathological fracture
            }
        }
        return null;
    }

    static boolean isOsteoporosis(CodeableConcept code) {
        for (Coding c : code.getCoding()) {
            if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null && SCT_OSTEOPOROSIS.contains(c.getCode())) {
                return true;
            }
            String icd = icd(c);
            if (icd != null && icd.startsWith("M81")) {
                return true; // osteoporosis without current pathological fracture
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- injuries

    /**
     * An injury as a code names it: its type, the muscle when the code names one of ours, the side
     * when the code carries it (ICD-10-CM's laterality character), else {@code null}.
     */
    record InjuryCode(InjuryType type, Muscle muscle, Side side) {
    }

    /** SNOMED CT injuries (sides come from the body site). */
    static final Map<String, InjuryCode> SCT_INJURY = Map.ofEntries(
            Map.entry("48532005", strain(null)),                          // Muscle strain
            Map.entry("481000119104", strain(Muscle.HAMSTRINGS)),         // Strain of hamstring muscle
            Map.entry("300956001", strain(Muscle.LOWER_BACK_EXTENSORS)),  // Low back strain
            Map.entry("309710005", strain(Muscle.LOWER_BACK_EXTENSORS)),  // Lumbosacral strain
            Map.entry("262965006", strain(null)),                         // Strain of back muscle
            Map.entry("360450007", strain(null)),                         // Strain of neck muscle
            Map.entry("438505003", strain(null)),                         // Strain of trapezius muscle (upper or lower: not said)
            Map.entry("789758005", strain(null)),                         // Strain of rotator cuff of shoulder
            Map.entry("429513001", new InjuryCode(InjuryType.TEAR, Muscle.CALVES, null)), // Rupture of Achilles tendon
            Map.entry("926335004", other(InjuryType.TEAR)),               // Rupture of rotator cuff of shoulder
            Map.entry("239725005", other(InjuryType.OTHER)),              // Rupture of anterior cruciate ligament
            Map.entry("239727002", other(InjuryType.OTHER)),              // Rupture of posterior cruciate ligament
            Map.entry("239729004", other(InjuryType.OTHER)),              // Rupture of medial collateral ligament of knee
            Map.entry("444470001", other(InjuryType.OTHER)),              // Injury of anterior cruciate ligament (Synthea)
            Map.entry("444448004", other(InjuryType.OTHER)),              // Injury of medial collateral ligament of knee (Synthea)
            Map.entry("81902001", other(InjuryType.OTHER)),               // Sprain of medial collateral ligament of knee
            Map.entry("54888009", other(InjuryType.OTHER)),               // Sprain of knee
            Map.entry("44465007", other(InjuryType.OTHER)),               // Sprain of ankle
            Map.entry("70704007", other(InjuryType.OTHER)),               // Sprain of wrist
            Map.entry("209557005", other(InjuryType.OTHER)),              // Neck sprain
            Map.entry("209565008", other(InjuryType.OTHER)),              // Lumbar sprain
            Map.entry("39848009", other(InjuryType.OTHER)),               // Whiplash injury to neck
            Map.entry("307731004", other(InjuryType.OTHER)),              // Injury of tendon of the rotator cuff of shoulder (Synthea)
            Map.entry("30832001", other(InjuryType.TEAR)),                // Rupture of patellar tendon (Synthea)
            Map.entry("16114001", other(InjuryType.OTHER)),               // Fracture of ankle
            Map.entry("58150001", other(InjuryType.OTHER)),               // Fracture of clavicle
            Map.entry("33737001", other(InjuryType.OTHER)),               // Fracture of rib
            Map.entry("65966004", other(InjuryType.OTHER)),               // Fracture of forearm (Synthea)
            Map.entry("263102004", other(InjuryType.OTHER)),              // Fracture subluxation of wrist (Synthea)
            Map.entry("359817006", other(InjuryType.OTHER)),              // Closed fracture of hip (Synthea)
            Map.entry("125608002", other(InjuryType.OTHER)),              // Fracture of lumbar spine
            Map.entry("125607007", other(InjuryType.OTHER)),              // Fracture of thoracic spine
            Map.entry("50448004", other(InjuryType.OTHER)),               // Fracture of vertebral column
            Map.entry("42942008", other(InjuryType.OTHER)),               // Compression fracture of vertebral column
            Map.entry("426646004", other(InjuryType.OTHER)),              // Compression fracture of lumbar spine
            Map.entry("274146004", other(InjuryType.OTHER)),              // Pathological fracture of vertebra
            Map.entry("443165006", other(InjuryType.OTHER)),              // Osteoporotic fracture
            Map.entry("240198002", other(InjuryType.OTHER)));             // Osteoporotic vertebral collapse

    /** ICD-10-CM injury stems without a side character. */
    private static final Map<String, InjuryCode> ICD_INJURY = Map.of(
            "S39012", strain(Muscle.LOWER_BACK_EXTENSORS), // Strain of muscle, fascia and tendon of lower back
            "S161", strain(null),                          // Strain of muscle, fascia and tendon at neck level
            "S134", other(InjuryType.OTHER));              // Sprain of ligaments of cervical spine (whiplash)

    /** ICD-10-CM injury stems whose next character is the side: 1 right, 2 left, 9 unspecified. */
    private static final Map<String, InjuryCode> ICD_SIDED_INJURY = Map.ofEntries(
            Map.entry("S7611", strain(Muscle.QUADRICEPS)), // Strain of quadriceps muscle, fascia and tendon
            Map.entry("S7631", strain(Muscle.HAMSTRINGS)), // Strain of ... posterior muscle group at thigh level
            Map.entry("S8611", strain(Muscle.CALVES)),     // Strain of other muscle(s) and tendon(s) of posterior muscle group at lower leg level
            Map.entry("S8601", strain(Muscle.CALVES)),     // Strain of Achilles tendon
            Map.entry("S7601", strain(null)),              // Strain of muscle, fascia and tendon of hip
            Map.entry("S4601", strain(null)),              // Strain of muscle(s) and tendon(s) of the rotator cuff
            Map.entry("S9340", other(InjuryType.OTHER)),   // Sprain of unspecified ligament of ankle
            Map.entry("S9341", other(InjuryType.OTHER)),   // Sprain of calcaneofibular ligament
            Map.entry("S9342", other(InjuryType.OTHER)),   // Sprain of deltoid ligament
            Map.entry("S9343", other(InjuryType.OTHER)),   // Sprain of tibiofibular ligament
            Map.entry("S9349", other(InjuryType.OTHER)),   // Sprain of other ligament of ankle
            Map.entry("S8341", other(InjuryType.OTHER)),   // Sprain of medial collateral ligament of knee
            Map.entry("S8342", other(InjuryType.OTHER)),   // Sprain of lateral collateral ligament of knee
            Map.entry("S8350", other(InjuryType.OTHER)),   // Sprain of unspecified cruciate ligament of knee
            Map.entry("S8351", other(InjuryType.OTHER)),   // Sprain of anterior cruciate ligament of knee
            Map.entry("S8352", other(InjuryType.OTHER)));  // Sprain of posterior cruciate ligament of knee

    /** The injury a condition's code names, or {@code null}. */
    static InjuryCode injury(CodeableConcept code) {
        for (Coding c : code.getCoding()) {
            if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null && SCT_INJURY.containsKey(c.getCode())) {
                return SCT_INJURY.get(c.getCode());
            }
            String icd = icd(c);
            if (icd == null) {
                continue;
            }
            for (int n = 4; n <= 6 && n <= icd.length(); n++) {
                InjuryCode plain = ICD_INJURY.get(icd.substring(0, n));
                if (plain != null) {
                    return plain;
                }
            }
            if (icd.length() >= 6) {
                InjuryCode sided = ICD_SIDED_INJURY.get(icd.substring(0, 5));
                if (sided != null) {
                    Side side = switch (icd.charAt(5)) {
                        case '1' -> Side.RIGHT;
                        case '2' -> Side.LEFT;
                        default -> null;
                    };
                    return new InjuryCode(sided.type(), sided.muscle(), side);
                }
            }
        }
        return null;
    }

    private static InjuryCode strain(Muscle muscle) {
        return new InjuryCode(InjuryType.STRAIN, muscle, null);
    }

    private static InjuryCode other(InjuryType type) {
        return new InjuryCode(type, null, null);
    }

    // ---------------------------------------------------------------- surgery

    /** A surgical procedure recognised by its own code; the region {@code null} when the code names none. */
    /** A surgical procedure's region and, when the code itself names it, the side operated on. */
    record SurgeryCode(Region region, Side side) {

        SurgeryCode(Region region) {
            this(region, null);
        }
    }

    static final Map<String, SurgeryCode> SCT_SURGERY = Map.ofEntries(
            Map.entry("609588000", new SurgeryCode(Region.KNEE)),     // Total knee replacement
            Map.entry("443682009", new SurgeryCode(Region.KNEE, Side.RIGHT)),     // Total replacement of right knee joint
            Map.entry("443681002", new SurgeryCode(Region.KNEE, Side.LEFT)),     // Total replacement of left knee joint
            Map.entry("19063003", new SurgeryCode(Region.KNEE)),      // Arthroplasty of knee
            Map.entry("309431009", new SurgeryCode(Region.KNEE)),     // Arthroscopy of knee
            Map.entry("239431009", new SurgeryCode(Region.KNEE)),     // Reconstruction of anterior cruciate ligament of knee joint
            Map.entry("699253003", new SurgeryCode(Region.KNEE)),     // Surgical manipulation of joint of knee (Synthea)
            Map.entry("52734007", new SurgeryCode(Region.HIP)),       // Total replacement of hip
            Map.entry("398010007", new SurgeryCode(Region.HIP)),      // Prosthetic arthroplasty of hip
            Map.entry("42262007", new SurgeryCode(Region.SHOULDER)),  // Total shoulder replacement
            Map.entry("61774002", new SurgeryCode(Region.SHOULDER)),  // Repair of rotator cuff by suture
            Map.entry("387685009", new SurgeryCode(Region.SHOULDER)), // Surgical manipulation of shoulder joint (Synthea)
            Map.entry("445429009", new SurgeryCode(Region.NECK)),     // Cervical laminectomy
            Map.entry("50172003", new SurgeryCode(Region.LOWER_BACK)), // Lumbar spinal fusion
            Map.entry("387731002", new SurgeryCode(null)),            // Laminectomy
            Map.entry("55705006", new SurgeryCode(null)),             // Spinal arthrodesis
            Map.entry("89355001", new SurgeryCode(null)),             // Discectomy for intervertebral herniated disc, nucleus pulposus
            Map.entry("10836008", new SurgeryCode(null)),             // Decompression of spinal cord
            Map.entry("13714004", new SurgeryCode(null)));            // Arthroscopy

    static SurgeryCode surgery(CodeableConcept code) {
        for (Coding c : code.getCoding()) {
            if (Codes.SNOMED.equals(c.getSystem()) && c.getCode() != null && SCT_SURGERY.containsKey(c.getCode())) {
                return SCT_SURGERY.get(c.getCode());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    /** An ICD-10-CM code without its dot, upper case, or {@code null} for another system. */
    static String icd(Coding c) {
        if (!ICD10CM.equals(c.getSystem()) || c.getCode() == null) {
            return null;
        }
        return c.getCode().replace(".", "").trim().toUpperCase(java.util.Locale.ROOT);
    }
}
