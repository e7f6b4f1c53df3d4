package org.physiocds;

/**
 * One source of the knowledge base's registry ({@code sources.tsv}): a document a citation rests
 * on, with what kind of document it is. {@link CdsEngine#sources()} lists them.
 *
 * @param key      how citations name it: a seed's path ({@code seeds/002_1deaa0d1b380007e.txt}), or a
 *                 short key for an external source ({@code NICE-NG59})
 * @param kind     what kind of document it is, so that a clinician can weigh it
 * @param title    its title
 * @param author   who wrote or published it, as far as it says
 * @param year     the year it was published; {@code null} when it does not say
 * @param location where to find it: for a seed, its path under the repository's {@code seeds/};
 *                 for an external source, an https URL
 */
public record SourceDescription(String key, SourceKind kind, String title, String author, String year,
        String location) {

    /**
     * {@return whether this is one of the seed documents, which citations quote verbatim (an external source
     * is cited by reference, with a summary in the project's words)}
     */
    public boolean isSeed() {
        return key.startsWith("seeds/");
    }
}
