package org.physiocds;

/**
 * What a piece of advice about the programme as a whole ({@link org.physiocds.model.Target#GENERAL})
 * is about. Each distinct piece of advice is an item of its own; two rules giving the same advice
 * share a topic and merge into one item. The codes are part of the interchange contract
 * ({@code docs/topics.md}). Declared in the order a report lists them within one action.
 */
public enum Topic {
    // Referrals (REFER), most urgent first.
    /** Red flags of an emergency (suspected cauda equina syndrome, major trauma): same day. */
    EMERGENCY_REFERRAL("red flags"),
    /** Red flags of an urgent referral (suspected malignancy, infection, fragility fracture): within days. */
    URGENT_REFERRAL("red flags"),
    /** A single low-specificity red flag: a clinician reviews it; the programme goes ahead. */
    RED_FLAG_REVIEW("red flags to review"),
    /** A recent injury (not to a named muscle): ask which stretches are safe before stretching. */
    INJURY_CLEARANCE("clearance after a recent injury"),
    /** A recent surgery of an unknown region: exercise waits for clearance. */
    SURGERY_CLEARANCE("clearance after a recent surgery"),
    /** Stretching hurts: stop the painful stretches and consult. */
    PAINFUL_STRETCHING("painful stretching"),
    /** STarT Back medium risk: a course of physiotherapy. */
    PHYSIOTHERAPY("physiotherapy"),
    /** STarT Back high risk: psychologically informed physiotherapy. */
    PSYCHOLOGICALLY_INFORMED_PHYSIOTHERAPY("psychologically informed physiotherapy"),

    // Assessment (ASSESS).
    /** Worse despite consistent stretching: assess where the patient is compressed, tight and weak. */
    ROOT_CAUSE("the root cause"),

    // Strengthening (STRENGTHEN).
    /** Relief from stretching never holds: restore control in range, stretching only as maintenance. */
    RELIABLE_MUSCLES("reliable muscles, not longer ones"),
    /** Stretching alone would be recommended: balance it with strengthening. */
    BALANCE_WITH_STRENGTHENING("balance stretching with strengthening"),

    // Warming up (WARM_UP).
    /** Never stretch a cold muscle: a 5-10 minute active warm-up first. */
    WARM_UP_BEFORE_STRETCHING("warm up before stretching"),
    /** Warm up dynamically before exercise; static stretching afterwards. */
    DYNAMIC_WARM_UP("dynamic warm-up before exercise"),

    // Breathing (BREATHING).
    /** Controlled breathing throughout stretches and stabilisation. */
    CONTROLLED_BREATHING("controlled breathing"),

    // Advice (ADVISE).
    /** Stretch only in a pain-free range. */
    PAIN_FREE_RANGE("a pain-free range"),
    /** No bouncing at the end of the range. */
    NO_BALLISTIC("no ballistic stretching"),
    /** Only mild discomfort, never intense pain. */
    MILD_DISCOMFORT("mild discomfort only"),
    /** Keep both sides' range equal: stretch both sides. */
    BOTH_SIDES("both sides"),
    /** Stretch often enough to count: at least the consistent number of sessions a week. */
    CONSISTENCY("consistency"),
    /** The phased programme as a daily practice of 15-20 minutes. */
    DAILY_PRACTICE("a daily practice"),
    /** Stretching alone is incomplete: combine it with decompression and strengthening. */
    STRETCHING_INCOMPLETE("stretching is incomplete alone"),
    /** Fear of movement: a graded return to activity. */
    GRADED_ACTIVITY("graded return to activity"),
    /** Sleep habits. */
    SLEEP("sleep"),
    /** Stress, anxiety and recovery habits. */
    STRESS("stress and anxiety"),
    /** Stay physically active. */
    STAY_ACTIVE("staying active"),
    /** Advice, reassurance and self-management support (STarT Back, every stratum). */
    SELF_MANAGEMENT("self-management");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    /** {@return the topic in words, for reports: "sleep", "graded return to activity"} */
    public String label() {
        return label;
    }
}
