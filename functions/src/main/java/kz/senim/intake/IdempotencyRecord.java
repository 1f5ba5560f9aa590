package kz.senim.intake;

import java.time.Instant;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;

/**
 * What a first submission under an {@link IdempotencyKey} produced, kept until {@code expiresAt} so that retries get
 * the same answer and create nothing.
 *
 * @param keyHash       SHA-256 of the key
 * @param requestHash   SHA-256 of the canonical submission, to refuse the same key with another body
 * @param sealedReceipt the receipt sealed with the raw key ({@link ReceiptSeal})
 */
public record IdempotencyRecord(
        String keyHash, String requestHash, Reference reference, String sealedReceipt, Instant expiresAt) {
}
