package org.physiocds;

import java.util.List;

/**
 * The clinical thresholds cannot be used: a value outside its valid range (thrown by
 * {@link Thresholds} itself, always), or past its clinical floor or ceiling (thrown by
 * {@link CdsEngine.Builder#build()} unless {@link CdsEngine.Builder#allowUnsafeThresholds()} was
 * called). The message names each threshold at fault, its value and the limit it broke; threshold
 * values are configuration, never patient data.
 */
public final class InvalidThresholdsException extends CdsException {

    private static final long serialVersionUID = 1L;

    /** The names of the thresholds at fault; unmodifiable. */
    private final List<String> thresholds;

    InvalidThresholdsException(String message, List<String> thresholds) {
        super(message);
        this.thresholds = List.copyOf(thresholds);
    }

    /** {@return the names of the thresholds at fault (e.g. {@code recentInjuryDays}), in declaration order} */
    public List<String> thresholds() {
        return thresholds;
    }
}
