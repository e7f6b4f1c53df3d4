package org.physiocds;

import java.util.List;

/**
 * A warning for the clinician.
 *
 * @param code            what was flagged
 * @param severity        how much it matters: the most severe of the rules that raised it
 * @param explanation     why: the first rule (by rule id) that raised it
 * @param alsoSupportedBy the other rules (one explanation each) that raised the same flag, in rule id order
 */
public record Flag(FlagCode code, Severity severity, Explanation explanation, List<Explanation> alsoSupportedBy) {

    /**
     * Copies {@code alsoSupportedBy}, which becomes unmodifiable and may not be {@code null}.
     *
     * @param code            what was flagged
     * @param severity        how much it matters: the most severe of the rules that raised it
     * @param explanation     why: the first rule (by rule id) that raised it
     * @param alsoSupportedBy the other rules (one explanation each) that raised the same flag, in rule id order
     */
    public Flag {
        alsoSupportedBy = List.copyOf(alsoSupportedBy);
    }
}
