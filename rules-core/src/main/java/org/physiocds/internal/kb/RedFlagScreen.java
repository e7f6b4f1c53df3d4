package org.physiocds.internal.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Derived: every red-flag finding of one urgency, gathered once all findings are known, so that
 * one referral names them all.
 *
 * @param urgency  the urgency the findings share
 * @param findings the findings, in category order
 */
public record RedFlagScreen(RedFlagUrgency urgency, List<RedFlagFinding> findings) {

    public RedFlagScreen {
        List<RedFlagFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(RedFlagFinding::category));
        findings = List.copyOf(sorted);
    }

    /** Gathers the findings an accumulate collected. */
    public static RedFlagScreen of(RedFlagUrgency urgency, List<?> findings) {
        return new RedFlagScreen(urgency, findings.stream().map(RedFlagFinding.class::cast).toList());
    }

    /**
     * Review findings folded into a more urgent referral: " Also to review within this referral:
     * Night pain: possible spinal malignancy (...)." or "" when there are none.
     */
    public String foldedIn() {
        return findings.isEmpty() ? "" : " Also to review within this referral: " + summary() + ".";
    }

    /** How many red flags the findings hold together. */
    public int flagCount() {
        return findings.stream().mapToInt(f -> f.flags().size()).sum();
    }

    /**
     * Each finding with what was seen and why it is this urgent: "Saddle anaesthesia: suspected
     * cauda equina syndrome (...); Major trauma: possible spinal fracture (...)".
     */
    public String summary() {
        return findings.stream().map(f -> f.summary() + " (" + f.basis() + ")").collect(Collectors.joining("; "));
    }
}
