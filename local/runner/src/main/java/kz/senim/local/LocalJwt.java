package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The JWT authorizer of the HTTP API, locally, with its own issuer in place of the Cognito user pool: signs ID tokens
 * for the seeded {@link People} (or whoever a developer says: organisation and role, as administrators set them in
 * Cognito) and checks tokens as API Gateway's JWT authorizer does (RS256 signature, issuer, audience or client_id,
 * expiry, not-before), handing the function the claims as strings. The key is the runner's ({@link LocalSecrets}):
 * kept in the data directory, a token outlives a restart of the runner until it expires.
 */
final class LocalJwt {

    /** Claims of Cognito ID tokens that Senim reads (see kz.senim.http.HttpRequest). */
    static final String CLAIM_ORGANISATION = "custom:organisationId";
    static final String CLAIM_ROLE = "custom:role";
    static final Duration VALIDITY = Duration.ofMinutes(60);
    static final String AUDIENCE = "senim-local-responder-app";
    /** Where the tokens come from: stable across restarts and ports, as a user pool's issuer is. */
    static final String ISSUER = "urn:senim:local-user-pool";
    private static final String KEY_ID = "senim-local-1";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final KeyPair keys;
    private final String issuer;
    private final Clock clock;

    LocalJwt(String issuer, KeyPair keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /** An ID token for a seeded person, valid {@link #VALIDITY}. */
    String idToken(People.Person person) {
        return idToken(person.id(), person.organisationId(), person.role().code(), Optional.empty());
    }

    /** An ID token for a responder or coordinator of an organisation, valid {@link #VALIDITY}. */
    String idToken(String subject, String organisationId, String role, Optional<String> email) {
        Instant now = clock.instant();
        ObjectNode claims = JSON.createObjectNode()
                .put("sub", subject)
                .put("iss", issuer)
                .put("aud", AUDIENCE)
                .put("token_use", "id")
                .put("auth_time", now.getEpochSecond())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(VALIDITY).getEpochSecond())
                .put("jti", UUID.randomUUID().toString())
                .put("cognito:username", subject)
                .put(CLAIM_ORGANISATION, organisationId)
                .put(CLAIM_ROLE, role);
        email.ifPresent(address -> claims.put("email", address).put("email_verified", true));
        return sign(claims);
    }

    String sign(ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("kid", KEY_ID).put("typ", "JWT");
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(B64_DECODE.decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText()) || !KEY_ID.equals(header.path("kid").asText())) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64_DECODE.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(B64_DECODE.decode(parts[1]));
            return valid(claims) ? Optional.of(new Verified(asStrings(claims), scopes(claims))) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException malformed) {
            return Optional.empty();
        }
    }

    /** What the authorizer hands the function: {@code requestContext.authorizer.jwt}. */
    record Verified(Map<String, String> claims, List<String> scopes) {
    }

    private boolean valid(JsonNode claims) {
        Instant now = clock.instant();
        if (!issuer.equals(claims.path("iss").asText())) {
            return false;
        }
        JsonNode audience = claims.path("aud");
        boolean forUs = audience.isArray()
                ? containsText(audience, AUDIENCE)
                : AUDIENCE.equals(audience.asText()) || AUDIENCE.equals(claims.path("client_id").asText());
        if (!forUs || !claims.path("exp").canConvertToLong()) {
            return false;
        }
        if (Instant.ofEpochSecond(claims.path("exp").asLong()).plus(CLOCK_SKEW).isBefore(now)) {
            return false;
        }
        return !claims.has("nbf")
                || !Instant.ofEpochSecond(claims.path("nbf").asLong()).minus(CLOCK_SKEW).isAfter(now);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (text.equals(element.asText())) {
                return true;
            }
        }
        return false;
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

    private static String encode(JsonNode json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
