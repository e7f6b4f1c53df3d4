package org.physiocds.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.physiocds.CdsException;
import org.physiocds.Thresholds;

/**
 * {@code --thresholds FILE}: a JSON object of clinical thresholds, those absent keeping their
 * defaults, as {@code cds diff} reads its configurations: {@code {"recentInjuryDays": 28}}.
 * Thresholds past their clinical limits are allowed (a what-if run), and the summary names them.
 */
final class ThresholdsFile {

    static final List<String> NAMES = List.of("recentInjuryDays", "recentSurgeryDays", "painReturnMinutes",
            "consistentSessionsPerWeek", "chronicPainWeeks");

    private ThresholdsFile() {
    }

    /**
     * The thresholds of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and every field that is wrong, and what was expected
     */
    static Thresholds read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the thresholds " + file + ": expected a JSON object of thresholds");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object of thresholds");
        }
        Thresholds d = Thresholds.DEFAULTS;
        int[] values = {d.recentInjuryDays(), d.recentSurgeryDays(), d.painReturnMinutes(),
            d.consistentSessionsPerWeek(), d.chronicPainWeeks()};
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            int index = NAMES.indexOf(name);
            if (index < 0) {
                problems.add(name + ": unknown field; expected some of " + String.join(", ", NAMES));
            } else if (!root.get(name).isInt()) {
                problems.add(name + ": expected an integer");
            } else {
                values[index] = root.get(name).intValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        try {
            return new Thresholds(values[0], values[1], values[2], values[3], values[4]);
        } catch (CdsException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** The thresholds as summary.json writes them: the five values, and those past their clinical limits. */
    static Map<String, Object> fields(Thresholds t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recentInjuryDays", t.recentInjuryDays());
        fields.put("recentSurgeryDays", t.recentSurgeryDays());
        fields.put("painReturnMinutes", t.painReturnMinutes());
        fields.put("consistentSessionsPerWeek", t.consistentSessionsPerWeek());
        fields.put("chronicPainWeeks", t.chronicPainWeeks());
        fields.put("outsideClinicalLimits", t.outsideClinicalLimits());
        return fields;
    }

    /** "recentInjuryDays 42, recentSurgeryDays 90, ...", for summary.md. */
    static String describe(Thresholds t) {
        List<String> parts = new ArrayList<>();
        fields(t).forEach((name, value) -> {
            if (!name.equals("outsideClinicalLimits")) {
                parts.add(name + " " + value);
            }
        });
        return String.join(", ", parts);
    }
}
