package org.physiocds.model;

/** A lifestyle or psychosocial factor known to influence pain. */
public enum Lifestyle {
    /** Sits most of the day; little physical activity. */
    SEDENTARY,
    /** Sleeps poorly. */
    POOR_SLEEP,
    /** Under chronic high stress. */
    HIGH_STRESS,
    /** Afraid that moving will cause pain or harm (fear-avoidance). */
    FEAR_OF_MOVEMENT,
    /** Anxious. */
    ANXIETY
}
