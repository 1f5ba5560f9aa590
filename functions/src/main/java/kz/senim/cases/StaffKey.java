package kz.senim.cases;

import java.time.Instant;

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
    public static String requestHash(String operation, String personId, String organisationId, String... parts) {
        String[] all = new String[parts.length + 3];
        all[0] = operation;
        all[1] = personId;
        all[2] = organisationId;
        System.arraycopy(parts, 0, all, 3, parts.length);
        return Sha256.hexOfParts(all);
    }
}
