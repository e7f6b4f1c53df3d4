package org.physiocds.population;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.physiocds.CdsException;
import org.physiocds.Thresholds;
import org.physiocds.json.JsonCodec;

/**
 * {@code --thresholds FILE}: a JSON object of clinical thresholds, those absent keeping their
 * defaults, as {@code cds diff} reads its configurations: {@code {"recentInjuryDays": 28}}.
 * Thresholds past their clinical limits are allowed (a what-if run), and the summary names them.
 */
final class ThresholdsFile {

    private ThresholdsFile() {
    }

    /**
     * The thresholds of {@code file}, read by the interchange codec (the one reader of a thresholds
     * file, as {@code cds batch} and {@code cds diff} read theirs).
     *
     * @throws IllegalArgumentException naming the file and every field that is wrong, and what was expected
     */
    static Thresholds read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the thresholds " + file + ": expected a JSON object of thresholds");
        }
        try {
            return new JsonCodec().readThresholds(json);
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
}
