package org.physiocds.internal.kb;

/**
 * A rule says how to do an advised action: {@code advice} is the advice it doses, {@code text} the
 * dosage in words ("hold 30-60 s, 3-5 repetitions"), or {@code null} when the rule adds a reason about
 * how to do it without a dosage of its own. An item's dosage joins the distinct texts of its doses.
 */
public record Dose(Advice advice, String text, String rationale) implements Conclusion {
}
