package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same card log and feedback in PostgreSQL (an embedded PostgreSQL server), schema by Flyway. */
class PostgresFeedbackTest {

    @Test
    void feedback_landsInPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            CdsHooksServer.Config base = Fixture.config(java.nio.file.Path.of("unused"), Fixture.trusted(), false);
            CdsHooksServer.Config config = new CdsHooksServer.Config("127.0.0.1", 0, base.trusted(), url, "postgres",
                    "postgres", null, false, List.of(), false, Fixture.CLOCK);
            String uuid;
            try (CdsHooksServer server = CdsHooksServer.start(config, Fixture.ENGINE)) {
                uuid = FeedbackTest.strainCard(server).get("uuid").asText();
                String feedback = Fixture.specExample("feedback-accepted.json").replaceAll(
                        "\"card\"\\s*:\\s*\"[^\"]*\"", "\"card\":\"" + uuid + "\"");
                assertEquals(200, Fixture.call(server, "/cds-services/patient-view/feedback", feedback).statusCode());
                server.store().flush();
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
