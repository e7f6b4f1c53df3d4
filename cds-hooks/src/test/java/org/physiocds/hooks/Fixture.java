package org.physiocds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.physiocds.CdsEngine;

/** Shared test fixtures: the engine, keys, tokens, a running server, an HTTP client, the files. */
final class Fixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String ISSUER = "https://ehr.test.example";
    static final CdsEngine ENGINE = CdsEngine.builder().build();
    static final ECKey EC;
    static final RSAKey RSA;
    static final ECKey STRANGER;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        try {
            EC = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
            RSA = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            STRANGER = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Fixture() {
    }

    /** The repository root (the module's parent). */
    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("cds-hooks")) ? here : here.getParent();
    }

    /**
     * One of the CDS Hooks 2.0.1 documents in {@code src/test/resources/cds-hooks-2.0.1} (written for this
     * project in the shape of the specification's examples; its README says which part each exercises).
     */
    static String specExample(String name) {
        try (var in = Fixture.class.getResourceAsStream("/cds-hooks-2.0.1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrustedClients trusted(String... fhirServers) {
        try {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode client = root.putArray("clients").addObject().put("iss", ISSUER);
            client.set("jwks", JSON.readTree(new JWKSet(List.of(EC.toPublicJWK(), RSA.toPublicJWK())).toString()));
            ArrayNode servers = client.putArray("fhirServers");
            for (String s : fhirServers) {
                servers.add(s);
            }
            return TrustedClients.parse(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free loopback port (the service's public URL names it before the service starts). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service on a free loopback port, its public URL that address, its database an H2 file in {@code data}. */
    static CdsHooksServer.Config config(Path data, TrustedClients trusted, boolean dev) {
        return config("jdbc:h2:file:" + data.resolve("cds-hooks"), null, null, trusted, dev);
    }

    static CdsHooksServer.Config config(String databaseUrl, String user, String password, TrustedClients trusted,
            boolean dev) {
        int port = freePort();
        return new CdsHooksServer.Config("127.0.0.1", port, trusted, databaseUrl, user, password,
                "http://127.0.0.1:" + port, dev, List.of("https://sandbox.cds-hooks.org"), true, CLOCK);
    }

    /** Started and warmed up (the warm-up run before this returns: ready at once). */
    static CdsHooksServer start(CdsHooksServer.Config config) {
        return CdsHooksServer.start(config, ENGINE, Runnable::run);
    }

    static CdsHooksServer start(Path data, String... fhirServers) {
        return start(config(data, trusted(fhirServers), false));
    }

    static String base(CdsHooksServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    /** A valid token for the URL, signed with the trusted EC key (ES384). */
    static String token(String aud) {
        return token(EC, JWSAlgorithm.ES384, ISSUER, aud, NOW, NOW.plusSeconds(300), UUID.randomUUID().toString());
    }

    static String token(Object key, JWSAlgorithm alg, String iss, String aud, Instant iat, Instant exp, String jti) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            String kid = key instanceof ECKey ec ? ec.getKeyID() : ((RSAKey) key).getKeyID();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(iss).audience(aud)
                    .issueTime(Date.from(iat)).expirationTime(Date.from(exp));
            if (jti != null) {
                claims.jwtID(jti);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    static HttpResponse<String> post(String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** Posts with a fresh valid token for the URL. */
    static HttpResponse<String> call(CdsHooksServer server, String path, String body) {
        String url = base(server) + path;
        return post(url, token(url), body);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prefetch keys of the services filled from a record's resources; absent types: null. */
    static ObjectNode prefetchFrom(String bundleJson) {
        JsonNode bundle = tree(bundleJson);
        ObjectNode prefetch = JSON.createObjectNode();
        Map<String, String> keys = Map.of("Condition", "conditions", "Observation", "observations", "Procedure",
                "procedures", "QuestionnaireResponse", "questionnaireResponses");
        prefetch.putNull("patient");
        keys.values().forEach(prefetch::putNull);
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String type = resource.path("resourceType").asText();
            if (type.equals("Patient")) {
                prefetch.set("patient", resource);
            } else if (keys.containsKey(type)) {
                String key = keys.get(type);
                if (prefetch.get(key).isNull()) {
                    ObjectNode search = prefetch.putObject(key).put("resourceType", "Bundle").put("type", "searchset");
                    search.putArray("entry");
                }
                ((ArrayNode) prefetch.get(key).get("entry")).addObject().set("resource", resource);
            }
        }
        return prefetch;
    }

    /** A patient-view request with that prefetch. */
    static String patientView(String patientId, ObjectNode prefetch) {
        ObjectNode request = JSON.createObjectNode().put("hookInstance", UUID.randomUUID().toString())
                .put("hook", "patient-view");
        request.putObject("context").put("userId", "Practitioner/example").put("patientId", patientId);
        request.set("prefetch", prefetch);
        return request.toString();
    }

    static String patientIdOf(ObjectNode prefetch) {
        JsonNode p = prefetch.get("patient");
        return p == null || p.isNull() ? "unknown" : p.path("id").asText();
    }
}
