package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready when it says so: {@code /health/live} answers at once, {@code /health/ready} and {@code /health}
 * 503 until the warm-up has run (the database down: {@link PostgresFeedbackTest}).
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
}
