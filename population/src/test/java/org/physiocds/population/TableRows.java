package org.physiocds.population;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * The job's tables as sorted lists of canonical row strings (every column by name, lists and
 * structs spelled out), and the same rows derived independently from batch's output lines
 * ({@code JsonCodec.writeEvaluationLine} documents and {@code {"line":N,...}} error records).
 */
final class TableRows {

    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("evaluations", List.of("source", "line", "patient_id", "kb_name", "kb_version", "kb_content_hash",
                "recommendations", "flags", "suppressed", "exercise_withheld", "exercise_withheld_rule",
                "start_back_total", "start_back_psychosocial", "start_back_stratum"));
        COLUMNS.put("recommendations", List.of("source", "line", "patient_id", "position", "phase", "action", "target",
                "side", "topic", "dosage", "referral_urgency", "referral_reason", "restriction", "rule", "guidance",
                "also_supported_by"));
        COLUMNS.put("flags", List.of("source", "line", "patient_id", "position", "code", "severity", "rule", "guidance",
                "also_supported_by"));
        COLUMNS.put("suppressed", List.of("source", "line", "patient_id", "position", "phase", "action", "target",
                "side", "topic", "rule", "guidance", "suppressed_by_rule", "suppressed_by_guidance",
                "also_suppressed_by"));
        COLUMNS.put("errors", List.of("source", "line", "patient_id", "status", "position", "path", "expected",
                "failure"));
        COLUMNS.put("rules", List.of("rule", "name", "guidance", "citations"));
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TableRows() {
    }

    /** Every table of a run's output directory. */
    static Map<String, List<String>> read(SparkSession spark, String output) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : COLUMNS.keySet()) {
            List<String> columns = COLUMNS.get(table);
            org.apache.spark.sql.Dataset<Row> df = spark.read().parquet(output + "/" + table);
            if (!Arrays.asList(df.columns()).equals(columns)) {
                throw new AssertionError(table + " has columns " + Arrays.toString(df.columns()));
            }
            tables.put(table, df.collectAsList().stream().map(TableRows::canonical).sorted().toList());
        }
        return tables;
    }

    private static String canonical(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
            values.add(value(row, i));
        }
        return canonical(values);
    }

    private static Object value(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        if (row.schema().fields()[i].dataType() instanceof ArrayType) {
            List<Object> list = new ArrayList<>();
            for (Object e : row.getList(i)) {
                if (e instanceof Row r) {
                    List<Object> fields = new ArrayList<>();
                    for (int j = 0; j < r.length(); j++) {
                        fields.add(value(r, j));
                    }
                    list.add(fields);
                } else {
                    list.add(e);
                }
            }
            return list;
        }
        if (row.schema().fields()[i].dataType() instanceof StructType) {
            throw new AssertionError("no struct columns expected");
        }
        return row.get(i);
    }

    static String canonical(List<?> values) {
        return values.stream().map(v -> v instanceof List<?> l ? canonical(l) : String.valueOf(v))
                .collect(Collectors.joining("|", "[", "]"));
    }

    /** The rows batch's output gives: line N of {@code batchOutput} is the record of line N of the input {@code source}. */
    static Map<String, List<String>> fromBatch(String source, List<String> batchOutput) {
        Map<String, List<List<Object>>> rows = new HashMap<>();
        COLUMNS.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
        Map<String, List<Object>> rules = new TreeMap<>();
        long n = 0;
        for (String line : batchOutput) {
            n++;
            JsonNode doc = parse(line);
            if (doc.has("errors")) {
                if (doc.get("line").asLong() != n) {
                    throw new AssertionError("batch's line " + n + " is numbered " + doc.get("line"));
                }
                int position = 1;
                for (JsonNode p : doc.get("errors")) {
                    rows.get("errors").add(Arrays.asList(source, n, null, "INVALID", position++, text(p, "path"),
                            text(p, "expected"), null));
                }
                continue;
            }
            if (doc.has("failure")) {
                rows.get("errors").add(Arrays.asList(source, n, null, "FAILED", 1, null, null, text(doc, "failure")));
                continue;
            }
            String id = text(doc, "patientId");
            JsonNode kb = doc.get("knowledgeBase");
            JsonNode withheld = doc.get("exerciseWithheld");
            JsonNode sb = doc.get("startBack");
            rows.get("evaluations").add(Arrays.asList(source, n, id, text(kb, "name"), text(kb, "version"),
                    text(kb, "contentHash"), doc.get("recommendations").size(), doc.get("flags").size(),
                    doc.get("suppressed").size(), withheld == null ? null : text(withheld, "urgency"),
                    withheld == null ? null : text(withheld, "rule"), sb == null ? null : sb.get("total").asInt(),
                    sb == null ? null : sb.get("psychosocial").asInt(), sb == null ? null : text(sb, "stratum")));
            int position = 1;
            for (JsonNode r : doc.get("recommendations")) {
                JsonNode referral = r.get("referral");
                rows.get("recommendations").add(Arrays.asList(source, n, id, position++, text(r, "phase"),
                        text(r, "action"), text(r, "target"), text(r, "side"), text(r, "topic"), text(r, "dosage"),
                        referral == null ? null : text(referral, "urgency"),
                        referral == null ? null : text(referral, "reason"), text(r, "restriction"),
                        text(r.get("explanation"), "rule"), strings(r.get("explanation").get("guidance")),
                        ruleIds(r.get("alsoSupportedBy"))));
                rule(rules, r.get("explanation"));
                r.get("alsoSupportedBy").forEach(x -> rule(rules, x));
            }
            position = 1;
            for (JsonNode f : doc.get("flags")) {
                rows.get("flags").add(Arrays.asList(source, n, id, position++, text(f, "code"), text(f, "severity"),
                        text(f.get("explanation"), "rule"), strings(f.get("explanation").get("guidance")),
                        ruleIds(f.get("alsoSupportedBy"))));
                rule(rules, f.get("explanation"));
                f.get("alsoSupportedBy").forEach(x -> rule(rules, x));
            }
            position = 1;
            for (JsonNode s : doc.get("suppressed")) {
                rows.get("suppressed").add(Arrays.asList(source, n, id, position++, text(s, "phase"),
                        text(s, "action"), text(s, "target"), text(s, "side"), text(s, "topic"),
                        text(s.get("explanation"), "rule"), strings(s.get("explanation").get("guidance")),
                        text(s.get("suppressedBy"), "rule"), strings(s.get("suppressedBy").get("guidance")),
                        ruleIds(s.get("alsoSuppressedBy"))));
                rule(rules, s.get("explanation"));
                rule(rules, s.get("suppressedBy"));
                s.get("alsoSuppressedBy").forEach(x -> rule(rules, x));
            }
        }
        rows.get("rules").addAll(rules.values().stream().map(r -> (List<Object>) r).toList());
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : COLUMNS.keySet()) {
            tables.put(table, rows.get(table).stream().map(TableRows::canonical).sorted().toList());
        }
        return tables;
    }

    private static void rule(Map<String, List<Object>> rules, JsonNode x) {
        List<Object> citations = new ArrayList<>();
        for (JsonNode c : x.get("citations")) {
            citations.add(Arrays.asList(text(c, "source"), text(c, "kind"), text(c, "quote"), text(c, "summary")));
        }
        List<Object> row = Arrays.asList(text(x, "rule"), text(x, "ruleName"), strings(x.get("guidance")), citations);
        List<Object> before = rules.putIfAbsent(text(x, "rule"), row);
        if (before != null && !canonical(before).equals(canonical(row))) {
            throw new AssertionError("rule " + text(x, "rule") + " has two sets of metadata");
        }
    }

    private static List<String> ruleIds(JsonNode explanations) {
        List<String> ids = new ArrayList<>();
        explanations.forEach(x -> ids.add(text(x, "rule")));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
