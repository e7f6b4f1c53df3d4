package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready when it says so: {@code /health/live} answers at once, {@code /health/ready} and {@code /health}
 * 503 until the warm-up has run and whenever the database cannot be reached.
 */
class ReadinessTest {

    @Test
    void notReadyUntilWarmedUp_liveAtOnce(@TempDir Path data) {
        List<Runnable> heldBack = new ArrayList<>();
        try (CdsHooksServer server = CdsHooksServer.start(Fixture.config(data, Fixture.trusted(), false), Fixture.ENGINE,
                heldBack::add)) {
            String base = Fixture.base(server);
            assertEquals(200, Fixture.get(base + "/health/live", null).statusCode());
            for (String health : List.of("/health/ready", "/health")) {
                HttpResponse<String> r = Fixture.get(base + health, null);
                assertEquals(503, r.statusCode(), health);
                assertTrue(r.body().contains("not ready: warming up"), r.body());
            }
            assertEquals(1, heldBack.size());
            heldBack.get(0).run();
            assertEquals(200, Fixture.get(base + "/health/ready", null).statusCode());
            assertEquals(200, Fixture.get(base + "/health", null).statusCode());
        }
    }

    @Test
    void databaseDown_health503_liveStill200(@TempDir Path data) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        boolean stopped = false;
        try (CdsHooksServer server = Fixture.start(Fixture.config(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "postgres", Fixture.trusted(), false))) {
            String base = Fixture.base(server);
            assertEquals(200, Fixture.get(base + "/health", null).statusCode());
            pg.close();
            stopped = true;
            HttpResponse<String> health = Fixture.get(base + "/health", null);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("not ready: the database is not reachable"), health.body());
            assertEquals(200, Fixture.get(base + "/health/live", null).statusCode());
            // A call cannot be recorded (nor its token checked against the replay cache): 503, not a card unlogged.
            String bundle = Fixture.read(Fixture.repo().resolve("examples/fhir/demo-01.json"));
            var prefetch = Fixture.prefetchFrom(bundle);
            HttpResponse<String> call = Fixture.call(server, "/cds-services/patient-view",
                    Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch));
            assertEquals(503, call.statusCode(), call.body());
        } finally {
            if (!stopped) {
                pg.close();
            }
        }
    }
}
