package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas behind one public URL, on one PostgreSQL (embedded), each its own JVM: a token
 * accepted by one is refused as a replay by the other, the replay cache holding it until its
 * {@code exp} plus the clock skew.
 */
class ReplicaTest {

    static final String PUBLIC_URL = "https://cds.test.example";

    @Test
    void tokenReplayedOnTheOtherReplica_refused(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String database = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            Map<String, String> credentials = Map.of("PHYSIOCDS_DB_USER", "postgres", "PHYSIOCDS_DB_PASSWORD", "postgres");
            String trusted = ServiceProcess.trustedClientsFile(dir);
            // Started together (Flyway's lock on PostgreSQL lets one of them migrate the schema).
            try (ServiceProcess a = replica(dir, "a", credentials, database, trusted);
                    ServiceProcess b = replica(dir, "b", credentials, database, trusted)) {
                a.awaitReady(Duration.ofSeconds(90));
                b.awaitReady(Duration.ofSeconds(90));
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                String token = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, PUBLIC_URL + "/cds-services",
                        now, now.plusSeconds(120), UUID.randomUUID().toString());
                assertEquals(200, discovery(a, token).statusCode());
                HttpResponse<String> replayed = discovery(b, token);
                assertEquals(401, replayed.statusCode());
                SecurityTest.assertRefused(401, replayed);
                assertEquals(401, discovery(a, token).statusCode());
                // Replica b serves a fresh token: it refused the replay, not everything.
                assertEquals(200, discovery(b, Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER,
                        PUBLIC_URL + "/cds-services", now, now.plusSeconds(120), UUID.randomUUID().toString()))
                        .statusCode());
                try (Connection c = pg.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement()
                        .executeQuery("select expires_at from token_replay where token_key = '"
                                + TokenVerifier.key(Fixture.ISSUER, tokenJti(token)) + "'")) {
                    rs.next();
                    assertEquals(now.plusSeconds(120).plus(TokenVerifier.CLOCK_SKEW),
                            rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
                }
            }
        }
    }

    static ServiceProcess replica(Path dir, String name, Map<String, String> env, String database, String trusted) {
        return ServiceProcess.start(dir, name, ServiceProcess.QUICK, env, Fixture.freePort(), "--trusted-clients", trusted,
                "--database", database, "--public-url", PUBLIC_URL);
    }

    static HttpResponse<String> discovery(ServiceProcess replica, String token) {
        return Fixture.get(replica.base() + "/cds-services", token);
    }

    static String tokenJti(String token) throws java.text.ParseException {
        return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    }
}
