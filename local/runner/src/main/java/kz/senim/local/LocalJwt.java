package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The JWT authorizer of the HTTP API, locally, with its own issuer in place of the Cognito user pool: signs ID tokens
 * for the seeded {@link People} (as Cognito signs them for the accounts administrators create) and checks tokens as
 * API Gateway's JWT authorizer does, handing the function the claims as strings. Signing and verification are
 * nimbus-jose-jwt's: RS256 with the runner's key and key id only (no {@code none}, no other algorithm), issuer,
 * audience (or {@code client_id} when there is no {@code aud}), expiry, not-before and issued-at with
 * {@value #CLOCK_SKEW_SECONDS} s of skew, numeric dates, {@code token_use} {@code id} as in Cognito's ID tokens, and no
 * claim given twice. The key is the runner's ({@link LocalSecrets}): kept in the data directory, a token outlives a
 * restart of the runner until it expires.
 */
final class LocalJwt {

    /** Claims of Cognito ID tokens that Senim reads (see kz.senim.http.HttpRequest). */
    static final String CLAIM_ORGANISATION = "custom:organisationId";
    static final String CLAIM_ROLE = "custom:role";
    static final String CLAIM_TOKEN_USE = "token_use";
    static final Duration VALIDITY = Duration.ofMinutes(60);
    static final String AUDIENCE = "senim-local-responder-app";
    /** Where the tokens come from: stable across restarts and ports, as a user pool's issuer is. */
    static final String ISSUER = "urn:senim:local-user-pool";
    static final String KEY_ID = "senim-local-1";
    private static final int CLOCK_SKEW_SECONDS = 30;
    /** Reads a verified payload again, refusing a claim given twice (which JSON parsers otherwise settle silently). */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String issuer;
    private final Clock clock;
    private final RSASSASigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    LocalJwt(String issuer, KeyPair keys, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        this.signer = new RSASSASigner(keys.getPrivate());
        JWSKeySelector<SecurityContext> rs256 = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key)));
        // the authorizer looks the key up by its id: a token naming no key, or another, finds none
        processor.setJWSKeySelector((header, context) -> KEY_ID.equals(header.getKeyID())
                ? rs256.selectJWSKeys(header, context) : List.of());
        processor.setJWTClaimsSetVerifier(new AuthorizerClaims(issuer, clock));
    }

    String issuer() {
        return issuer;
    }

    /** An ID token for a seeded person, valid {@link #VALIDITY}: the claims of a Cognito ID token. */
    String idToken(People.Person person) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(person.id())
                .issuer(issuer)
                .audience(AUDIENCE)
                .claim(CLAIM_TOKEN_USE, "id")
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .jwtID(UUID.randomUUID().toString())
                .claim("cognito:username", person.id())
                .claim(CLAIM_ORGANISATION, person.organisationId())
                .claim(CLAIM_ROLE, person.role().code())
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the local issuer's key", e);
        }
        return token.serialize();
    }

    /**
     * The claims of a valid token in the {@code Authorization} header ("Bearer " optional, as API Gateway takes it),
     * as API Gateway passes them on: every value a string, arrays as {@code [a b]}. Empty when the header is missing
     * or the token is not valid, whatever the reason (API Gateway answers 401 and says no more).
     */
    Optional<Verified> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        try {
            SignedJWT signed = SignedJWT.parse(token);
            processor.process(signed, null);
            JsonNode claims = STRICT_JSON.readTree(signed.getPayload().toString());
            return Optional.of(new Verified(asStrings(claims), scopes(claims)));
        } catch (ParseException | BadJOSEException | JOSEException | JsonProcessingException
                 | RuntimeException refused) {
            return Optional.empty(); // whatever is wrong with it
        }
    }

    /** What the authorizer hands the function: {@code requestContext.authorizer.jwt}. */
    record Verified(Map<String, String> claims, List<String> scopes) {
    }

    /**
     * What API Gateway's JWT authorizer checks in the claims, on the runner's clock: the issuer, {@code token_use}
     * {@code id}, {@code exp} present and not passed, {@code nbf} passed, {@code iat} not in the future, and the
     * audience in {@code aud}, or in {@code client_id} when there is no {@code aud}.
     */
    private static final class AuthorizerClaims extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        AuthorizerClaims(String issuer, Clock clock) {
            super(null, new JWTClaimsSet.Builder().issuer(issuer).claim(CLAIM_TOKEN_USE, "id").build(),
                    Set.of("exp"), null);
            this.clock = clock;
            setMaxClockSkew(CLOCK_SKEW_SECONDS);
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            List<String> audience = claims.getAudience();
            boolean forUs = audience.isEmpty() ? AUDIENCE.equals(claims.getClaim("client_id"))
                    : audience.contains(AUDIENCE);
            if (!forUs) {
                throw new BadJWTException("JWT audience rejected");
            }
            Date issuedAt = claims.getIssueTime();
            if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plusSeconds(CLOCK_SKEW_SECONDS))) {
                throw new BadJWTException("JWT issued in the future");
            }
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }

    private static Map<String, String> asStrings(JsonNode claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.fields().forEachRemaining(claim -> {
            JsonNode value = claim.getValue();
            String text;
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder("[");
                value.forEach(v -> joined.append(joined.length() > 1 ? " " : "").append(v.asText()));
                text = joined.append(']').toString();
            } else if (value.isObject()) {
                text = value.toString();
            } else {
                text = value.asText();
            }
            strings.put(claim.getKey(), text);
        });
        return Map.copyOf(strings);
    }

    private static List<String> scopes(JsonNode claims) {
        String scope = claims.path("scope").asText("");
        return scope.isBlank() ? null : Arrays.stream(scope.strip().split("\\s+")).toList();
    }
}
