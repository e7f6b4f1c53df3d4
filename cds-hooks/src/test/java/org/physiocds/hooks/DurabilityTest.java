package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the service (its own JVM, the default embedded H2 database) takes a
 * bounded loopback load of patient-view calls and feedback on the cards they return, is killed with
 * SIGKILL in the middle of it, and after a restart on the same database every card it returned and
 * every feedback item it answered 200 for is there.
 */
class DurabilityTest {

    static final int CLIENTS = 4;
    static final int ENOUGH_FEEDBACK = 40;
    static final Duration MAX_LOAD = Duration.ofSeconds(6);

    @Test
    void sigkillDuringLoad_everyAcknowledgedCardAndFeedbackSurvives(@TempDir Path dir) throws Exception {
        String database = "jdbc:h2:file:" + dir.resolve("cds-hooks");
        Map<String, Integer> feedbackAcknowledged = new ConcurrentHashMap<>();
        Set<String> cardsReturned = ConcurrentHashMap.newKeySet();
        AtomicInteger feedbackCount = new AtomicInteger();
        // The public URL names the port: the process is given a free one.
        int port = Fixture.freePort();
        String publicUrl = "http://127.0.0.1:" + port;
        ServiceProcess service = startOn(dir, port, database, publicUrl);
        try {
            service.awaitReady(Duration.ofSeconds(90));
            assertTrue(service.output().contains("CDS Hooks service on 127.0.0.1:" + port), "bound to loopback by default");
            ObjectNode prefetch = Fixture.prefetchFrom(Fixture.read(Fixture.repo().resolve("examples/fhir/demo-01.json")));
            String view = Fixture.patientView(Fixture.patientIdOf(prefetch), prefetch);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                Thread client = new Thread(() -> {
                    try {
                        while (true) {
                            HttpResponse<String> cards = post(publicUrl, "/cds-services/patient-view", view);
                            if (cards.statusCode() != 200) {
                                continue;
                            }
                            List<String> uuids = new ArrayList<>();
                            for (JsonNode card : Fixture.tree(cards.body()).get("cards")) {
                                uuids.add(card.get("uuid").asText());
                            }
                            cardsReturned.addAll(uuids);
                            for (String uuid : uuids) {
                                String feedback = "{\"feedback\":[{\"card\":\"" + uuid + "\",\"outcome\":\"accepted\","
                                        + "\"outcomeTimestamp\":\"" + Instant.now() + "\"}]}";
                                if (post(publicUrl, "/cds-services/patient-view/feedback", feedback).statusCode() == 200) {
                                    feedbackAcknowledged.merge(uuid, 1, Integer::sum);
                                    feedbackCount.incrementAndGet();
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        // the service is gone: this client stops
                    }
                }, "load-" + t);
                client.setDaemon(true);
                clients.add(client);
                client.start();
            }
            long deadline = System.nanoTime() + MAX_LOAD.toNanos();
            while (feedbackCount.get() < ENOUGH_FEEDBACK && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.kill();
            for (Thread client : clients) {
                client.join(30_000);
            }
        } finally {
            service.close();
        }
        assertTrue(feedbackCount.get() > 0 && !cardsReturned.isEmpty(), "the load reached the service");
        System.out.printf("killed with %d cards returned and %d feedback items acknowledged%n", cardsReturned.size(),
                feedbackCount.get());

        // Restarted on the database the killed process left behind.
        CdsHooksServer.Config c = Fixture.config(database, null, null, Fixture.trusted(), false);
        try (CdsHooksServer again = Fixture.start(c); Connection db = again.store().connect();
                PreparedStatement card = db.prepareStatement("select count(*) from card_log where card_uuid = ?");
                PreparedStatement feedback = db.prepareStatement("select count(*) from feedback where card_uuid = ?")) {
            List<String> lostCards = new ArrayList<>();
            for (String uuid : cardsReturned) {
                if (count(card, uuid) != 1) {
                    lostCards.add(uuid);
                }
            }
            List<String> lostFeedback = new ArrayList<>();
            feedbackAcknowledged.forEach((uuid, n) -> {
                if (count(feedback, uuid) < n) {
                    lostFeedback.add(uuid);
                }
            });
            assertEquals(List.of(), lostCards, "of " + cardsReturned.size() + " cards returned");
            assertEquals(List.of(), lostFeedback, "of " + feedbackCount.get() + " feedback items acknowledged");
        }
    }

    static ServiceProcess startOn(Path dir, int port, String database, String publicUrl) {
        return ServiceProcess.start(dir, "service-" + port, ServiceProcess.QUICK, Map.of(), port,
                "--trusted-clients", ServiceProcess.trustedClientsFile(dir), "--database", database,
                "--public-url", publicUrl);
    }

    static HttpResponse<String> post(String publicUrl, String path, String body) {
        Instant now = Instant.now();
        String token = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, publicUrl + path, now,
                now.plusSeconds(120), UUID.randomUUID().toString());
        return Fixture.send(HttpRequest.newBuilder(URI.create(publicUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static int count(PreparedStatement ps, String uuid) {
        try {
            ps.setString(1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
