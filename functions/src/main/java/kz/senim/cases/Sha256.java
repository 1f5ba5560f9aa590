package kz.senim.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text (UTF-8): how Senim keeps keys and request fingerprints without keeping what they hash. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Lower-case hex of the digest. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }

    /** The parts joined by the unit separator (U+001F), which no part can contain, then hashed. */
    public static String hexOfParts(String... parts) {
        return hex(String.join("\u001F", parts));
    }
}
