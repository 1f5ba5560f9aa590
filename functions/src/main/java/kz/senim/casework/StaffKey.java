package kz.senim.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import kz.senim.access.Caller;

/**
 * What a staff write that creates something in a case (a message to the reporter, a referral) stored under the
 * client's {@code Idempotency-Key}, so that a retry gets the first result back and stores nothing, and the same key
 * with another request is refused. Kept in the case's partition and written in the same transaction as what it
 * created.
 *
 * @param keyHash     SHA-256 of the key (the raw key is never stored)
 * @param requestHash SHA-256 of the operation, the caller and the decoded body ({@link #requestHash})
 * @param createdId   the id of the message or referral the key created
 * @param at          when it was created
 */
public record StaffKey(String keyHash, String requestHash, String createdId, Instant at) {

    /** Whether {@code otherRequestHash} asks for the same thing as the request that stored this key. */
    public boolean sameRequest(String otherRequestHash) {
        return requestHash.equals(otherRequestHash);
    }

    /**
     * The hash of a request: the operation, who asks (another person reusing a key is refused, never answered with
     * someone else's result) and the decoded body, so a retry whose JSON differs only in layout is the same request.
     */
    public static String requestHash(String operation, Caller caller, String... parts) {
        StringBuilder text = new StringBuilder(operation).append('\u001F').append(caller.personId())
                .append('\u001F').append(caller.organisationId());
        for (String part : parts) {
            text.append('\u001F').append(part);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
