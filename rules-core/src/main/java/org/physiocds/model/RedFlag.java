package org.physiocds.model;

/**
 * A red flag for serious pathology, screened before any exercise advice (NICE NG59; the national
 * cauda equina pathway; ACP 2011 imaging triage).
 */
public enum RedFlag {
    // Suspected cauda equina syndrome
    SADDLE_ANESTHESIA, BLADDER_OR_BOWEL_DYSFUNCTION, PROGRESSIVE_NEUROLOGICAL_DEFICIT, GAIT_DISTURBANCE,
    // Malignancy
    HISTORY_OF_CANCER, UNEXPLAINED_WEIGHT_LOSS, NIGHT_PAIN, AGE_OVER_50_NEW_PAIN,
    // Infection
    FEVER, IMMUNOSUPPRESSION, INTRAVENOUS_DRUG_USE, RECENT_INFECTION,
    // Fracture
    MAJOR_TRAUMA, MINOR_TRAUMA_WITH_OSTEOPOROSIS, PROLONGED_CORTICOSTEROID_USE
}
