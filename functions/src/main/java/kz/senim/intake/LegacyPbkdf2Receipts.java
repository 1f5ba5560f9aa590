package kz.senim.intake;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Receipts hashed before {@link HmacReceiptHasher}: PBKDF2-HMAC-SHA512, stored as
 * {@code pbkdf2-sha512$<iterations>$<salt>$<hash>}. Only checked, never made any more; they go when their case is
 * erased (retention or withdrawal).
 */
final class LegacyPbkdf2Receipts {

    static final String PREFIX = "pbkdf2-sha512$";
    private static final int HASH_BITS = 256;
    /** The cost the old hasher used; a stored form asking for more is refused rather than computed. */
    private static final int MAX_ITERATIONS = 210_000;

    private LegacyPbkdf2Receipts() {
    }

    static boolean matches(Receipt receipt, String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[1].matches("[1-9][0-9]{0,6}")
                || Integer.parseInt(parts[1]) > MAX_ITERATIONS) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(receipt, b64.decode(parts[2]), Integer.parseInt(parts[1])));
        } catch (IllegalArgumentException damaged) {
            return false;
        }
    }

    private static byte[] derive(Receipt receipt, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(receipt.value().toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
