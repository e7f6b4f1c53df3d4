package org.physiocds.internal.kb;

import org.physiocds.StartBackResult;
import org.physiocds.StartBackResult.Stratum;

/**
 * The scored STarT Back Screening Tool, inserted by the engine (scored in Java, see
 * {@code org.physiocds.internal.StartBackScorer}) so that rules can match the stratum's care.
 *
 * @param total        total score, 0-9
 * @param psychosocial psychosocial subscale (items 5-9), 0-5
 * @param stratum      risk stratum
 */
public record StartBackScore(int total, int psychosocial, Stratum stratum) {

    public static StartBackScore of(StartBackResult result) {
        return new StartBackScore(result.total(), result.psychosocial(), result.stratum());
    }

    /** "STarT Back total 5/9, psychosocial subscale 2/5: medium risk". */
    public String summary() {
        return "STarT Back total " + total + "/9, psychosocial subscale (items 5-9) " + psychosocial
                + "/5: " + stratum.name().toLowerCase(java.util.Locale.ROOT) + " risk";
    }
}
