package org.physiocds;

/**
 * What a recommendation says to do, and the phase of the programme it belongs to (seed 001:
 * "Decompress first", "Activate what's dormant", "Mobilize what's restricted", "Build a daily
 * practice"). Within a phase, recommendations are ordered by this declaration order: safety and
 * "don't" first, then what to do, then how.
 */
public enum Action {
    REFER(Phase.SAFETY),
    DO_NOT_STRETCH(Phase.SAFETY),
    ASSESS(Phase.SAFETY),
    DECOMPRESS(Phase.DECOMPRESS),
    STRENGTHEN(Phase.ACTIVATE),
    STABILIZE(Phase.ACTIVATE),
    WARM_UP(Phase.MOBILIZE),
    MOBILIZE(Phase.MOBILIZE),
    STRETCH(Phase.MOBILIZE),
    BREATHING(Phase.MOBILIZE),
    ADVISE(Phase.DAILY_PRACTICE);

    private final Phase phase;

    Action(Phase phase) {
        this.phase = phase;
    }

    /** The phase of the programme in which this action is done. */
    public Phase phase() {
        return phase;
    }
}
