package org.physiocds.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark standalone cluster, on loopback: a master and two workers (one core,
 * 512 MB each) started as separate JVMs from Spark's own {@code Master} and {@code Worker} classes,
 * the job submitted with {@code SparkSubmit} (what the {@code spark-submit} script runs) in client
 * mode, so its evaluations run in two executor JVMs the workers start, each building its own
 * engine. Its six tables must equal those of the same input evaluated in local mode.
 *
 * <p>The cluster's Spark installation is a directory whose {@code jars/} holds the job's
 * {@code lib/} without the project's own jars: the engine, the knowledge base and the FHIR mapping
 * travel with the submission ({@code --jars}), as on a real cluster. Every process is killed, with
 * the executors the workers started, whatever happens; the whole test is bounded. Five JVMs take
 * minutes on two cores: {@code verify} runs it with {@code -Pcluster-it} only, as CI does ({@code .ci/run}).
 */
class ClusterIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CDS = ROOT.resolve("examples/target/cds-examples.jar");
    private static final Path JOB = ROOT.resolve("population/target/population.jar");
    private static final Path LIB = ROOT.resolve("population/target/lib");
    private static final int PATIENTS = 2000;
    /** The project's jars: submitted with the job, not part of the cluster's installation. */
    private static final List<String> OURS = List.of("rules-core-", "rules-kb-", "fhir-");

    private final List<Process> processes = new ArrayList<>();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void standaloneClusterOfTwoWorkers_givesTheTablesOfLocalMode(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("patients.ndjson");
        run(dir, input, List.of("-jar", CDS.toString(), "generate", "--count", String.valueOf(PATIENTS), "--seed", "23"));
        List<String> lines = new ArrayList<>(Files.readAllLines(input));
        lines.add(700, "{\"age\": -1}");
        lines.add(1500, "not json");
        Files.write(input, lines);

        // Local mode in this JVM, as PopulationJobTest runs it; the cluster's driver is a JVM of its own.
        Path local = dir.resolve("local");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("cluster-it")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "localhost").getOrCreate();
        Path sparkHome = installation(dir);
        try {
            Summary inLocalMode = PopulationJob.run(spark, new PopulationJob.Options(input.toString(), "ndjson",
                    local.toString(), java.time.LocalDate.now(), 3));
            assertEquals(PATIENTS, inLocalMode.evaluated());
            int masterPort = freePort();
            int masterUi = freePort();
            String master = "spark://127.0.0.1:" + masterPort;
            start(dir, sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi));
            for (int w = 1; w <= 2; w++) {
                start(dir, sparkHome, "worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "512m", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", Files.createDirectories(dir.resolve("work-" + w)).toString(), master);
            }
            awaitWorkers(masterUi, 2);

            Path clustered = dir.resolve("cluster");
            List<String> submit = new ArrayList<>(List.of("-Xmx768m", "-cp", LIB.resolve("*").toString()));
            submit.addAll(List.of(addOpens()));
            submit.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master, "--deploy-mode", "client",
                    "--class", PopulationJob.class.getName(), "--jars", ourJars(),
                    "--executor-memory", "512m", "--total-executor-cores", "2",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.ui.enabled=false",
                    JOB.toString(), "--input", input.toString(), "--format", "ndjson", "--output", clustered.toString(),
                    "--partitions", "4"));
            Path said = dir.resolve("submit.txt");
            assertEquals(0, run(dir, said, submit), "spark-submit: " + tail(dir.resolve("stderr.txt")));
            assertTrue(Files.readString(said).startsWith("population: " + lines.size() + " records, " + PATIENTS
                    + " evaluated, 2 not valid, 0 failed"), Files.readString(said));
            assertEquals(2, executorsThatRan(dir), "both workers ran an executor");

            Map<String, List<String>> expected = TableRows.read(spark, local.toString());
            Map<String, List<String>> actual = TableRows.read(spark, clustered.toString());
            for (String table : TableRows.COLUMNS.keySet()) {
                assertEquals(expected.get(table), actual.get(table), table);
            }
            assertEquals(PATIENTS, actual.get("evaluations").size());
        } finally {
            stopAll();
            spark.stop();
        }
    }

    /**
     * A Spark installation for the master and workers: {@code jars/} holds links to the job's
     * {@code lib/} but for the project's own jars (what the workers start executors with).
     */
    private static Path installation(Path dir) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("spark-home/jars"));
        try (Stream<Path> lib = Files.list(LIB)) {
            for (Path jar : lib.toList()) {
                String name = jar.getFileName().toString();
                if (OURS.stream().noneMatch(name::startsWith)) {
                    Files.createSymbolicLink(jars.resolve(name), jar);
                }
            }
        }
        return dir.resolve("spark-home");
    }

    /** The project's jars of lib/, comma-separated, for --jars. */
    private static String ourJars() throws IOException {
        try (Stream<Path> lib = Files.list(LIB)) {
            List<String> ours = lib.filter(j -> OURS.stream().anyMatch(j.getFileName().toString()::startsWith))
                    .map(Path::toString).sorted().toList();
            assertEquals(OURS.size(), ours.size(), "the project's jars in lib/: " + ours);
            return String.join(",", ours);
        }
    }

    private static String[] addOpens() {
        return System.getProperty("spark.add-opens", "").isBlank() ? new String[0]
                : System.getProperty("spark.add-opens").trim().split("\\s+");
    }

    /** Starts a Spark daemon (master or worker) from the installation's jars, on loopback only. */
    private void start(Path dir, Path sparkHome, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx192m", "-cp", sparkHome.resolve("jars").resolve("*").toString()));
        command.addAll(List.of(addOpens()));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectErrorStream(true);
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
        // A worker builds its executors' command line as Spark's scripts do; in an installation
        // (jars/, no build directories) the Scala version is given, as a distribution's scripts give it.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(builder.start());
    }

    /** Waits until the master's status page counts {@code count} alive workers. */
    private static void awaitWorkers(int masterUi, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (last.replace(" ", "").contains("\"aliveworkers\":" + count)) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the workers did not register within 120 s: " + last);
    }

    /** How many worker work directories hold an executor's directory (app-*&#47;N). */
    private static long executorsThatRan(Path dir) throws IOException {
        long n = 0;
        for (int w = 1; w <= 2; w++) {
            try (Stream<Path> files = Files.walk(dir.resolve("work-" + w), 2)) {
                n += files.anyMatch(p -> p.getParent() != null && p.getParent().getFileName().toString().startsWith("app-"))
                        ? 1 : 0;
            }
        }
        return n;
    }

    /** Kills every daemon and what it started (the executors), and waits for them to end. */
    private void stopAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Runs java with {@code args}, its output to {@code out}; the exit status. Killed after 5 minutes. */
    private static int run(Path dir, Path out, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(args);
        File err = dir.resolve("stderr.txt").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err).start();
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish: " + command.subList(0, 3));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertFalse(Files.readString(err.toPath()).contains("synthetic-"), "no patient id in the logs");
        return p.exitValue();
    }
}
