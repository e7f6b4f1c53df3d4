package org.physiocds.hooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
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
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a CDS client's bearer token as CDS Hooks 2.0.1 asks, with nimbus-jose-jwt: the issuer on
 * the trusted list (else 403), the signature by the key its {@code kid} names, with an asymmetric
 * algorithm only (ES256/384/512, RS256/384/512, PS256/384/512; never {@code none} or HMAC), header
 * {@code typ} JWT, {@code aud} equal to the URL called, {@code exp} and {@code iat} within
 * {@link #CLOCK_SKEW}, a token lifetime of at most {@link #MAX_LIFETIME}, and {@code jti} never seen
 * before (a replay cache bounded by {@link #REPLAY_CACHE_SIZE} entries, each kept until its token
 * expires). Every failure is a 401 without detail beyond its class.
 */
final class TokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    static final int REPLAY_CACHE_SIZE = 500_000;

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);

    /** The verified caller. */
    record Caller(String issuer, TrustedClients.Client client) {
    }

    private final TrustedClients trusted;
    private final Clock clock;
    private final Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();
    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();

    TokenVerifier(TrustedClients trusted, Clock clock) {
        this.trusted = trusted;
        this.clock = clock;
        for (TrustedClients.Client c : trusted.byIssuer().values()) {
            if (c.jwks() != null) {
                keys.put(c.iss(), new ImmutableJWKSet<>(c.jwks()));
            } else {
                try {
                    keys.put(c.iss(), JWKSourceBuilder.create(c.jku().toURL()).retrying(true).build());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("trusted clients: a jku is not a URL");
                }
            }
        }
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param audience the URL called
     * @throws HttpError 401 (missing or bad token, replay), 403 (untrusted issuer)
     */
    Caller verify(String authorization, String audience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("a bearer token is required");
        }
        String token = authorization.substring(7).trim();
        SignedJWT jwt;
        String iss;
        try {
            jwt = SignedJWT.parse(token);
            iss = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException | ClassCastException e) {
            throw unauthorized("the bearer token is not a signed JWT");
        }
        if (iss == null) {
            throw unauthorized("the token has no issuer");
        }
        TrustedClients.Client client = trusted.byIssuer().get(iss);
        if (client == null) {
            throw new HttpError(403, "forbidden", "the token's issuer is not a trusted CDS client");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw unauthorized("the token's algorithm is not accepted (asymmetric algorithms only)");
        }
        if (jwt.getHeader().getKeyID() == null) {
            throw unauthorized("the token has no kid");
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
            throw unauthorized("the token is not valid (signature, key, audience or time)");
        }
        if (set.getAudience().size() != 1) {
            throw unauthorized("the token's aud must be the URL called");
        }
        Instant now = clock.instant();
        Instant iat = set.getIssueTime().toInstant();
        Instant exp = set.getExpirationTime().toInstant();
        if (iat.isAfter(now.plus(CLOCK_SKEW)) || Duration.between(iat, exp).compareTo(MAX_LIFETIME) > 0) {
            throw unauthorized("the token's iat is in the future or its lifetime too long");
        }
        remember(iss + " " + set.getJWTID(), exp.plus(CLOCK_SKEW), now);
        return new Caller(iss, client);
    }

    private void remember(String jti, Instant until, Instant now) {
        if (seen.size() >= REPLAY_CACHE_SIZE) {
            for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext();) {
                if (it.next().getValue().isBefore(now)) {
                    it.remove();
                }
            }
            if (seen.size() >= REPLAY_CACHE_SIZE) {
                throw new HttpError(503, "transient", "too many recent tokens; try again shortly");
            }
        }
        if (seen.putIfAbsent(jti, until) != null) {
            throw unauthorized("the token has been used before (jti)");
        }
    }

    private static HttpError unauthorized(String message) {
        return new HttpError(401, "security", message);
    }
}
