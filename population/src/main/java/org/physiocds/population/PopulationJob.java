package org.physiocds.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.physiocds.Thresholds;

/**
 * The engine as a Spark job: every patient of the input evaluated, into Parquet tables under the
 * output directory ({@code evaluations}, {@code recommendations}, {@code flags}, {@code suppressed},
 * {@code errors}, {@code rules}) and a summary ({@code summary.json}, {@code summary.md}).
 *
 * <pre>
 * java -jar population/target/population.jar --input PATH --format ndjson|parquet|fhir-bulk --output DIR
 *     [--as-of YYYY-MM-DD] [--thresholds FILE] [--master local[*]] [--partitions N]
 * </pre>
 *
 * <p>Embedded (Spark local mode, {@code local[*]}) unless a master is given or set by
 * {@code spark-submit}. Nothing a patient's record holds is logged: the job prints counts only.
 */
public final class PopulationJob {

    /** The tables, in the order they are written. */
    public static final List<String> TABLES = List.of("evaluations", "recommendations", "flags", "suppressed",
            "errors", "rules");

    private PopulationJob() {
    }

    /**
     * What to run.
     *
     * @param input      a file or directory (NDJSON or Parquet), or the directory of a FHIR Bulk Data export
     * @param format     {@code ndjson}, {@code parquet} or {@code fhir-bulk}
     * @param output     the directory the tables and summary are written to; must not exist yet
     * @param asOf       the date FHIR ages and days are counted to (interchange documents carry their own)
     * @param partitions how many partitions to read the input into (0: Spark's default)
     * @param thresholds the clinical thresholds to evaluate with ({@code --thresholds FILE}; past
     *                   their clinical limits allowed, for a what-if run, and said so in the summary)
     */
    public record Options(String input, String format, String output, LocalDate asOf, int partitions,
            Thresholds thresholds) {
        public Options {
            if (!FORMATS.contains(format)) {
                throw new IllegalArgumentException("--format must be one of " + String.join(", ", FORMATS)
                        + ", was " + format);
            }
            Objects.requireNonNull(thresholds, "thresholds");
        }

        /** With the default thresholds. */
        public Options(String input, String format, String output, LocalDate asOf, int partitions) {
            this(input, format, output, asOf, partitions, Thresholds.DEFAULTS);
        }
    }

    /** The input formats ({@code --format}). */
    public static final List<String> FORMATS = List.of("ndjson", "parquet", "fhir-bulk");

    /**
     * How long each step took, in seconds of wall time (read and evaluate into the cache; write the
     * tables; count for the summary), and the task time summed over every task (so on n cores about n
     * times the wall time it fills): parsing the records, evaluating them, and building their rows.
     */
    public record Timings(double evaluateSeconds, double writeSeconds, double summarySeconds,
            double parseTaskSeconds, double evaluateTaskSeconds, double rowTaskSeconds) {
    }

    public static void main(String[] args) {
        String master = null;
        String input = null;
        String format = null;
        String output = null;
        LocalDate asOf = LocalDate.now();
        int partitions = 0;
        String thresholdsFile = null;
        Options options;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--input" -> input = value;
                    case "--format" -> format = value;
                    case "--output" -> output = value;
                    case "--as-of" -> asOf = LocalDate.parse(value);
                    case "--master" -> master = value;
                    case "--partitions" -> partitions = Integer.parseInt(value);
                    case "--thresholds" -> thresholdsFile = value;
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                i++;
            }
            if (input == null || format == null || output == null) {
                throw new IllegalArgumentException("--input, --format and --output are required");
            }
            options = new Options(input, format, output, asOf, partitions,
                    thresholdsFile == null ? Thresholds.DEFAULTS : ThresholdsFile.read(Path.of(thresholdsFile)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("population: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("physiocds-population");
        SparkConf conf = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!conf.contains("spark.master")) { // not from spark-submit: embedded
            builder.master("local[*]").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            Summary summary = run(spark, options);
            System.out.println(summary.oneLine());
        } finally {
            spark.stop();
        }
    }

    static String usage() {
        return "usage: population --input PATH --format ndjson|parquet|fhir-bulk --output DIR [--as-of YYYY-MM-DD]"
                + " [--thresholds FILE] [--master URL] [--partitions N]";
    }

    /** Runs the job in {@code spark} and writes its tables and summary. */
    public static Summary run(SparkSession spark, Options options) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : sc.defaultParallelism();
        JavaRDD<Input> inputs = switch (options.format()) {
            case "ndjson" -> Inputs.ndjson(sc, options.input(), partitions);
            case "parquet" -> Inputs.parquet(spark, options.input(), options.partitions());
            default -> Inputs.fhirBulk(sc, options.input(), partitions);
        };
        LongAccumulator readNanos = sc.sc().longAccumulator("read");
        LongAccumulator evaluateNanos = sc.sc().longAccumulator("evaluate");
        LongAccumulator rowNanos = sc.sc().longAccumulator("row");
        JavaRDD<Row> rows = inputs.mapPartitionsWithIndex(new Evaluator(options.asOf(), options.thresholds(), readNanos,
                evaluateNanos, rowNanos), true);
        Dataset<Row> results = spark.createDataFrame(rows, Tables.RESULT).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long t0 = System.nanoTime();
            results.count(); // read and evaluate everything, once
            long t1 = System.nanoTime();
            write(spark, tables(results, lines(results)), options.output());
            long t2 = System.nanoTime();
            Summary counted = Summary.of(results, options.thresholds());
            long t3 = System.nanoTime();
            Summary summary = counted.withTimings(new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    readNanos.value() / 1e9, evaluateNanos.value() / 1e9, rowNanos.value() / 1e9));
            summary.write(spark, options.output());
            return summary;
        } finally {
            results.unpersist();
        }
    }

    /**
     * Each record's line in its file, as a column of the results: a line numbered within its
     * partition ({@code block}) plus the lines of the same file's earlier partitions. Partitions
     * hold consecutive lines, in file order then line order, so a partition's offset is the sum
     * of the row counts of the partitions of its file before it: counted on the cached results,
     * not by reading the input again.
     */
    static Column lines(Dataset<Row> results) {
        List<Row> blocks = results.filter(col("block").geq(0)).groupBy(col("block"))
                .agg(first(col("source")).as("source"), count(lit(1)).as("rows"))
                .orderBy(col("block")).collectAsList();
        if (blocks.isEmpty()) {
            return col("line");
        }
        List<Column> offsets = new ArrayList<>();
        String source = null;
        long offset = 0;
        for (Row b : blocks) {
            if (!b.getString(1).equals(source)) {
                source = b.getString(1);
                offset = 0;
            }
            offsets.add(lit(b.getInt(0)));
            offsets.add(lit(offset));
            offset += b.getLong(2);
        }
        return when(col("block").geq(0), col("line").plus(element_at(map(offsets.toArray(Column[]::new)), col("block"))))
                .otherwise(col("line")).as("line");
    }

    /** The tables: projections of the results, {@code line} the column of {@link #lines}. */
    static List<Dataset<Row>> tables(Dataset<Row> results, Column line) {
        Dataset<Row> evaluated = results.filter(col("status").equalTo(Tables.EVALUATED));
        List<Dataset<Row>> tables = new ArrayList<>();
        tables.add(evaluated.select(col("source"), line, col("patient_id"), col("kb_name"), col("kb_version"),
                col("kb_content_hash"), size(col("recommendations")).as("recommendations"),
                size(col("flags")).as("flags"), size(col("suppressed")).as("suppressed"),
                col("exercise_withheld"), col("exercise_withheld_rule"), col("start_back_total"),
                col("start_back_psychosocial"), col("start_back_stratum")));
        for (String nested : List.of("recommendations", "flags", "suppressed")) {
            tables.add(evaluated.select(col("source"), line, col("patient_id"), inline(col(nested))));
        }
        tables.add(results.filter(col("status").notEqual(Tables.EVALUATED))
                .select(col("source"), line, col("patient_id"), col("status"), inline(col("errors"))));
        tables.add(results.select(inline(col("rules_seen")))
                .groupBy(col("rule"))
                .agg(min(struct(col("name"), col("guidance"), col("citations"))).as("m"))
                .select(col("rule"), col("m.name").as("name"), col("m.guidance").as("guidance"),
                        col("m.citations").as("citations"))
                .orderBy(col("rule")).coalesce(1));
        return tables;
    }

    /**
     * Writes the tables side by side: each is a small job over the cached results, and on a few
     * cores their fixed costs (planning, committing files) overlap better than they add up.
     */
    private static void write(SparkSession spark, List<Dataset<Row>> tables, String output) {
        ExecutorService writers = Executors.newFixedThreadPool(TABLES.size());
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < TABLES.size(); i++) {
                Dataset<Row> table = tables.get(i);
                String path = output + "/" + TABLES.get(i);
                written.add(writers.submit(() -> table.write().mode(SaveMode.ErrorIfExists).parquet(path)));
            }
            for (Future<?> f : written) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the tables", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            writers.shutdownNow();
        }
    }

    /** Rules fired, per rule the number of patients: for the summary. */
    static Dataset<Row> rulesFired(Dataset<Row> results) {
        return results.select(explode(col("rules_fired")).as("rule")).groupBy(col("rule")).count().orderBy(col("rule"));
    }
}
