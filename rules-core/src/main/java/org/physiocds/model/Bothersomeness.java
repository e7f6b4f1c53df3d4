package org.physiocds.model;

/** STarT Back item 9: how bothersome the back pain has been in the last two weeks. */
public enum Bothersomeness {
    NOT_AT_ALL, SLIGHTLY, MODERATELY, VERY_MUCH, EXTREMELY
}
