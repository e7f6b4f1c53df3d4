package org.physiocds.internal.kb;

/** A contraindication ({@code by}) overrules a proposed advice; the advice is reported as suppressed. */
public record Overrule(Advice overruled, Advice by) {
}
