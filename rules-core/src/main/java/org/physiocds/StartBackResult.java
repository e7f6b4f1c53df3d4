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
        /** Low risk of persistent disabling back pain (total score 0-3). */
        LOW,
        /** Medium risk (total score 4 or more, psychosocial subscale 3 or less). */
        MEDIUM,
        /** High risk (psychosocial subscale 4 or more). */
        HIGH
    }
}
