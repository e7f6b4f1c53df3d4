package org.physiocds.internal.kb;

/**
 * Notes that a rule which concludes once per patient has done so. Such a rule (daily practice,
 * warm-up, breathing, stability after mobility) is called for by every advice item left standing
 * but gives the same advice each time; its guard {@code not Concluded( rule == "PRG-01" )} stops it
 * firing again. Its salience, {@link #SALIENCE} minus the {@linkplain Advice#planOrder() plan
 * order} of the advice item that calls for it, makes it fire after the stage's other rules and for
 * the earliest item of the plan, so the explanation names the same item whatever order Drools
 * fires in.
 */
public record Concluded(String rule) {

    /** For PRG-02: its stabilisation is one of the items PRG-01 and PRG-04 respond to, so it goes first. */
    public static final int SALIENCE_FIRST = -100_000_000;
    /** For the other once-per-patient rules (PRG-01, PRG-04, TEC-02). */
    public static final int SALIENCE = -200_000_000;
}
