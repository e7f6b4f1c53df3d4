package org.physiocds.model;

/** A lifestyle or psychosocial factor known to influence pain. */
public enum Lifestyle {
    SEDENTARY, POOR_SLEEP, HIGH_STRESS, FEAR_OF_MOVEMENT, ANXIETY
}
