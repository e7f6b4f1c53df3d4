package org.physiocds.population;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.physiocds.Thresholds;
import org.physiocds.text.TextReport;

/**
 * What a run did, in counts only (no patient's data): records read, evaluated, not valid, failed;
 * the knowledge base; per rule, the number of patients it fired for (its explanation is somewhere in
 * their evaluation: a recommendation, a flag, a suppressed recommendation or what overruled it).
 *
 * @param knowledgeBases every "name version (contentHash)" that evaluated (one, unless the run was mixed)
 * @param thresholds     the clinical thresholds every patient was evaluated with ({@code --thresholds})
 */
public record Summary(long records, long evaluated, long invalid, long failed, List<String> knowledgeBases,
        Thresholds thresholds, List<RuleCount> rules, PopulationJob.Timings timings) {

    /** A rule, its name, and how many patients it fired for. */
    public record RuleCount(String rule, String name, long patients) {
    }

    static Summary of(Dataset<Row> results, Thresholds thresholds) {
        long evaluated = 0;
        long invalid = 0;
        long failed = 0;
        for (Row r : results.groupBy(col("status")).count().collectAsList()) {
            switch (r.getString(0)) {
                case Tables.EVALUATED -> evaluated = r.getLong(1);
                case Tables.INVALID -> invalid = r.getLong(1);
                default -> failed = r.getLong(1);
            }
        }
        List<String> kbs = results.filter(col("status").equalTo(Tables.EVALUATED))
                .select(col("kb_name"), col("kb_version"), col("kb_content_hash")).distinct()
                .orderBy(col("kb_name"), col("kb_version"), col("kb_content_hash")).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " (" + r.getString(2) + ")").toList();
        Dataset<Row> names = PopulationJob.tables(results, col("line")).get(5).select(col("rule"), col("name"));
        List<RuleCount> rules = PopulationJob.rulesFired(results).join(names, "rule").orderBy(col("rule"))
                .collectAsList().stream()
                .map(r -> new RuleCount(r.getString(0), r.getString(2), r.getLong(1))).toList();
        return new Summary(evaluated + invalid + failed, evaluated, invalid, failed, kbs, thresholds, rules, null);
    }

    /** This summary with other timings ({@code null}: none, to compare two runs' counts). */
    public Summary withTimings(PopulationJob.Timings timings) {
        return new Summary(records, evaluated, invalid, failed, knowledgeBases, thresholds, rules, timings);
    }

    /** Safe to log: counts only. */
    String oneLine() {
        String line = "population: " + records + " records, " + evaluated + " evaluated, " + invalid
                + " not valid, " + failed + " failed";
        return timings == null ? line : line + String.format(" (read and evaluate %.1f s, write %.1f s, summary %.1f s)",
                timings.evaluateSeconds(), timings.writeSeconds(), timings.summarySeconds());
    }

    String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("records", records);
        doc.put("evaluated", evaluated);
        doc.put("invalid", invalid);
        doc.put("failed", failed);
        doc.put("knowledgeBases", knowledgeBases);
        doc.put("thresholds", ThresholdsFile.fields(thresholds));
        doc.put("rules", rules);
        if (timings != null) {
            doc.put("timings", timings);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary", e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Population run\n\n");
        md.append("| records | evaluated | not valid | failed |\n|---:|---:|---:|---:|\n")
                .append("| ").append(records).append(" | ").append(evaluated).append(" | ").append(invalid)
                .append(" | ").append(failed).append(" |\n\n");
        md.append("Knowledge base: ").append(knowledgeBases.isEmpty() ? "none evaluated" : String.join(", ", knowledgeBases))
                .append("\n\nThresholds: ").append(TextReport.thresholds(thresholds))
                .append(thresholds.isClinicallySafe() ? "" : " (past their clinical limits: results not backed by the sources)")
                .append("\n\n## Patients per rule\n\n| rule | name | patients |\n|---|---|---:|\n");
        for (RuleCount r : rules) {
            md.append("| ").append(r.rule()).append(" | ").append(r.name().replace("|", "\\|")).append(" | ")
                    .append(r.patients()).append(" |\n");
        }
        return md.toString();
    }

    /** summary.json and summary.md, beside the tables (on whatever file system the output is). */
    void write(SparkSession spark, String output) {
        writeText(spark, new Path(output, "summary.json"), json());
        writeText(spark, new Path(output, "summary.md"), markdown());
    }

    private static void writeText(SparkSession spark, Path path, String text) {
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(path, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
