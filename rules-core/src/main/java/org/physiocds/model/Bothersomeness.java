package org.physiocds.model;

/** STarT Back item 9: how bothersome the back pain has been in the last two weeks. */
public enum Bothersomeness {
    /** Not at all bothersome. */
    NOT_AT_ALL,
    /** Slightly bothersome. */
    SLIGHTLY,
    /** Moderately bothersome. */
    MODERATELY,
    /** Very much bothersome (scores a point on the STarT Back tool). */
    VERY_MUCH,
    /** Extremely bothersome (scores a point on the STarT Back tool). */
    EXTREMELY
}
