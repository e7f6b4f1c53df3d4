package org.physiocds.model;

/**
 * A red flag for serious pathology, screened before any exercise advice (NICE NG59; the national
 * cauda equina pathway; ACP 2011 imaging triage).
 */
public enum RedFlag {
    // Suspected cauda equina syndrome
    /**
     * Numbness in the saddle area (around the anus, genitals and inner thighs); suspected cauda
     * equina syndrome.
     */
    SADDLE_ANESTHESIA,
    /** New bladder or bowel dysfunction (retention, incontinence); suspected cauda equina syndrome. */
    BLADDER_OR_BOWEL_DYSFUNCTION,
    /** Worsening weakness, numbness or loss of reflexes in the legs; suspected cauda equina syndrome. */
    PROGRESSIVE_NEUROLOGICAL_DEFICIT,
    /** A disturbance of walking; suspected cauda equina syndrome. */
    GAIT_DISTURBANCE,
    // Malignancy
    /** A history of cancer; a sign of malignancy. */
    HISTORY_OF_CANCER,
    /** Weight loss without a known reason; a sign of malignancy. */
    UNEXPLAINED_WEIGHT_LOSS,
    /** Pain at night; a sign of malignancy. */
    NIGHT_PAIN,
    /**
     * New pain at an age over 50; a sign of malignancy, and a risk factor for fracture. For spinal
     * pain the rules derive it from the age and a pain duration under six weeks when it is not ticked.
     */
    AGE_OVER_50_NEW_PAIN,
    // Infection
    /** Fever; suspected infection. */
    FEVER,
    /** A suppressed immune system (a disease or its treatment); a risk factor for infection. */
    IMMUNOSUPPRESSION,
    /** Intravenous drug use; a risk factor for infection. */
    INTRAVENOUS_DRUG_USE,
    /** A recent infection; a risk factor for spinal infection. */
    RECENT_INFECTION,
    // Fracture
    /** Major trauma; suspected fracture. */
    MAJOR_TRAUMA,
    /** Minor trauma in a patient with osteoporosis; suspected fragility fracture. */
    MINOR_TRAUMA_WITH_OSTEOPOROSIS,
    /** Long-term use of corticosteroids; a risk factor for fracture. */
    PROLONGED_CORTICOSTEROID_USE
}
