package org.physiocds.hooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a CDS client's bearer token as CDS Hooks 2.0.1 asks, with nimbus-jose-jwt: the issuer on
 * the trusted list, the signature by the key its {@code kid} names, with an asymmetric algorithm
 * only (ES256/384/512, RS256/384/512, PS256/384/512; never {@code none} or HMAC), header {@code typ}
 * JWT, a header {@code jku} (when the token has one) equal to the client's allowlisted key set
 * address, {@code aud} equal to the service's public URL of the endpoint called, {@code exp} and
 * {@code iat} within {@link #CLOCK_SKEW}, a lifetime of at most {@link #MAX_LIFETIME}, and a
 * {@code jti} never seen before, by this replica or any other on the same database (the replay cache
 * is a table, each entry kept until {@code exp} plus the skew).
 *
 * <p>Every failure answers 401 with one and the same message, so that a caller learns nothing of
 * which check failed (not even whether its issuer is trusted); the cause goes to the log, never the
 * token.
 */
final class TokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** What every refused token is told. */
    static final String REFUSED = "the request is not authorized";

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);

    /** The verified caller. */
    record Caller(String issuer, TrustedClients.Client client) {
    }

    private final TrustedClients trusted;
    private final Clock clock;
    private final FeedbackStore replay;
    private final Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();

    TokenVerifier(TrustedClients trusted, Clock clock, FeedbackStore replay) {
        this.trusted = trusted;
        this.clock = clock;
        this.replay = replay;
        for (TrustedClients.Client c : trusted.byIssuer().values()) {
            if (c.jwks() != null) {
                keys.put(c.iss(), new ImmutableJWKSet<>(c.jwks()));
            } else {
                try {
                    keys.put(c.iss(), JWKSourceBuilder.create(c.jku().toURL()).retrying(true).build());
                } catch (MalformedURLException e) {
                    throw new ConfigError("trusted clients: the jku of " + c.iss() + " is not a URL");
                }
            }
        }
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param audience the public URL of the endpoint called
     * @throws HttpError 401 for any token that is not accepted, 503 when the replay cache cannot be reached
     */
    Caller verify(String authorization, String audience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("no bearer token");
        }
        String token = authorization.substring(7).trim();
        SignedJWT jwt;
        String iss;
        try {
            jwt = SignedJWT.parse(token);
            iss = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException | ClassCastException e) {
            throw refused("not a signed JWT");
        }
        if (iss == null) {
            throw refused("no iss");
        }
        TrustedClients.Client client = trusted.byIssuer().get(iss);
        if (client == null) {
            throw refused("issuer not trusted");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw refused("algorithm " + jwt.getHeader().getAlgorithm() + " not accepted");
        }
        if (jwt.getHeader().getKeyID() == null) {
            throw refused("no kid");
        }
        java.net.URI jku = jwt.getHeader().getJWKURL();
        if (jku != null && (client.jku() == null || !client.jku().equals(jku))) {
            // Never followed: the key set always comes from the address in the trusted-clients file.
            throw refused("jku is not the client's allowlisted key set address");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys.get(iss)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(iss).build(), Set.of("iss", "aud", "exp", "iat", "jti")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet set;
        try {
            set = processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            // nimbus's message names the check that failed (signature, key, audience, time), not the token.
            throw refused(e.getMessage());
        }
        if (set.getAudience().size() != 1) {
            throw refused("more than one aud");
        }
        Instant now = clock.instant();
        Instant iat = set.getIssueTime().toInstant();
        Instant exp = set.getExpirationTime().toInstant();
        if (iat.isAfter(now.plus(CLOCK_SKEW)) || Duration.between(iat, exp).compareTo(MAX_LIFETIME) > 0) {
            throw refused("iat in the future or lifetime over " + MAX_LIFETIME);
        }
        boolean first;
        try {
            first = replay.firstUse(key(iss, set.getJWTID()), exp.plus(CLOCK_SKEW), now);
        } catch (SQLException e) {
            LOG.error("token replay cache unreachable ({})", e.getClass().getSimpleName());
            throw new HttpError(503, "transient", "the service cannot check tokens right now; try again shortly");
        }
        if (!first) {
            throw refused("jti used before (replay)");
        }
        return new Caller(iss, client);
    }

    /** Loads and runs the signature code once (a throwaway ES384 key, a token signed and verified). */
    static void warmUp() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("warm-up").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("warm-up").type(JOSEObjectType.JWT)
                .build(), new JWTClaimsSet.Builder().issuer("warm-up").jwtID("warm-up").build());
        jwt.sign(new ECDSASigner(key));
        if (!jwt.verify(new ECDSAVerifier(key.toPublicJWK()))) {
            throw new IllegalStateException("ES384 verification failed in warm-up");
        }
    }

    /** The replay cache's key: a SHA-256 of issuer and jti (fixed length, nothing of the token). */
    static String key(String iss, String jti) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((iss + "\n" + jti).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpError refused(String cause) {
        LOG.info("token refused: {}", cause);
        return new HttpError(401, "security", REFUSED);
    }
}
