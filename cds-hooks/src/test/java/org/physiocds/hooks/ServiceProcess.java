package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own JVM ({@code java -cp} the test class path, {@link Main}), on a free loopback
 * port, its output in a file: what an orchestrator runs, so that a test can kill it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) or run two of it.
 */
final class ServiceProcess implements AutoCloseable {

    /** JVM options for a test: a quick start on a small heap (these are tests of behaviour, not of speed). */
    static final List<String> QUICK = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    final Process process;
    final int port;
    final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param jvm JVM options (a trust store, say)
     * @param env environment (the database user and password)
     * @param port the port to listen on (a free one: {@link Fixture#freePort()})
     * @param args {@link Main}'s arguments but {@code --port}
     */
    static ServiceProcess start(Path dir, String name, List<String> jvm, Map<String, String> env, int port,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", classPath(), Main.class.getName(), "--port", Integer.toString(port)));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path the tests run on (surefire's manifest-only jar hides it from java.class.path). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /health/ready} answers 200; fails with the process's log if it dies or takes too long. */
    ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the service exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> r = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        fail("the service was not ready within " + timeout + ":\n" + output());
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                fail("the service did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The trusted-clients file of {@link Fixture#trusted}, written for a process. */
    static String trustedClientsFile(Path dir) {
        File file = dir.resolve("trusted-clients.json").toFile();
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root = Fixture.JSON.createObjectNode();
            root.putArray("clients").addObject().put("iss", Fixture.ISSUER).set("jwks", Fixture.JSON.readTree(
                    new com.nimbusds.jose.jwk.JWKSet(List.of(Fixture.EC.toPublicJWK(), Fixture.RSA.toPublicJWK())).toString()));
            Files.writeString(file.toPath(), root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
