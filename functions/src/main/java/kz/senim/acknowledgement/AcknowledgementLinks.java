package kz.senim.acknowledgement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.senim.alerting.DispatchAlerts;

/**
 * Signed, expiring acknowledgement links: whoever holds the link of an alert may acknowledge it once, without signing
 * in. A token is {@code base64url(alertId "~" expiry "~" linkId) "." base64url(tag)}, where the tag is HMAC-SHA256
 * over the encoded payload, truncated to 128 bits, and compared in constant time. One-time use is enforced where the
 * acknowledgement is stored ({@link Acknowledgements.LinkUse}), by the random {@code linkId}.
 *
 * <p>The key is read on first use and then kept: with Lambda SnapStart, anything read while the function initialises
 * would be frozen into the snapshot.
 */
public final class AcknowledgementLinks {

    /** Long enough for an on-call night, short enough that a forwarded message soon stops working. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    static final int MIN_KEY_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private static final int LINK_ID_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] CONTEXT = "senim-ack-link/v1.".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Supplier<byte[]> keySource;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration validity;
    private volatile SecretKeySpec key;

    public AcknowledgementLinks(Supplier<byte[]> keySource, Clock clock, SecureRandom random, Duration validity) {
        this.keySource = keySource;
        this.clock = clock;
        this.random = random;
        this.validity = validity;
    }

    /** A key given as base64 (at least 32 bytes), where there is no secret store (the local runner). */
    public static Supplier<byte[]> fixedKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        return key::clone;
    }

    /** A verified link: which alert, which one-time id, until when. */
    public record Link(String alertId, String linkId, Instant expiresAt) {
    }

    /** A new token for {@code alertId}, valid for {@link #VALIDITY} from now. */
    public String issue(String alertId) {
        if (AlertAddress.parse(alertId).isEmpty()) {
            throw new IllegalArgumentException("not an alert id");
        }
        byte[] linkId = new byte[LINK_ID_BYTES];
        random.nextBytes(linkId);
        long expiry = clock.instant().plus(validity).getEpochSecond();
        String payload = ENCODER.encodeToString((alertId + "~" + expiry + "~" + ENCODER.encodeToString(linkId))
                .getBytes(StandardCharsets.US_ASCII));
        return payload + "." + ENCODER.encodeToString(tag(payload));
    }

    /** The link a token stands for; empty when it is malformed, tampered with, signed with another key or expired. */
    public Optional<Link> verify(String token) {
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

    /**
     * The acknowledgement links alert messages carry: {@code <publicBaseUrl>/v1/ack/<token>}.
     *
     * @throws IllegalArgumentException (when a link is made) unless the base is an absolute http(s) URL
     */
    public DispatchAlerts.AcknowledgeUrls urlsUnder(String publicBaseUrl) {
        String prefix = publicBaseUrl.strip().replaceAll("/+$", "") + "/v1/ack/";
        return alert -> {
            URI base = URI.create(prefix);
            if (!base.isAbsolute() || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))
                    || base.getHost() == null) {
                throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL");
            }
            return Optional.of(prefix + issue(alert.alertId()));
        };
    }

    private static Optional<Link> decode(String payload) {
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
        return Optional.of(new Link(parts[0], parts[2], Instant.ofEpochSecond(Long.parseLong(parts[1]))));
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
