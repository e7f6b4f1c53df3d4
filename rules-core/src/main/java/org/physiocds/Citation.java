package org.physiocds;

/**
 * A source a rule relies on: either a verbatim quote of one of the seed documents, or, for any
 * other source (a guideline, a trial, a screening tool), a summary in the project's own words. A
 * summary is never a quote: show it without quotation marks.
 *
 * @param source  the cited document: a path under {@code seeds/}, or the reference of an external
 *                source (authors, year, title, the section cited and an https URL)
 * @param kind    what kind of document it is, so a clinician can weigh it
 * @param quote   the seed's own words, verbatim; {@code null} for an external source
 * @param summary what the external source says, in the project's words; {@code null} for a seed
 */
public record Citation(String source, SourceKind kind, String quote, String summary) {

    /** {@return whether this citation quotes its source verbatim (a seed) rather than summarising it} */
    public boolean isQuote() {
        return quote != null;
    }

    /** {@return the quote or the summary, whichever this citation has} */
    public String text() {
        return quote != null ? quote : summary;
    }
}
