package org.physiocds.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Reads the job's input as {@link Input} records numbered by file and line, whatever the
 * partitioning: line numbers come from each file's own order (for NDJSON, counted within each
 * partition as it is evaluated; for a FHIR export, {@code zipWithIndex}; for Parquet, the row
 * index), files are taken in name order.
 */
final class Inputs {

    private Inputs() {
    }

    /** The resource types of a FHIR Bulk Data export the mapping reads, one NDJSON file each. */
    static final List<String> FHIR_TYPES = List.of("Patient", "Condition", "Observation", "Procedure",
            "QuestionnaireResponse");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Interchange NDJSON: one file, or every file of a directory in name order; one record per
     * line. Read once: the lines are numbered as they are evaluated, within their partition
     * ({@link Input#line()} 0 until then), each partition holding consecutive lines of one file.
     */
    static JavaRDD<Input> ndjson(JavaSparkContext sc, String input, int partitions) {
        List<Path> files = files(sc, new Path(input));
        JavaRDD<Input> all = null;
        for (Path file : files) {
            String source = file.getName();
            JavaRDD<Input> lines = sc.textFile(file.toString(), partitions).map(text -> Input.interchange(source, text));
            all = all == null ? lines : all.union(lines);
        }
        return all == null ? sc.emptyRDD() : all;
    }

    /**
     * A Parquet table of interchange documents: one patient per row, its columns the interchange
     * format's fields (nested ones as structs and arrays of structs), as Spark writes the NDJSON
     * of {@code cds generate} ({@code spark.read().json(...).write().parquet(...)}). Each row is
     * turned back into its JSON document and read as NDJSON's lines are: a column that is not a
     * field of the format, or a value of the wrong type, is that row's error. The record is the
     * Parquet file and the row's position in it, from 1 (read from the file's own row index: no
     * pass is spent numbering rows).
     */
    static JavaRDD<Input> parquet(SparkSession spark, String input, int partitions) {
        Dataset<Row> table = spark.read().parquet(input);
        Column[] fields = Arrays.stream(table.columns()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> documents = table.select(col("_metadata.file_name"), col("_metadata.row_index").plus(1),
                fields.length == 0 ? lit("{}") : to_json(struct(fields)));
        if (partitions > 0) {
            documents = documents.repartition(partitions);
        }
        return documents.javaRDD().map(r -> Input.interchange(r.getString(0), r.getLong(1), r.getString(2)));
    }

    /**
     * A FHIR Bulk Data export: {@code Patient.ndjson} and, when present, {@code Condition.ndjson},
     * {@code Observation.ndjson}, {@code Procedure.ndjson}, {@code QuestionnaireResponse.ndjson} in
     * the directory, one resource per line. Each patient's resources (by their {@code subject}
     * reference) are gathered into one Bundle; a resource that names no patient of the export, or a
     * line that is not a resource, is an error of its own. Other files are not read.
     */
    static JavaRDD<Input> fhirBulk(JavaSparkContext sc, String input, int partitions) {
        FileSystem fs = fileSystem(sc, new Path(input));
        JavaPairRDD<String, Resource> all = null;
        for (String type : FHIR_TYPES) {
            Path file = new Path(input, type + ".ndjson");
            try {
                if (!fs.exists(file)) {
                    if (type.equals("Patient")) {
                        throw new IllegalArgumentException("a FHIR Bulk Data export has a Patient.ndjson; "
                                + input + " has none");
                    }
                    continue;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String source = file.getName();
            JavaPairRDD<String, Resource> resources = sc.textFile(file.toString(), partitions).zipWithIndex()
                    .filter(t -> !t._1().isBlank())
                    .mapToPair(t -> keyed(type, source, t._2() + 1, t._1()));
            all = all == null ? resources : all.union(resources);
        }
        return all.groupByKey(partitions).flatMap(group -> gather(group._2()).iterator());
    }

    /** One resource line, and the patient it belongs to. */
    record Resource(String type, String source, long line, String json, String problemPath, String problem)
            implements java.io.Serializable {
    }

    private static Tuple2<String, Resource> keyed(String type, String source, long line, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !type.equals(node.path("resourceType").asText())) {
            return new Tuple2<>(alone(source, line), new Resource(type, source, line, null, "$",
                    "a FHIR R4 " + type + " resource in JSON on one line"));
        }
        String patient = type.equals("Patient")
                ? node.path("id").asText("")
                : patientId(node.path("subject").path("reference").asText(""));
        if (patient.isEmpty()) {
            return new Tuple2<>(alone(source, line), new Resource(type, source, line, null,
                    type.equals("Patient") ? "Patient.id" : type + ".subject.reference",
                    type.equals("Patient") ? "an id" : "a reference to a Patient of Patient.ndjson"));
        }
        return new Tuple2<>("Patient/" + patient, new Resource(type, source, line, json, null, null));
    }

    /** {@code Patient/123}, {@code https://ehr.example/fhir/Patient/123}, {@code .../Patient/123/_history/2}: 123. */
    static String patientId(String reference) {
        String[] parts = reference.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (parts[i].equals("Patient") && !parts[i + 1].isEmpty()) {
                return parts[i + 1];
            }
        }
        return "";
    }

    private static String alone(String source, long line) {
        return "!" + source + ":" + line; // a key no reference makes: the line is a group of its own
    }

    private static List<Input> gather(Iterable<Resource> group) {
        List<Resource> resources = new ArrayList<>();
        group.forEach(resources::add);
        resources.sort(Comparator.comparingInt((Resource r) -> FHIR_TYPES.indexOf(r.type()))
                .thenComparingLong(Resource::line));
        Resource patient = resources.get(0);
        if (patient.problem() != null) {
            return List.of(Input.unreadable(patient.source(), patient.line(), patient.problemPath(), patient.problem()));
        }
        if (!patient.type().equals("Patient")) { // resources whose patient is not in the export
            List<Input> orphans = new ArrayList<>();
            for (Resource r : resources) {
                orphans.add(Input.unreadable(r.source(), r.line(), r.type() + ".subject.reference",
                        "a reference to a Patient of Patient.ndjson"));
            }
            return orphans;
        }
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i).json()).append('}');
        }
        return List.of(Input.fhir(patient.source(), patient.line(), bundle.append("]}").toString()));
    }

    private static FileSystem fileSystem(JavaSparkContext sc, Path path) {
        try {
            return path.getFileSystem(sc.hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static List<Path> files(JavaSparkContext sc, Path input) {
        FileSystem fs = fileSystem(sc, input);
        try {
            FileStatus status = fs.getFileStatus(input);
            if (!status.isDirectory()) {
                return List.of(input);
            }
            return Arrays.stream(fs.listStatus(input))
                    .filter(s -> s.isFile() && !s.getPath().getName().startsWith(".") && !s.getPath().getName().startsWith("_"))
                    .map(FileStatus::getPath).sorted(Comparator.comparing(Path::getName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input, e);
        }
    }
}
