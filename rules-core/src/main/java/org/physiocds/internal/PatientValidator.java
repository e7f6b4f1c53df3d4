package org.physiocds.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.physiocds.InvalidPatientException;
import org.physiocds.Problem;
import org.physiocds.model.Injury;
import org.physiocds.model.Muscle;
import org.physiocds.model.MuscleFinding;
import org.physiocds.model.Patient;
import org.physiocds.model.Side;
import org.physiocds.model.StartBackAnswers;
import org.physiocds.model.StretchingHistory;
import org.physiocds.model.Surgery;

/**
 * Checks a patient before anything is evaluated and reports every problem at once, each with its
 * path in the interchange document. A problem's {@code expected} never quotes what the patient gave
 * (the value out of range goes to {@link Problem#given()}, which no message prints), and no problem
 * quotes the patient id.
 *
 * <p>What is checked: nulls inside lists and missing codes that a finding cannot do without (a
 * finding's muscle, an injury's type); ranges (age 0-120, pain intensity 0-10, pain duration a
 * finite number of weeks >= 0, days >= 0, stretching sessions 0-50 a week, minutes >= 0); and
 * contradictions (the same muscle and side reported twice with different findings; BOTH sides
 * mixed with LEFT or RIGHT for one muscle). Everything else is optional and absent means "not
 * known": in particular a STRAIN or TEAR without a muscle is valid, an injury not to a muscle (it
 * raises the recent-injury referral but no muscle-specific advice). An unknown muscle code cannot
 * reach this class (Java enums hold only known codes): the JSON codec reports it with its path.
 */
public final class PatientValidator {

    static final int MAX_AGE = 120;
    static final int MAX_PAIN = 10;
    static final int MAX_SESSIONS = 50;

    private PatientValidator() {
    }

    /** Throws {@link InvalidPatientException} listing every problem, or returns quietly. */
    public static void validate(Patient patient) {
        List<Problem> problems = new ArrayList<>();
        if (patient == null) {
            problems.add(new Problem("$", "a patient, was null"));
            throw new InvalidPatientException(problems);
        }
        range(problems, "age", patient.age(), 0, MAX_AGE);
        range(problems, "painIntensity", patient.painIntensity(), 0, MAX_PAIN);
        Double weeks = patient.painDurationWeeks();
        if (weeks != null && (weeks.isNaN() || weeks.isInfinite() || weeks < 0)) {
            problems.add(new Problem("painDurationWeeks", "a finite number of weeks, at least 0", String.valueOf(weeks)));
        }
        muscles(problems, patient.muscles());
        injuries(problems, patient.injuries());
        surgeries(problems, patient.surgeries());
        if (patient.stretching() != null) {
            stretching(problems, patient.stretching());
        }
        noNulls(problems, "signs", patient.signs());
        noNulls(problems, "lifestyle", patient.lifestyle());
        noNulls(problems, "redFlags", patient.redFlags());
        if (patient.startBack() != null) {
            startBack(problems, patient.startBack());
        }
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(problems);
        }
    }

    /**
     * Nulls per finding, then the two contradictions, each reported once however many findings
     * take part and whatever their order (so that reordering a list never changes the problems,
     * only their indices): a muscle and side reported with different findings, and a muscle
     * reported both for BOTH sides and for LEFT or RIGHT. The problem sits at the first finding
     * that contradicts an earlier one.
     */
    private static void muscles(List<Problem> problems, List<MuscleFinding> muscles) {
        Map<String, MuscleFinding> firstBySide = new HashMap<>();
        Map<Muscle, Side> firstSideKind = new EnumMap<>(Muscle.class);
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < muscles.size(); i++) {
            String path = "muscles[" + i + "]";
            MuscleFinding m = muscles.get(i);
            if (m == null) {
                problems.add(new Problem(path, "a muscle finding, was null"));
                continue;
            }
            if (m.muscle() == null) {
                problems.add(new Problem(path + ".muscle", "a muscle code, was missing"));
                continue;
            }
            String key = m.muscle() + " " + m.side();
            MuscleFinding earlier = firstBySide.putIfAbsent(key, m);
            if (earlier != null && !earlier.equals(m) && reported.add(key)) {
                problems.add(new Problem(path, "one finding per muscle and side, but an earlier finding"
                        + " reports this muscle and side differently"));
            }
            Side kind = firstSideKind.putIfAbsent(m.muscle(), m.side());
            if (kind != null && (kind == Side.BOTH) != (m.side() == Side.BOTH)
                    && reported.add(m.muscle() + " sides")) {
                problems.add(new Problem(path + ".side", "either BOTH or LEFT/RIGHT findings for a muscle,"
                        + " but an earlier finding of this muscle is of the other kind"));
            }
        }
    }

    private static void injuries(List<Problem> problems, List<Injury> injuries) {
        for (int i = 0; i < injuries.size(); i++) {
            String path = "injuries[" + i + "]";
            Injury injury = injuries.get(i);
            if (injury == null) {
                problems.add(new Problem(path, "an injury, was null"));
                continue;
            }
            if (injury.type() == null) {
                problems.add(new Problem(path + ".type", "one of STRAIN, TEAR, OTHER, was missing"));
            }
            atLeastZero(problems, path + ".daysAgo", injury.daysAgo());
        }
    }

    private static void surgeries(List<Problem> problems, List<Surgery> surgeries) {
        for (int i = 0; i < surgeries.size(); i++) {
            String path = "surgeries[" + i + "]";
            Surgery surgery = surgeries.get(i);
            if (surgery == null) {
                problems.add(new Problem(path, "a surgery, was null"));
                continue;
            }
            atLeastZero(problems, path + ".daysAgo", surgery.daysAgo());
        }
    }

    private static void stretching(List<Problem> problems, StretchingHistory h) {
        range(problems, "stretching.sessionsPerWeek", h.sessionsPerWeek(), 0, MAX_SESSIONS);
        atLeastZero(problems, "stretching.painReturnsWithinMinutes", h.painReturnsWithinMinutes());
    }

    /** When the STarT Back answers are given at all, all nine items are required: a partial tool cannot be scored. */
    private static void startBack(List<Problem> problems, StartBackAnswers a) {
        Boolean[] agree = {a.item1(), a.item2(), a.item3(), a.item4(), a.item5(), a.item6(), a.item7(), a.item8()};
        for (int i = 0; i < agree.length; i++) {
            if (agree[i] == null) {
                problems.add(new Problem("startBack.item" + (i + 1), "true (agree) or false (disagree), was missing"));
            }
        }
        if (a.item9() == null) {
            problems.add(new Problem("startBack.item9",
                    "one of NOT_AT_ALL, SLIGHTLY, MODERATELY, VERY_MUCH, EXTREMELY, was missing"));
        }
    }

    private static void noNulls(List<Problem> problems, String field, List<?> codes) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null) {
                problems.add(new Problem(field + "[" + i + "]", "a code, was null"));
            }
        }
    }

    private static void range(List<Problem> problems, String path, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(new Problem(path, "an integer from " + min + " to " + max, String.valueOf(value)));
        }
    }

    private static void atLeastZero(List<Problem> problems, String path, Integer value) {
        if (value != null && value < 0) {
            problems.add(new Problem(path, "an integer of at least 0", String.valueOf(value)));
        }
    }
}
