package org.physiocds;

/** How much a flag matters to the clinician, most severe first. */
public enum Severity {
    /** Act before anything else: red flags that call for an emergency or urgent referral. */
    CRITICAL,
    /** Changes what is safe to do: a recent injury or surgery, instability, compression, a red flag to review. */
    WARNING,
    /** Informs the plan: compensation, asymmetry, a problem progressing, psychosocial factors. */
    INFO
}
