package kz.senim.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receipts kept as HMAC-SHA256 under a server-held key: {@code hmac-sha256$v<version>$<base64>}. A receipt carries
 * 100 random bits, so no offline guessing is possible whatever the hash costs; a slow password hash would only turn
 * every anonymous read into CPU an attacker can spend. The stored form names the key's version, so the key can rotate
 * ({@link ReceiptKeys}); receipts hashed before this scheme ({@code pbkdf2-sha512$...}) still check until their case
 * is erased.
 *
 * <p>The keys are read on first use, never while a function initialises, so they stay out of SnapStart snapshots.
 * A stored form that cannot match (an unknown version, a damaged value) still costs one HMAC.
 */
public final class HmacReceiptHasher implements ReceiptHasher {

    static final String ALGORITHM = "hmac-sha256";
    private static final String MAC = "HmacSHA256";
    private static final byte[] CONTEXT = "senim/receipt/v1\u001F".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final Supplier<ReceiptKeys> keySource;
    private volatile ReceiptKeys keys;

    public HmacReceiptHasher(Supplier<ReceiptKeys> keySource) {
        this.keySource = keySource;
    }

    @Override
    public String hash(Receipt receipt) {
        ReceiptKeys current = keys();
        return ALGORITHM + "$v" + current.current() + "$"
                + ENCODER.encodeToString(mac(current.key(current.current()).orElseThrow(), receipt));
    }

    @Override
    public boolean matches(Receipt receipt, String stored) {
        if (stored.startsWith(LegacyPbkdf2Receipts.PREFIX)) {
            return LegacyPbkdf2Receipts.matches(receipt, stored);
        }
        String[] parts = stored.split("\\$", -1);
        Optional<byte[]> expected = parts.length == 3 && parts[0].equals(ALGORITHM) ? decode(parts[2])
                : Optional.empty();
        Optional<byte[]> key = expected.flatMap(e -> version(parts[1])).flatMap(keys()::key);
        byte[] actual = mac(key.orElseGet(() -> keys().key(keys().current()).orElseThrow()), receipt);
        return key.isPresent() && MessageDigest.isEqual(expected.get(), actual);
    }

    private ReceiptKeys keys() {
        ReceiptKeys known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = keySource.get();
                }
                known = keys;
            }
        }
        return known;
    }

    private static byte[] mac(byte[] key, Receipt receipt) {
        try {
            Mac hmac = Mac.getInstance(MAC);
            hmac.init(new SecretKeySpec(key, MAC));
            hmac.update(CONTEXT);
            return hmac.doFinal(receipt.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Optional<Integer> version(String text) {
        return text.matches("v[1-9][0-9]{0,5}") ? Optional.of(Integer.parseInt(text.substring(1))) : Optional.empty();
    }

    private static Optional<byte[]> decode(String base64) {
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }
}
