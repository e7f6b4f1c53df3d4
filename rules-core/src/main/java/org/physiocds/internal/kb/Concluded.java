package org.physiocds.internal.kb;

/**
 * Notes that a rule which concludes once per patient has done so. Such a rule (daily practice,
 * warm-up, breathing, stability after mobility) is called for by every advice item left standing
 * but gives the same advice each time; its guard {@code not Concluded( rule == "PRG-01" )} stops it
 * firing again, and its explanation names the advice item it fired for. These rules fire after the
 * stage's other rules (negative salience; PRG-03, then PRG-02, whose advice the others respond to),
 * so the items they can fire for are all there when they do.
 */
public record Concluded(String rule) {
}
