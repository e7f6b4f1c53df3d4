package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The same card log and feedback in PostgreSQL (an embedded PostgreSQL server), schema by Flyway. */
class PostgresFeedbackTest {

    @Test
    void feedback_landsInPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            String uuid;
            try (CdsHooksServer server = Fixture.start(Fixture.config(url, "postgres", "postgres", Fixture.trusted(), false))) {
                uuid = FeedbackTest.strainCard(server).get("uuid").asText();
                String feedback = FeedbackTest.onCard("feedback-accepted.json", uuid);
                assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback", feedback).statusCode());
                assertEquals(1, server.store().report().stream().mapToLong(FeedbackStore.RuleReport::accepted).max()
                        .orElse(0));
            }
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement().executeQuery(
                            "select count(*) from feedback f join card_log l on l.card_uuid = f.card_uuid"
                                    + " where f.outcome = 'accepted' and l.card_uuid = '" + uuid + "'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
