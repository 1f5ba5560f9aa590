package kz.senim.acknowledgement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Long signed acknowledgement tokens as alerts carried them before short links, made here after the documented
 * format (an oracle independent of {@link SignedLinks}): {@code base64url(alertId "~" expiry "~" linkId) "."
 * base64url(HMAC-SHA256("senim-ack-link/v1." + payload) truncated to 16 bytes)}.
 */
final class SignedTokens {

    static final byte[] KEY = "a test key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SignedTokens() {
    }

    static String token(byte[] key, String alertId, Instant expiresAt, String linkId) {
        String payload = encode(alertId + "~" + expiresAt.getEpochSecond() + "~" + linkId);
        return payload + "." + BASE64URL.encodeToString(tag(key, payload));
    }

    static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] tag(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("senim-ack-link/v1.".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
