package org.physiocds.internal.kb;

import org.physiocds.FlagCode;
import org.physiocds.Severity;

/**
 * A rule raises a flag for the clinician, of a severity.
 *
 * @param code      what is flagged
 * @param severity  how much it matters; a red flag's depends on its urgency, so the rule sets it
 * @param rationale what was seen and why, in plain words
 */
public record Alert(FlagCode code, Severity severity, String rationale) implements Conclusion {

    /** A flag of its code's usual severity ({@link #usualSeverity}). */
    public Alert(FlagCode code, String rationale) {
        this(code, usualSeverity(code), rationale);
    }

    /**
     * A red flag is critical unless the rule says otherwise (one flag to review is a warning); what
     * changes what is safe to do is a warning; what informs the plan is information.
     */
    static Severity usualSeverity(FlagCode code) {
        switch (code) {
            case RED_FLAG:
                return Severity.CRITICAL;
            case RECENT_INJURY:
            case RECENT_SURGERY:
            case INSTABILITY_SUSPECTED:
            case DESTABILIZED:
            case COMPRESSION:
                return Severity.WARNING;
            default:
                return Severity.INFO;
        }
    }
}
