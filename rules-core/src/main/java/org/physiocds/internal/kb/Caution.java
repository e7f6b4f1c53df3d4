package org.physiocds.internal.kb;

/**
 * A reason, found in the patient's record, not to give one kind of advice to this patient (no
 * decompression at 65 and over, say). A rule concludes it and overrules the advice by it, so the
 * advice is reported as suppressed with this rationale; it is not itself a recommendation.
 */
public record Caution(String rationale) implements Conclusion {
}
