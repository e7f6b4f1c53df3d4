package org.physiocds;

/** Something a clinician should know about the patient, raised by a rule. */
public enum FlagCode {
    INSTABILITY_SUSPECTED, PROBLEM_PROGRESSING, DESTABILIZED, ROOT_CAUSE_UNADDRESSED, COMPRESSION,
    COMPENSATION, ASYMMETRY, PSYCHOSOCIAL_FACTORS, RECENT_INJURY, RECENT_SURGERY, RED_FLAG
}
