package org.physiocds.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The engine as a Spark job: every patient of the input evaluated, into Parquet tables under the
 * output directory ({@code evaluations}, {@code recommendations}, {@code flags}, {@code suppressed},
 * {@code errors}, {@code rules}) and a summary ({@code summary.json}, {@code summary.md}).
 *
 * <pre>
 * java -jar population/target/population.jar --input PATH --format ndjson|fhir-bulk --output DIR
 *     [--as-of YYYY-MM-DD] [--master local[*]] [--partitions N]
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
     * @param input      a file or directory (NDJSON), or the directory of a FHIR Bulk Data export
     * @param format     {@code ndjson} or {@code fhir-bulk}
     * @param output     the directory the tables and summary are written to; must not exist yet
     * @param asOf       the date FHIR ages and days are counted to (interchange documents carry their own)
     * @param partitions how many partitions to read the input into (0: Spark's default)
     */
    public record Options(String input, String format, String output, LocalDate asOf, int partitions) {
        public Options {
            if (!format.equals("ndjson") && !format.equals("fhir-bulk")) {
                throw new IllegalArgumentException("--format must be ndjson or fhir-bulk, was " + format);
            }
        }
    }

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
            options = new Options(input, format, output, asOf, partitions);
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
        return "usage: population --input PATH --format ndjson|fhir-bulk --output DIR [--as-of YYYY-MM-DD]"
                + " [--master URL] [--partitions N]";
    }

    /** Runs the job in {@code spark} and writes its tables and summary. */
    public static Summary run(SparkSession spark, Options options) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : sc.defaultParallelism();
        JavaRDD<Input> inputs = options.format().equals("ndjson")
                ? Inputs.ndjson(sc, options.input(), partitions)
                : Inputs.fhirBulk(sc, options.input(), partitions);
        LongAccumulator readNanos = sc.sc().longAccumulator("read");
        LongAccumulator evaluateNanos = sc.sc().longAccumulator("evaluate");
        LongAccumulator rowNanos = sc.sc().longAccumulator("row");
        JavaRDD<Row> rows = inputs.mapPartitions(new Evaluator(options.asOf(), readNanos, evaluateNanos, rowNanos));
        Dataset<Row> results = spark.createDataFrame(rows, Tables.RESULT).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long t0 = System.nanoTime();
            results.count(); // read and evaluate everything, once
            long t1 = System.nanoTime();
            write(spark, results, options.output());
            long t2 = System.nanoTime();
            Summary counted = Summary.of(results);
            long t3 = System.nanoTime();
            Summary summary = counted.withTimings(new Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    readNanos.value() / 1e9, evaluateNanos.value() / 1e9, rowNanos.value() / 1e9));
            summary.write(spark, options.output());
            return summary;
        } finally {
            results.unpersist();
        }
    }

    /** The tables: projections of the results. */
    static List<Dataset<Row>> tables(Dataset<Row> results) {
        Dataset<Row> evaluated = results.filter(col("status").equalTo(Tables.EVALUATED));
        List<Dataset<Row>> tables = new ArrayList<>();
        tables.add(evaluated.select(col("source"), col("line"), col("patient_id"), col("kb_name"), col("kb_version"),
                col("kb_content_hash"), size(col("recommendations")).as("recommendations"),
                size(col("flags")).as("flags"), size(col("suppressed")).as("suppressed"),
                col("exercise_withheld"), col("exercise_withheld_rule"), col("start_back_total"),
                col("start_back_psychosocial"), col("start_back_stratum")));
        for (String nested : List.of("recommendations", "flags", "suppressed")) {
            tables.add(evaluated.select(col("source"), col("line"), col("patient_id"), inline(col(nested))));
        }
        tables.add(results.filter(col("status").notEqual(Tables.EVALUATED))
                .select(col("source"), col("line"), col("patient_id"), col("status"), inline(col("errors"))));
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
    private static void write(SparkSession spark, Dataset<Row> results, String output) {
        List<Dataset<Row>> tables = tables(results);
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
