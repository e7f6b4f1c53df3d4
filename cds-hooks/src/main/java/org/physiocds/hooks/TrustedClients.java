package org.physiocds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDS clients the service trusts, read from {@code --trusted-clients FILE}:
 * <pre>{@code
 * {"clients": [
 *   {"iss": "https://ehr.example.org", "jwks": {"keys": [...]},
 *    "fhirServers": ["https://fhir.example.org/r4"]},
 *   {"iss": "https://sandbox.example.org", "jku": "https://sandbox.example.org/.well-known/jwks.json"}
 * ]}
 * }</pre>
 * Each client names its issuer and either its public keys ({@code jwks}) or the one https address
 * of its key set ({@code jku}, the allowlisted address: a token's own {@code jku} header is never
 * followed). {@code fhirServers} lists the FHIR servers the service may fetch missing prefetch data
 * from for that client (base URLs, compared exactly); none: it never fetches for it.
 */
record TrustedClients(Map<String, Client> byIssuer) {

    /** One trusted client. */
    record Client(String iss, JWKSet jwks, URI jku, List<String> fhirServers) {
    }

    static TrustedClients none() {
        return new TrustedClients(Map.of());
    }

    static TrustedClients of(List<Client> clients) {
        Map<String, Client> map = new LinkedHashMap<>();
        clients.forEach(c -> map.put(c.iss(), c));
        return new TrustedClients(Map.copyOf(map));
    }

    static TrustedClients read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static TrustedClients parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode clients = root.path("clients");
        if (!clients.isArray()) {
            throw new IllegalArgumentException("trusted clients: expected {\"clients\": [...]}");
        }
        List<Client> list = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            JsonNode c = clients.get(i);
            String iss = c.path("iss").asText(null);
            if (iss == null || iss.isBlank()) {
                throw new IllegalArgumentException("trusted clients: clients[" + i + "].iss is required");
            }
            JWKSet jwks = null;
            URI jku = null;
            if (c.has("jwks")) {
                try {
                    jwks = JWKSet.parse(c.get("jwks").toString());
                } catch (ParseException e) {
                    throw new IllegalArgumentException("trusted clients: clients[" + i + "].jwks is not a JWK set");
                }
                if (jwks.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                    throw new IllegalArgumentException("trusted clients: clients[" + i + "].jwks holds a private key");
                }
            } else if (c.has("jku")) {
                jku = URI.create(c.get("jku").asText());
                if (!"https".equals(jku.getScheme())) {
                    throw new IllegalArgumentException("trusted clients: clients[" + i + "].jku must be https");
                }
            } else {
                throw new IllegalArgumentException("trusted clients: clients[" + i + "] needs jwks or jku");
            }
            List<String> servers = new ArrayList<>();
            c.path("fhirServers").forEach(s -> servers.add(trimSlash(s.asText())));
            list.add(new Client(iss, jwks, jku, List.copyOf(servers)));
        }
        return of(list);
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
