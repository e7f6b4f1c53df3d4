package org.physiocds;

/**
 * The identity of the knowledge base that produced a result, so any answer can be traced to
 * the exact rules behind it.
 */
public record KnowledgeBaseInfo(String name, String version) {
}
