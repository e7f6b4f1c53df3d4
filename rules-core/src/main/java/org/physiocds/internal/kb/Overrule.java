package org.physiocds.internal.kb;

/**
 * A contraindication ({@code by}: a do-not-stretch or referral, or a {@link Caution}) overrules a
 * proposed advice; the advice is reported as suppressed, with {@code by}'s explanation.
 */
public record Overrule(Advice overruled, Conclusion by) {
}
