package org.physiocds.internal.kb;

/** A rule sets how much of an advised action to do: {@code advice} is the advice it doses. */
public record Dose(Advice advice, String text, String rationale) implements Conclusion {
}
