package org.physiocds;

/**
 * The identity of the knowledge base that produced a result, so any answer can be traced to the
 * exact rules behind it.
 *
 * @param name        the knowledge base's name
 * @param version     its release version (a SNAPSHOT version names no fixed content)
 * @param contentHash {@code sha256:} and the SHA-256 of its rules and citation tables (every DRL
 *                    file, {@code guidance.tsv} and {@code sources.tsv}): it changes whenever a rule
 *                    or a citation changes, and only then
 */
public record KnowledgeBaseInfo(String name, String version, String contentHash) {
}
