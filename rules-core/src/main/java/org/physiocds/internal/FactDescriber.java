package org.physiocds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.physiocds.internal.kb.Advice;
import org.physiocds.internal.kb.Alert;
import org.physiocds.internal.kb.Guarding;
import org.physiocds.internal.kb.MuscleClass;
import org.physiocds.internal.kb.RecentInjury;
import org.physiocds.internal.kb.RedFlagFinding;
import org.physiocds.internal.kb.RedFlagScreen;
import org.physiocds.internal.kb.StartBackScore;
import org.physiocds.model.Injury;
import org.physiocds.model.Lifestyle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.RedFlag;
import org.physiocds.model.Side;
import org.physiocds.model.Sign;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/** Turns a matched fact into the words an explanation shows. Never includes the patient id. */
final class FactDescriber {

    private FactDescriber() {
    }

    /** The fact in words, or {@code null} for objects that are not facts worth showing. */
    static String describe(Object fact) {
        if (fact instanceof MuscleFinding m) {
            return muscle(m);
        } else if (fact instanceof MuscleClass c) {
            return c.muscle() + ": " + c.type() + " (" + c.basis() + ")";
        } else if (fact instanceof Injury i) {
            return injury(i);
        } else if (fact instanceof RecentInjury r) {
            return injury(r.injury()) + ", within the recent-injury threshold of "
                    + r.thresholdDays() + " days (recentInjuryDays)";
        } else if (fact instanceof Surgery s) {
            return "surgery: " + (s.region() == null ? "region unknown" : s.region())
                    + (s.side() == null ? "" : " " + s.side()) + ", " + days(s.daysAgo());
        } else if (fact instanceof StretchingHistory h) {
            return stretching(h);
        } else if (fact instanceof Sign s) {
            return "sign: " + s;
        } else if (fact instanceof Lifestyle l) {
            return "lifestyle: " + l;
        } else if (fact instanceof Patient p) {
            return patient(p);
        } else if (fact instanceof Guarding g) {
            return g.region() + " muscles suspected to be guarding: " + g.reason();
        } else if (fact instanceof RedFlag f) {
            return "red flag: " + f;
        } else if (fact instanceof RedFlagFinding f) {
            return "red flags " + f.flags() + ": " + f.label() + ", " + f.urgency();
        } else if (fact instanceof RedFlagScreen s) {
            return s.findings().stream().map(FactDescriber::describe).collect(Collectors.joining("; "));
        } else if (fact instanceof StartBackScore s) {
            return s.summary();
        } else if (fact instanceof Advice a) {
            return "advice: " + a.action() + " " + a.target().code();
        } else if (fact instanceof Alert a) {
            return "flag: " + a.code();
        }
        return null;
    }

    private static String muscle(MuscleFinding m) {
        List<String> parts = new ArrayList<>();
        if (m.strength() != null) {
            parts.add("strength " + m.strength());
        }
        if (m.length() != null) {
            parts.add("length " + m.length());
        }
        if (m.feelsTight() != null) {
            parts.add(m.feelsTight() ? "feels tight" : "does not feel tight");
        }
        return m.muscle() + side(m.side()) + ": " + (parts.isEmpty() ? "no assessment" : String.join(", ", parts));
    }

    private static String injury(Injury i) {
        String what = i.type() == null ? "injury" : i.type().name().toLowerCase(Locale.ROOT);
        String where = i.muscle() == null ? "not to a muscle" : i.muscle() + side(i.side());
        return "injury: " + what + ", " + where + ", " + days(i.daysAgo());
    }

    private static String stretching(StretchingHistory h) {
        List<String> parts = new ArrayList<>();
        if (h.sessionsPerWeek() != null) {
            parts.add(h.sessionsPerWeek() + " sessions a week");
        }
        if (h.painReturnsWithinMinutes() != null) {
            parts.add("pain returns " + h.painReturnsWithinMinutes() + " min after stretching");
        }
        addIf(parts, h.needsMoreForSameRelief(), "needs more for the same relief");
        addIf(parts, h.worseNextDay(), "worse the next day");
        addIf(parts, h.worseDespiteConsistentStretching(), "worse despite consistent stretching");
        addIf(parts, h.painDuringStretch(), "pain during the stretch");
        addIf(parts, h.ballistic(), "ballistic (bouncing)");
        if (h.warmsUpFirst() != null) {
            parts.add(h.warmsUpFirst() ? "warms up first" : "does not warm up first");
        }
        addIf(parts, h.staticBeforeExercise(), "static stretching before exercise");
        addIf(parts, h.aggressive(), "stretches aggressively");
        return "stretching: " + (parts.isEmpty() ? "nothing known" : String.join(", ", parts));
    }

    private static String patient(Patient p) {
        List<String> parts = new ArrayList<>();
        if (p.age() != null) {
            parts.add("age " + p.age());
        }
        if (p.painRegion() != null) {
            parts.add(p.painRegion() + " pain");
        }
        if (p.painDurationWeeks() != null) {
            parts.add("for " + weeks(p.painDurationWeeks()) + " weeks");
        }
        if (p.painIntensity() != null) {
            parts.add("intensity " + p.painIntensity() + "/10");
        }
        return "patient: " + (parts.isEmpty() ? "nothing known" : String.join(", ", parts));
    }

    private static void addIf(List<String> parts, Boolean value, String words) {
        if (Boolean.TRUE.equals(value)) {
            parts.add(words);
        }
    }

    private static String side(Side side) {
        return side == Side.BOTH ? "" : " (" + side + ")";
    }

    private static String days(Integer daysAgo) {
        return daysAgo == null ? "date unknown" : daysAgo + (daysAgo == 1 ? " day ago" : " days ago");
    }

    /** Whole weeks as they are, others to one decimal ({@code 20.3}, not {@code 20.285714285714285}). */
    private static String weeks(double weeks) {
        if (weeks == Math.rint(weeks)) {
            return String.valueOf((long) weeks);
        }
        return java.math.BigDecimal.valueOf(weeks).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
