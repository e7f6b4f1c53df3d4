package org.physiocds;

/**
 * What a recommendation says to do, and the phase of the programme it belongs to (seed 001:
 * "Decompress first", "Activate what's dormant", "Mobilize what's restricted", "Build a daily
 * practice"). Within a phase, recommendations are ordered by this declaration order: safety and
 * "don't" first, then what to do, then how.
 */
public enum Action {
    /** Refer the patient to a clinician (see {@link Recommendation#referral()} for how urgently and why). */
    REFER(Phase.SAFETY),
    /** Do not stretch the target (see {@link Recommendation#restriction()} for why). */
    DO_NOT_STRETCH(Phase.SAFETY),
    /** Assess something before advising on it (a clinician's examination). */
    ASSESS(Phase.SAFETY),
    /** Take pressure off a compressed region. */
    DECOMPRESS(Phase.DECOMPRESS),
    /** Strengthen a weak muscle. */
    STRENGTHEN(Phase.ACTIVATE),
    /** Stabilise a region with stability exercises (e.g. trunk stability after mobility work). */
    STABILIZE(Phase.ACTIVATE),
    /** Warm up before stretching or exercise. */
    WARM_UP(Phase.MOBILIZE),
    /** Mobilise a restricted region or joint. */
    MOBILIZE(Phase.MOBILIZE),
    /** Stretch a short muscle. */
    STRETCH(Phase.MOBILIZE),
    /** Controlled breathing. */
    BREATHING(Phase.MOBILIZE),
    /** General advice: habits, technique, consistency, sleep, stress, activity. */
    ADVISE(Phase.DAILY_PRACTICE);

    private final Phase phase;

    Action(Phase phase) {
        this.phase = phase;
    }

    /** {@return the phase of the programme in which this action is done} */
    public Phase phase() {
        return phase;
    }
}
