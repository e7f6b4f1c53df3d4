package org.physiocds.internal.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.physiocds.model.RedFlag;

/**
 * Derived: the red flags of one category, taken together, call for a referral of this urgency,
 * for the reason given in {@code basis}. At most one finding per category.
 *
 * @param category the serious pathology the flags point to
 * @param urgency  how soon a clinician must see the patient
 * @param flags    the flags of this category that were found, in code order
 * @param label    what the flags point to for this patient's region, in words ("suspected joint
 *                 infection (septic arthritis)"); the category's label unless a rule names it
 * @param basis    why these flags call for this urgency, in plain words
 */
public record RedFlagFinding(RedFlagCategory category, RedFlagUrgency urgency, List<RedFlag> flags, String label,
        String basis) {

    /** A finding worded by its category's label. */
    public RedFlagFinding(RedFlagCategory category, RedFlagUrgency urgency, List<RedFlag> flags, String basis) {
        this(category, urgency, flags, category.label(), basis);
    }

    public RedFlagFinding {
        List<RedFlag> sorted = new ArrayList<>(flags);
        sorted.sort(null);
        flags = List.copyOf(sorted);
    }

    /** "Saddle anaesthesia and gait disturbance: suspected cauda equina syndrome". */
    public String summary() {
        if (flags.isEmpty()) {
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        }
        String seen = flags.stream().map(RedFlagCategory::label).collect(Collectors.joining(", "));
        int comma = seen.lastIndexOf(", ");
        if (comma >= 0) {
            seen = seen.substring(0, comma) + " and " + seen.substring(comma + 2);
        }
        return Character.toUpperCase(seen.charAt(0)) + seen.substring(1) + ": " + label;
    }
}
