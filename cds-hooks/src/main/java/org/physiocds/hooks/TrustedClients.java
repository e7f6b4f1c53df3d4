package org.physiocds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
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
 * of its key set ({@code jku}, the allowlisted address: a token whose {@code jku} header names any
 * other address is refused, and a token's {@code jku} is never followed). {@code fhirServers} lists the FHIR servers the service may fetch missing prefetch data
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

    /** The file, or a {@link ConfigError} that says what is wrong with it (one line). */
    static TrustedClients read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigError("--trusted-clients " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigError("--trusted-clients " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return parse(text);
        } catch (ConfigError e) {
            throw new ConfigError("--trusted-clients " + file + ": " + e.getMessage().replaceFirst("^trusted clients: ", ""));
        }
    }

    static TrustedClients parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new ConfigError("trusted clients: not a JSON document");
        }
        JsonNode clients = root.path("clients");
        if (!clients.isArray()) {
            throw new ConfigError("trusted clients: expected {\"clients\": [...]}");
        }
        List<Client> list = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            JsonNode c = clients.get(i);
            String iss = c.path("iss").asText(null);
            if (iss == null || iss.isBlank()) {
                throw new ConfigError("trusted clients: clients[" + i + "].iss is required");
            }
            JWKSet jwks = null;
            URI jku = null;
            if (c.has("jwks")) {
                try {
                    jwks = JWKSet.parse(c.get("jwks").toString());
                } catch (ParseException e) {
                    throw new ConfigError("trusted clients: clients[" + i + "].jwks is not a JWK set");
                }
                if (jwks.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                    throw new ConfigError("trusted clients: clients[" + i + "].jwks holds a private key");
                }
            } else if (c.has("jku")) {
                try {
                    jku = new URI(c.get("jku").asText());
                } catch (URISyntaxException e) {
                    throw new ConfigError("trusted clients: clients[" + i + "].jku is not a URL");
                }
                if (!"https".equals(jku.getScheme()) || jku.getHost() == null) {
                    throw new ConfigError("trusted clients: clients[" + i + "].jku must be https");
                }
            } else {
                throw new ConfigError("trusted clients: clients[" + i + "] needs jwks or jku");
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
