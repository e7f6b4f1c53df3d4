package org.physiocds;

/**
 * What kind of document a citation rests on, so that a clinician can weigh it: the five seed
 * documents are web articles of mixed authority; the screening rules rest on a guideline, a trial and
 * the like. The registry is {@code rules-kb/src/main/resources/org/physiocds/kb/sources.tsv}.
 */
public enum SourceKind {
    /** A national or professional clinical guideline (NICE NG59, ACP 2011). */
    GUIDELINE,
    /** A national care pathway (GIRFT suspected cauda equina syndrome). */
    CLINICAL_PATHWAY,
    /** A randomised controlled trial (STarT Back, Hill 2011). */
    TRIAL,
    /** A systematic review of diagnostic studies (Downie 2013). */
    SYSTEMATIC_REVIEW,
    /** A validated screening questionnaire and its scoring (Keele STarT Back tool). */
    SCREENING_TOOL,
    /** An article by a named clinician or exercise specialist, not peer reviewed. */
    CLINICIAN_ARTICLE,
    /** A clinic's or practice's promotional page or blog that sells a service. */
    MARKETING_PAGE
}
