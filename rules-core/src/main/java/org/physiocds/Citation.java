package org.physiocds;

/**
 * A source a rule relies on.
 *
 * @param source the cited document: a path under {@code seeds/}
 * @param quote  the document's own words, verbatim
 */
public record Citation(String source, String quote) {
}
