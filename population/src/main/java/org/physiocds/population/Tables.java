package org.physiocds.population;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of the job's intermediate result: one row per input record, the evaluation's lists
 * nested in it. The output tables are projections of it ({@link PopulationJob}). {@code block} is
 * the partition a line of NDJSON was numbered in ({@code line} then counts from that partition's
 * start; -1 when {@code line} is the file's own).
 */
final class Tables {

    private Tables() {
    }

    static final DataType STRINGS = createArrayType(StringType, false);

    static final StructType RECOMMENDATION = struct(
            field("position", IntegerType), field("phase", StringType), field("action", StringType),
            field("target", StringType), field("side", StringType), field("topic", StringType),
            field("dosage", StringType), field("referral_urgency", StringType), field("referral_reason", StringType),
            field("restriction", StringType), field("rule", StringType), field("guidance", STRINGS),
            field("also_supported_by", STRINGS));

    static final StructType FLAG = struct(
            field("position", IntegerType), field("code", StringType), field("severity", StringType),
            field("rule", StringType), field("guidance", STRINGS), field("also_supported_by", STRINGS));

    static final StructType SUPPRESSED = struct(
            field("position", IntegerType), field("phase", StringType), field("action", StringType),
            field("target", StringType), field("side", StringType), field("topic", StringType),
            field("rule", StringType), field("guidance", STRINGS), field("suppressed_by_rule", StringType),
            field("suppressed_by_guidance", STRINGS), field("also_suppressed_by", STRINGS));

    static final StructType ERROR = struct(
            field("position", IntegerType), field("path", StringType), field("expected", StringType),
            field("failure", StringType));

    static final StructType CITATION = struct(
            field("source", StringType), field("kind", StringType), field("quote", StringType),
            field("summary", StringType));

    static final StructType RULE = struct(
            field("rule", StringType), field("name", StringType), field("guidance", STRINGS),
            field("citations", createArrayType(CITATION, false)));

    /** status: one of these. */
    static final String EVALUATED = "EVALUATED";
    static final String INVALID = "INVALID";
    static final String FAILED = "FAILED";

    static final StructType RESULT = struct(
            field("source", StringType), field("line", LongType), field("block", IntegerType),
            field("patient_id", StringType), field("status", StringType),
            field("kb_name", StringType), field("kb_version", StringType), field("kb_content_hash", StringType),
            field("exercise_withheld", StringType), field("exercise_withheld_rule", StringType),
            field("start_back_total", IntegerType), field("start_back_psychosocial", IntegerType),
            field("start_back_stratum", StringType),
            field("recommendations", createArrayType(RECOMMENDATION, false)),
            field("flags", createArrayType(FLAG, false)),
            field("suppressed", createArrayType(SUPPRESSED, false)),
            field("errors", createArrayType(ERROR, false)),
            field("rules_fired", STRINGS),
            field("rules_seen", createArrayType(RULE, false)));

    private static StructType struct(StructField... fields) {
        return createStructType(List.of(fields));
    }

    private static StructField field(String name, DataType type) {
        return createStructField(name, type, true);
    }
}
