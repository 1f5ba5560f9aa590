package kz.senim.messaging;

import java.time.Instant;

/**
 * What a reporter's reply stored under an {@code Idempotency-Key}, so that a retry gets the same message back and
 * stores nothing, and the same key with another text is refused.
 *
 * @param keyHash     SHA-256 of the key (the raw key is never stored)
 * @param requestHash SHA-256 of the reply's text
 */
public record ReplyKey(String keyHash, String requestHash, MessageId messageId, Instant at) {
}
