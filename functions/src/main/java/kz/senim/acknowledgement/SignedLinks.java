package kz.senim.acknowledgement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The long signed links alerts carried before short links (until one day after short links are deployed): a token
 * {@code base64url(alertId "~" expiry "~" linkId) "." base64url(tag)}, the tag HMAC-SHA256 over the encoded payload,
 * truncated to 128 bits and compared in constant time. Only checked, never issued any more; remove it, with its
 * secret ({@code ACK_LINK_SECRET_ARN}), once the last of them has expired.
 *
 * <p>The key is read on first use and then kept: with Lambda SnapStart, anything read while the function initialises
 * would be frozen into the snapshot.
 */
public final class SignedLinks {

    static final int MIN_KEY_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] CONTEXT = "senim-ack-link/v1.".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<byte[]> keySource;
    private final Clock clock;
    private volatile SecretKeySpec key;

    public SignedLinks(Supplier<byte[]> keySource, Clock clock) {
        this.keySource = keySource;
        this.clock = clock;
    }

    /** A key given as base64 (at least 32 bytes), where there is no secret store (the local runner). */
    public static Supplier<byte[]> fixedKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        return key::clone;
    }

    /** Whether a token has the shape of a signed link (a dot between two base64url parts), before any work. */
    static boolean looksSigned(String token) {
        return token != null && token.length() <= MAX_TOKEN_LENGTH && token.indexOf('.') > 0;
    }

    /** The link a token stands for; empty when it is malformed, tampered with, signed with another key or expired. */
    public Optional<AcknowledgementLinks.Link> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        String tag = token.substring(dot + 1);
        if (!BASE64URL.matcher(payload).matches() || !BASE64URL.matcher(tag).matches()) {
            return Optional.empty();
        }
        // compared as encoded text: base64 has several spellings of the same bytes, a token has one
        byte[] expected = ENCODER.encodeToString(tag(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, tag.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return decode(payload).filter(link -> clock.instant().isBefore(link.expiresAt()));
    }

    private static Optional<AcknowledgementLinks.Link> decode(String payload) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.US_ASCII).split("~", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts.length != 3 || AlertAddress.parse(parts[0]).isEmpty() || !parts[1].matches("[0-9]{1,12}")
                || !BASE64URL.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AcknowledgementLinks.Link(parts[0], parts[2],
                Instant.ofEpochSecond(Long.parseLong(parts[1])), Optional.empty()));
    }

    private byte[] tag(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            mac.update(CONTEXT);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    byte[] bytes = keySource.get();
                    if (bytes == null || bytes.length < MIN_KEY_BYTES) {
                        throw new IllegalStateException("the acknowledgement link key must have at least "
                                + MIN_KEY_BYTES + " bytes");
                    }
                    current = new SecretKeySpec(bytes, ALGORITHM);
                    key = current;
                }
            }
        }
        return current;
    }
}
