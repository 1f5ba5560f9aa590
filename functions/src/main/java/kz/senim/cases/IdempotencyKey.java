package kz.senim.cases;

import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key}: a random id (a UUID, say) the app keeps with an unsent report and sends on
 * every retry. Only its SHA-256 is stored; the raw key also unseals the receipt on a replay.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    public IdempotencyKey {
        if (value == null) {
            throw new InvalidInput(HEADER, InvalidInput.Violation.MISSING);
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidInput(HEADER, InvalidInput.Violation.NOT_ALLOWED_VALUE, "16-128 of A-Z a-z 0-9 _ -");
        }
    }

    public String hash() {
        return Sha256.hex(value);
    }


    @Override
    public String toString() {
        return "IdempotencyKey[hash=" + hash() + "]";
    }
}
