package org.physiocds.internal.kb;

/**
 * Notes that a rule which concludes once per patient has done so. Such a rule (daily practice,
 * warm-up, breathing, stability after mobility) is called for by every advice item left standing
 * but gives the same advice each time; its guard {@code not Concluded( rule == "PRG-01" )} stops it
 * firing again, and the explanation keeps the advice item that first called for it.
 */
public record Concluded(String rule) {
}
