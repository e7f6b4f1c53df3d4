package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The same card log and feedback in PostgreSQL (an embedded PostgreSQL server), schema by Flyway; and
 * when the database goes away, {@code /health} says 503 (while {@code /health/live} still answers) and
 * a call that cannot be recorded answers 503.
 */
class PostgresFeedbackTest {

    @Test
    void feedback_landsInPostgresql_andHealth503WhenItIsGone() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        boolean stopped = false;
        try (CdsHooksServer server = Fixture.start(Fixture.config(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "postgres", Fixture.trusted(),
                false))) {
            String uuid = FeedbackTest.strainCard(server).get("uuid").asText();
            String feedback = FeedbackTest.onCard("feedback-accepted.json", uuid);
            assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback", feedback).statusCode());
            assertEquals(1, server.store().report().stream().mapToLong(FeedbackStore.RuleReport::accepted).max()
                    .orElse(0));
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery(
                            "select count(*) from feedback f join card_log l on l.card_uuid = f.card_uuid"
                                    + " where f.outcome = 'accepted' and l.card_uuid = '" + uuid + "'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }

            String base = Fixture.base(server);
            assertEquals(200, Fixture.get(base + "/health", null).statusCode());
            pg.close();
            stopped = true;
            HttpResponse<String> health = Fixture.get(base + "/health", null);
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("not ready: the database is not reachable"), health.body());
            assertEquals(200, Fixture.get(base + "/health/live", null).statusCode());
            // Nor can a call be recorded (nor its token checked against the replay cache): 503, no card unlogged.
            ObjectNode prefetch = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve("examples/fhir/demo-01.json")));
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
