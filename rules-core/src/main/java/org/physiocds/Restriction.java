package org.physiocds;

/**
 * Why a DO_NOT_STRETCH says so, as data: a contraindication (stretching could harm: a healing
 * injury, a guarding or compensating muscle, an unstable segment), which an application shows as a
 * warning; or "not indicated" (stretching would not help: a weak, lengthened muscle, the lumbar spine
 * as a fix for low back pain), which it shows as advice.
 */
public enum Restriction {
    /** Stretching could harm. */
    CONTRAINDICATED,
    /** Stretching would not help. */
    NOT_INDICATED
}
