package org.physiocds.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.physiocds.CdsEngine;
import org.physiocds.model.Patient;
import org.physiocds.fhir.FhirMapping;

/**
 * Load benchmark of {@code patient-view} (not a test; not run by {@code verify}). The service runs as
 * its own JVM ({@link Main}, as in production: default JIT and GC, the card log in an H2 file with
 * durable commits), on loopback with JWT verification; N concurrent clients send one call after
 * another for a fixed time, each with a fresh ES384 token signed before the level starts (so that the
 * clients' signing does not compete with the service during the measurement). Prints, per level,
 * throughput, p50, p99, max, errors and the service process's CPU per call; before that, the first
 * call after {@code /health/ready} against a warm call, and the CPU per call of the engine's own
 * evaluation, the FHIR mapping and an ES384 verification measured in this JVM.
 *
 * <pre>
 * ./mvnw -B -ntp package -pl cds-hooks -am -DskipTests
 * java -cp cds-hooks/target/cds-hooks.jar:cds-hooks/target/test-classes org.physiocds.hooks.LoadBenchmark 10 1 8 32 64
 * </pre>
 * Arguments: seconds per level, then the client counts; {@code -Dservice.jvm="..."} adds JVM options
 * to the service's (a flight recording, say).
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> levels = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            levels.add(Integer.parseInt(args[i]));
        }
        if (levels.isEmpty()) {
            levels = List.of(1, 8, 32, 64);
        }
        ObjectNode prefetch = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve("examples/fhir/demo-01.json")));
        String body = Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch);
        inProcessCosts(prefetch);

        Path data = Files.createTempDirectory("cds-hooks-bench");
        int port = Fixture.freePort();
        String publicUrl = "http://127.0.0.1:" + port;
        String url = publicUrl + "/cds-services/patient-view";
        long launched = System.nanoTime();
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        String extra = System.getProperty("service.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        try (ServiceProcess service = ServiceProcess.start(data, "service", jvm, Map.of(), port,
                "--trusted-clients", ServiceProcess.trustedClientsFile(data), "--database",
                "jdbc:h2:file:" + data.resolve("cds-hooks"), "--public-url", publicUrl)) {
            service.awaitReady(Duration.ofMinutes(3));
            System.out.printf(Locale.ROOT, "ready %.1f s after launch%n", (System.nanoTime() - launched) / 1e9);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            double first = once(http, url, body);
            double[] warm = new double[30];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = once(http, url, body);
            }
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "first call after ready %.1f ms; the next 30 calls, one at a time: p50 %.1f ms,"
                    + " max %.1f ms%n", first, warm[warm.length / 2], warm[warm.length - 1]);
            System.out.printf(Locale.ROOT, "warm-up load: %s%n", run(http, url, body, 8, Math.max(3, seconds / 2), service));
            for (int clients : levels) {
                System.out.printf(Locale.ROOT, "%d clients, %d s: %s%n", clients, seconds,
                        run(http, url, body, clients, seconds, service));
            }
            service.process.destroy();   // SIGTERM: a graceful stop (a flight recording is written)
            service.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** CPU per call, in this JVM on one thread, of what a patient-view call does besides HTTP, JSON and the database. */
    static void inProcessCosts(ObjectNode prefetch) throws Exception {
        CdsEngine engine = CdsEngine.builder().build();
        FhirMapping fhir = FhirMapping.create();
        String body = Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch);
        Wire.HookRequest request = Fixture.JSON.readValue(body, Wire.HookRequest.class);
        LocalDate asOf = LocalDate.now();
        List<IBaseResource> resources = Prefetch.resolve(request, null);
        Patient patient = fhir.readPatient(resources, asOf).patient();
        String token = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, "https://x", Instant.now(),
                Instant.now().plusSeconds(60), "x");
        ECDSAVerifier verifier = new ECDSAVerifier(Fixture.EC.toECPublicKey());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = 2_000;
        for (int round = 0; round < 2; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                engine.evaluateWithMissingData(patient);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                fhir.readPatient(Prefetch.resolve(Fixture.JSON.readValue(body, Wire.HookRequest.class), null), asOf);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                SignedJWT.parse(token).verify(verifier);
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "CPU per call in-process: engine evaluation (with what-if) %.2f ms,"
                        + " JSON + FHIR mapping %.2f ms, ES384 verification %.2f ms%n", (t1 - t0) / 1e6 / n,
                        (t2 - t1) / 1e6 / n, (t3 - t2) / 1e6 / n);
            }
        }
    }

    static double once(HttpClient http, String url, String body) throws Exception {
        HttpRequest request = request(url, body, token(url));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static String token(String url) {
        Instant now = Instant.now();
        return Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, url, now, now.plusSeconds(300),
                UUID.randomUUID().toString());
    }

    static HttpRequest request(String url, String body, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String run(HttpClient http, String url, String body, int clients, int seconds, ServiceProcess service)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < Math.max(600, 60 * seconds); i++) {
            tokens.add(token(url));
        }
        long cpuBefore = cpu(service);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int me = t;
            latencies[me] = new long[1 << 12];
            threads[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String token = tokens.poll();
                    HttpRequest request = request(url, body, token != null ? token : token(url));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - start;
                    if (counts[me] == latencies[me].length) {
                        latencies[me] = Arrays.copyOf(latencies[me], latencies[me].length * 2);
                    }
                    latencies[me][counts[me]++] = took;
                }
            }, "client-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long cpuUsed = cpu(service) - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return String.format(Locale.ROOT, "%d calls, %.1f calls/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d,"
                + " service CPU %.2f ms per call", total, total / (double) seconds, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), total == 0 ? 0 : cpuUsed / 1e6 / total);
    }

    /** The service process's CPU time so far, in nanoseconds. */
    static long cpu(ServiceProcess service) {
        return service.process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
