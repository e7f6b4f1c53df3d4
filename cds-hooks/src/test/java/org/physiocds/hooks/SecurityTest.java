package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The specification's security: every class of bad token refused with 401 and one and the same
 * message (a caller learns nothing of which check failed, not even whether its issuer is trusted).
 */
class SecurityTest {

    @TempDir
    static Path data;
    static CdsHooksServer server;
    static String url;

    @BeforeAll
    static void start() {
        server = Fixture.start(data);
        url = Fixture.base(server) + "/cds-services";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertRefused(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"resourceType\":\"OperationOutcome\""), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace");
        if (status == 401) {
            assertEquals(GENERIC_401, response.body(), "every token failure gets the same answer");
            assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }

    static final String GENERIC_401 = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\"security\",\"diagnostics\":\"" + TokenVerifier.REFUSED + "\"}]}";

    @Test
    void discovery_validEcAndRsaTokens_accepted() {
        assertEquals(200, Fixture.get(url, Fixture.token(url)).statusCode());
        String rs = Fixture.token(Fixture.RSA, JWSAlgorithm.RS384, Fixture.ISSUER, url, Fixture.NOW,
                Fixture.NOW.plusSeconds(300), UUID.randomUUID().toString());
        assertEquals(200, Fixture.get(url, rs).statusCode());
    }

    @Test
    void discovery_noToken_401() {
        assertRefused(401, Fixture.get(url, null));
    }

    @Test
    void call_noToken_401() {
        assertRefused(401, Fixture.post(url + "/patient-view", null, "{}"));
    }

    @Test
    void discovery_badSignature_401() {
        String forged = Fixture.token(Fixture.STRANGER, JWSAlgorithm.ES384, Fixture.ISSUER, url, Fixture.NOW,
                Fixture.NOW.plusSeconds(300), UUID.randomUUID().toString());
        assertRefused(401, Fixture.get(url, forged));
    }

    @Test
    void discovery_hmacToken_401() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").type(JOSEObjectType.JWT).build(),
                claims(url).build());
        jwt.sign(new MACSigner(new byte[32]));
        assertRefused(401, Fixture.get(url, jwt.serialize()));
    }

    @Test
    void discovery_algNone_401() {
        assertRefused(401, Fixture.get(url, new PlainJWT(claims(url).build()).serialize()));
    }

    @Test
    void discovery_wrongAudience_401() {
        assertRefused(401, Fixture.get(url, Fixture.token("https://elsewhere.example/cds-services")));
    }

    @Test
    void discovery_expired_401() {
        String expired = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, url,
                Fixture.NOW.minusSeconds(600), Fixture.NOW.minusSeconds(300), UUID.randomUUID().toString());
        assertRefused(401, Fixture.get(url, expired));
    }

    @Test
    void discovery_issuedInTheFuture_401() {
        String future = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, url,
                Fixture.NOW.plusSeconds(300), Fixture.NOW.plusSeconds(500), UUID.randomUUID().toString());
        assertRefused(401, Fixture.get(url, future));
    }

    @Test
    void discovery_noJti_401() {
        assertRefused(401, Fixture.get(url, Fixture.token(Fixture.EC, JWSAlgorithm.ES384, Fixture.ISSUER, url,
                Fixture.NOW, Fixture.NOW.plusSeconds(300), null)));
    }

    @Test
    void discovery_untrustedIssuer_401LikeEveryOtherFailure() {
        String other = Fixture.token(Fixture.EC, JWSAlgorithm.ES384, "https://stranger.example", url, Fixture.NOW,
                Fixture.NOW.plusSeconds(300), UUID.randomUUID().toString());
        assertRefused(401, Fixture.get(url, other));
    }

    @Test
    void discovery_tokenForTheHostTheRequestNames_401() throws Exception {
        // A token minted for another service, sent with that service's name in the Host header: the
        // audience is the configured public URL's, never the request's.
        String elsewhere = "http://cds.elsewhere.example/cds-services";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "GET /cds-services HTTP/1.1\r\nHost: cds.elsewhere.example\r\nAuthorization: Bearer "
                    + Fixture.token(elsewhere) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
            assertTrue(answer.endsWith(GENERIC_401), answer);
        }
    }

    @Test
    void wrongMethod_405WithAllow() {
        String service = url + "/patient-view";
        HttpResponse<String> get = Fixture.get(service, Fixture.token(service));
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST, OPTIONS", get.headers().firstValue("Allow").orElse(null));
        assertTrue(get.body().startsWith("{\"resourceType\":\"OperationOutcome\""), get.body());
        HttpResponse<String> post = Fixture.post(url, Fixture.token(url), "{}");
        assertEquals(405, post.statusCode(), post.body());
        assertEquals("GET, OPTIONS", post.headers().firstValue("Allow").orElse(null));
        HttpResponse<String> health = Fixture.post(Fixture.base(server) + "/health/ready", null, "{}");
        assertEquals(405, health.statusCode());
        assertEquals("GET, OPTIONS", health.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void publicUrl_requiredOutsideDev() {
        CdsHooksServer.Config c = Fixture.config(data, Fixture.trusted(), false);
        ConfigError e = assertThrows(ConfigError.class, () -> new CdsHooksServer.Config(c.host(), c.port(), c.trusted(),
                c.databaseUrl(), null, null, null, false, c.corsOrigins(), false, c.clock()));
        assertTrue(e.getMessage().startsWith("--public-url URL is required"), e.getMessage());
    }

    @Test
    void discovery_replayedJti_401() {
        String once = Fixture.token(url);
        assertEquals(200, Fixture.get(url, once).statusCode());
        assertRefused(401, Fixture.get(url, once));
    }

    @Test
    void replayedJti_afterARestart_401(@TempDir Path restartData) {
        CdsHooksServer.Config c = Fixture.config(restartData, Fixture.trusted(), false);
        String publicUrl = "https://cds.test.example";
        CdsHooksServer.Config behindProxy = new CdsHooksServer.Config(c.host(), c.port(), c.trusted(), c.databaseUrl(),
                null, null, publicUrl, false, c.corsOrigins(), false, c.clock());
        String token = Fixture.token(publicUrl + "/cds-services");
        try (CdsHooksServer first = Fixture.start(behindProxy)) {
            assertEquals(200, Fixture.get(Fixture.base(first) + "/cds-services", token).statusCode());
        }
        try (CdsHooksServer again = Fixture.start(behindProxy)) {
            assertRefused(401, Fixture.get(Fixture.base(again) + "/cds-services", token));
        }
    }

    @Test
    void call_bodyOverOneMegabyte_413() throws Exception {
        // A raw socket announcing a body over 1 MB: the server answers 413 before reading it. (A real
        // HTTP client would race its upload against the early answer; JDK 17's expect-continue hangs.)
        String u = Fixture.base(server) + "/cds-services/patient-view";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST /cds-services/patient-view HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nAuthorization: Bearer " + Fixture.token(u) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (CdsHooksServer.MAX_BODY + 1) + "\r\nConnection: close\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("{\"resourceType\":\"OperationOutcome\""), answer);
        }
    }

    @Test
    void call_notJson_400WithOperationOutcome() {
        assertRefused(400, Fixture.call(server, "/cds-services/patient-view", "not json"));
    }

    @Test
    void unknownPath_404WithOperationOutcome() {
        String u = Fixture.base(server) + "/cds-services/no-such-service";
        assertRefused(404, Fixture.post(u, Fixture.token(u), "{}"));
        assertRefused(404, Fixture.get(Fixture.base(server) + "/nothing-here", null));
    }

    @Test
    void health_noToken_200WhenReady() {
        HttpResponse<String> response = Fixture.get(Fixture.base(server) + "/health", null);
        assertEquals(200, response.statusCode());
        assertEquals("UP", Fixture.tree(response.body()).get("status").asText());
    }

    @Test
    void cors_configuredOrigin_preflightAllowed() {
        HttpResponse<String> response = Fixture.send(HttpRequest.newBuilder(URI.create(url + "/patient-view"))
                .timeout(Duration.ofSeconds(10)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sandbox.cds-hooks.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build());
        assertEquals("https://sandbox.cds-hooks.org",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> other = Fixture.send(HttpRequest.newBuilder(URI.create(url + "/patient-view"))
                .timeout(Duration.ofSeconds(10)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void dev_onLoopback_acceptsCallsWithoutToken(@TempDir Path devData) {
        try (CdsHooksServer dev = Fixture.start(Fixture.config(devData, TrustedClients.none(), true))) {
            assertEquals(200, Fixture.get(Fixture.base(dev) + "/cds-services", null).statusCode());
        }
    }

    @Test
    void dev_notOnLoopback_refusesToStart(@TempDir Path devData) {
        CdsHooksServer.Config c = Fixture.config(devData, TrustedClients.none(), true);
        CdsHooksServer.Config wide = new CdsHooksServer.Config("0.0.0.0", 0, c.trusted(), c.databaseUrl(), null, null,
                null, true, c.corsOrigins(), false, c.clock());
        assertThrows(ConfigError.class, () -> CdsHooksServer.start(wide, Fixture.ENGINE));
    }

    @Test
    void trustedClients_hmacOrPrivateKeyOrPlainJku_refused() {
        assertThrows(ConfigError.class, () -> TrustedClients.parse(
                "{\"clients\":[{\"iss\":\"a\",\"jku\":\"http://plain.example/jwks\"}]}"));
        assertThrows(ConfigError.class, () -> TrustedClients.parse(
                "{\"clients\":[{\"iss\":\"a\",\"jwks\":{\"keys\":[" + Fixture.EC.toJSONString() + "]}}]}"));
    }

    private static JWTClaimsSet.Builder claims(String aud) {
        return new JWTClaimsSet.Builder().issuer(Fixture.ISSUER).audience(aud).issueTime(Date.from(Fixture.NOW))
                .expirationTime(Date.from(Fixture.NOW.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }
}
