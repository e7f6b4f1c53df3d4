package org.physiocds;

/**
 * The scored STarT Back Screening Tool.
 *
 * @param total        total score, 0-9
 * @param psychosocial psychosocial subscale (items 5-9), 0-5
 * @param stratum      risk stratum
 */
public record StartBackResult(int total, int psychosocial, Stratum stratum) {

    /** STarT Back risk strata. */
    public enum Stratum {
        LOW, MEDIUM, HIGH
    }
}
