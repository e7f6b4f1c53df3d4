package org.physiocds.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose keys are published at a {@code jku}: the key sets are served over HTTPS on loopback
 * (a self-signed certificate made by {@code keytool} for this test, trusted through a test trust
 * store); a token naming the client's allowlisted key set works, a token naming any other is refused
 * and that other address is never fetched.
 */
class JkuTest {

    static final String ISSUER = "https://jku-client.test.example";

    @TempDir
    static Path dir;
    static HttpsServer keySets;
    static SSLSocketFactory previous;
    static final List<String> fetched = new CopyOnWriteArrayList<>();
    static ECKey client;
    static ECKey attacker;
    static CdsHooksServer server;
    static String allowlisted;
    static String other;

    @BeforeAll
    static void start() throws Exception {
        client = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
        attacker = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
        SSLContext tls = selfSignedTls(dir);
        keySets = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keySets.setHttpsConfigurator(new HttpsConfigurator(tls));
        serve("/client/jwks.json", client);
        serve("/other/jwks.json", attacker);
        keySets.start();
        String base = "https://127.0.0.1:" + keySets.getAddress().getPort();
        allowlisted = base + "/client/jwks.json";
        other = base + "/other/jwks.json";
        // The service fetches key sets with HttpsURLConnection: it trusts the test certificate here.
        previous = HttpsURLConnection.getDefaultSSLSocketFactory();
        HttpsURLConnection.setDefaultSSLSocketFactory(tls.getSocketFactory());
        TrustedClients trusted = TrustedClients.parse("{\"clients\":[{\"iss\":\"" + ISSUER + "\",\"jku\":\"" + allowlisted
                + "\"}]}");
        server = Fixture.start(Fixture.config(dir.resolve("db"), trusted, false));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (keySets != null) {
            keySets.stop(0);
        }
        if (previous != null) {
            HttpsURLConnection.setDefaultSSLSocketFactory(previous);
        }
    }

    @Test
    void tokenNamingTheAllowlistedKeySet_accepted() {
        String url = Fixture.base(server) + "/cds-services";
        assertEquals(200, Fixture.get(url, token(client, URI.create(allowlisted), url)).statusCode());
        assertEquals(200, Fixture.get(url, token(client, null, url)).statusCode(), "no jku: the allowlisted key set");
        assertTrue(fetched.contains("/client/jwks.json"));
    }

    @Test
    void tokenNamingAnotherKeySet_refusedAndNeverFetched() {
        String url = Fixture.base(server) + "/cds-services";
        SecurityTest.assertRefused(401, Fixture.get(url, token(attacker, URI.create(other), url)));
        SecurityTest.assertRefused(401, Fixture.get(url, token(client, URI.create(other), url)));
        SecurityTest.assertRefused(401, Fixture.get(url, token(client,
                URI.create(allowlisted.replace("/client/", "/client/../other/")), url)));
        assertFalse(fetched.contains("/other/jwks.json"), "a token's own jku is never followed");
    }

    @Test
    void attackersKeyUnderTheAllowlistedAddress_refused() {
        String url = Fixture.base(server) + "/cds-services";
        SecurityTest.assertRefused(401, Fixture.get(url, token(attacker, URI.create(allowlisted), url)));
    }

    static String token(ECKey key, URI jku, String aud) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT);
            if (jku != null) {
                header.jwkURL(jku);
            }
            SignedJWT jwt = new SignedJWT(header.build(), new JWTClaimsSet.Builder().issuer(ISSUER).audience(aud)
                    .issueTime(Date.from(Fixture.NOW)).expirationTime(Date.from(Fixture.NOW.plusSeconds(300)))
                    .jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(String path, ECKey key) {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keySets.createContext(path, exchange -> {
            fetched.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** A key pair and self-signed certificate for 127.0.0.1 made by the JDK's keytool; the same store trusts it. */
    static SSLContext selfSignedTls(Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        char[] password = "test-only".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + out);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }
}
