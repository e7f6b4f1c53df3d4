package org.physiocds.internal.kb;

/** What a rule concludes for the clinician, with the rationale the rule wrote for it. */
public interface Conclusion {

    /** What was seen and why the conclusion follows, in plain words. */
    String rationale();
}
