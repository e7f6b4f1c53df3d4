package org.physiocds.internal.kb;

import org.physiocds.FlagCode;

/** A rule raises a flag for the clinician. */
public record Alert(FlagCode code, String rationale) implements Conclusion {
}
