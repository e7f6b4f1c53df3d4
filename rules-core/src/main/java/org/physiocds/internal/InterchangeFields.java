package org.physiocds.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The field names of the interchange format's input document (v1), object by object, in the
 * contract's order: what the JSON codec reads and writes, and the only names an exception message
 * may show in a path ({@link org.physiocds.Problem#loggablePath()}). Not API.
 */
public final class InterchangeFields {

    public static final List<String> PATIENT = List.of("patientId", "age", "painRegion",
            "painDurationWeeks", "painIntensity", "muscles", "injuries", "surgeries", "stretching",
            "signs", "lifestyle", "redFlags", "startBack");
    public static final List<String> MUSCLE = List.of("muscle", "side", "strength", "length", "feelsTight");
    public static final List<String> INJURY = List.of("type", "muscle", "side", "daysAgo");
    public static final List<String> SURGERY = List.of("region", "daysAgo", "side");
    public static final List<String> STRETCHING = List.of("sessionsPerWeek", "painReturnsWithinMinutes",
            "needsMoreForSameRelief", "worseNextDay", "worseDespiteConsistentStretching", "painDuringStretch",
            "ballistic", "warmsUpFirst", "staticBeforeExercise", "aggressive");
    public static final List<String> START_BACK = List.of("item1", "item2", "item3", "item4", "item5",
            "item6", "item7", "item8", "item9");

    private static final Set<String> ALL = all();

    private InterchangeFields() {
    }

    /** Whether {@code name} is a field of some object of the input document. */
    public static boolean isFieldName(String name) {
        return ALL.contains(name);
    }

    private static Set<String> all() {
        Set<String> all = new HashSet<>();
        for (List<String> names : List.of(PATIENT, MUSCLE, INJURY, SURGERY, STRETCHING, START_BACK)) {
            all.addAll(names);
        }
        return Set.copyOf(all);
    }
}
