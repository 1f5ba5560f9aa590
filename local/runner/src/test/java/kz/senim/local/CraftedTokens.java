package kz.senim.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * ID tokens made by hand, to show what the local JWT check refuses: any header and payload text (a claim twice, a
 * date as a string), signed with the key of the in-memory runners of this JVM unless a test says otherwise. Each
 * starts from {@link #validClaims}, which passes, so a refusal comes from the one thing a test changed.
 */
final class CraftedTokens {

    /** The key the local issuer of every in-memory runner of this JVM signs with. */
    static final KeyPair RUNNER_KEY = LocalSecrets.jwtSigningKey(Optional.empty());

    private CraftedTokens() {
    }

    /** The claims of a Cognito-like ID token for Dana, coordinator of the Almaty commission, issued at {@code now}. */
    static ObjectNode validClaims(Instant now) {
        return LocalApi.JSON.createObjectNode()
                .put("sub", "dana.coordinator.almaty")
                .put("iss", LocalJwt.ISSUER)
                .put("aud", LocalJwt.AUDIENCE)
                .put("token_use", "id")
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(Duration.ofHours(1)).getEpochSecond())
                .put("custom:organisationId", "kz-75-commission")
                .put("custom:role", "coordinator");
    }

    /** The header the runner's tokens carry: RS256, its key id, type JWT. */
    static JWSHeader.Builder runnerHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(LocalJwt.KEY_ID).type(JOSEObjectType.JWT);
    }

    /** The payload text as it is (duplicates and all), RS256 with the runner's key and key id. */
    static String signed(String payload) {
        return signed(runnerHeader().build(), payload, new RSASSASigner(RUNNER_KEY.getPrivate()));
    }

    static String signed(ObjectNode claims) {
        return signed(claims.toString());
    }

    static String signed(JWSHeader header, String payload, JWSSigner signer) {
        JWSObject token = new JWSObject(header, new Payload(payload));
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    /** {@code {"alg":"none"}}: no signature at all. */
    static String unsigned(ObjectNode claims) {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims.toString()) + ".";
    }

    /** The claims' JSON text with {@code name} given a second time, after the first, as {@code jsonValue}. */
    static String withSecond(ObjectNode claims, String name, String jsonValue) {
        String json = claims.toString();
        if (!claims.has(name)) {
            throw new IllegalArgumentException("no first " + name + " in " + json);
        }
        return json.substring(0, json.length() - 1) + ",\"" + name + "\":" + jsonValue + "}";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
