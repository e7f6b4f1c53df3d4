package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown: a call in flight finishes; afterwards the service is gone. */
class GracefulShutdownTest {

    @Test
    void stop_callInFlight_finishesWith200(@TempDir Path data) throws Exception {
        ObjectNode full = Fixture.prefetchFrom(Fixture.read(Fixture.repo()
                .resolve("examples/fhir/" + MissingPrefetchTest.RECORD)));
        CountDownLatch inside = new CountDownLatch(1);
        Javalin slowFhir = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/fhir/Patient/{id}", ctx -> {
                inside.countDown();
                Thread.sleep(700);
                ctx.contentType("application/fhir+json").result(full.get("patient").toString());
            });
        }).start();
        String fhirBase = "http://127.0.0.1:" + slowFhir.port() + "/fhir";
        try {
            CdsHooksServer server = Fixture.start(data, fhirBase);
            ObjectNode prefetch = full.deepCopy();
            prefetch.remove("patient");
            ObjectNode request = (ObjectNode) Fixture.tree(Fixture.patientView(Fixture.patientIdOf(full), prefetch));
            request.put("fhirServer", fhirBase);
            request.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer")
                    .put("expires_in", 300).put("scope", "user/Patient.read").put("subject", "s");
            String url = Fixture.base(server) + "/cds-services/patient-view";
            CompletableFuture<HttpResponse<String>> call = Fixture.HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + Fixture.token(url))
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            inside.await(10, TimeUnit.SECONDS);
            server.stop(Duration.ofSeconds(10));
            assertEquals(200, call.get(10, TimeUnit.SECONDS).statusCode());
            assertThrows(Exception.class, () -> Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        } finally {
            slowFhir.stop();
        }
    }
}
