package org.physiocds.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.physiocds.CdsEngine;

/**
 * Load benchmark of {@code patient-view} (not a test; not run by {@code verify}): the real server on
 * loopback with JWT verification, the card log in H2, and N concurrent clients each sending one call
 * after another for a fixed time, a fresh ES384 token per call (signed before the call's clock
 * starts). Prints throughput, p50, p99, max and errors per level.
 *
 * <pre>
 * ./mvnw -B -ntp package -pl cds-hooks -am -DskipTests
 * java -cp cds-hooks/target/cds-hooks.jar:cds-hooks/target/test-classes org.physiocds.hooks.LoadBenchmark 30 1 8 64
 * </pre>
 * Arguments: seconds per level, then the client counts; {@code -Dalg=RS384} for RS384 tokens.
 */
public final class LoadBenchmark {

    /** {@code -Dalg=RS384}: tokens signed RS384 instead of ES384 (verification is much cheaper). */
    static final boolean RS = "RS384".equals(System.getProperty("alg"));

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Integer> levels = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            levels.add(Integer.parseInt(args[i]));
        }
        if (levels.isEmpty()) {
            levels = List.of(1, 8, 64);
        }
        Path data = Files.createTempDirectory("cds-hooks-bench");
        Clock clock = Clock.systemUTC();
        CdsHooksServer.Config config = new CdsHooksServer.Config("127.0.0.1", 0, Fixture.trusted(),
                "jdbc:h2:file:" + data.resolve("cds-hooks"), null, null, null, false, List.of(), false, clock);
        CdsEngine engine = CdsEngine.builder().build();
        ObjectNode prefetch = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve("examples/fhir/demo-01.json")));
        String body = Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch);
        try (CdsHooksServer server = CdsHooksServer.start(config, engine)) {
            String url = Fixture.base(server) + "/cds-services/patient-view";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf(Locale.ROOT, "warm-up: %s%n", run(http, url, body, 8, 10));
            for (int clients : levels) {
                System.out.printf(Locale.ROOT, "%d clients, %d s: %s%n", clients, seconds, run(http, url, body, clients, seconds));
            }
        }
    }

    static String run(HttpClient http, String url, String body, int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int me = t;
            latencies[me] = new long[1 << 16];
            threads[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Instant now = Instant.now();
                    String token = Fixture.token(RS ? Fixture.RSA : Fixture.EC, RS ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384, Fixture.ISSUER, url, now,
                            now.plusSeconds(60), UUID.randomUUID().toString());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return String.format(Locale.ROOT, "%d calls, %.0f calls/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d",
                total, total / (double) seconds, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                errors.get());
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
