package kz.senim.testing;

import kz.senim.intake.HmacReceiptHasher;
import kz.senim.intake.ReceiptKeys;

/** Receipt hashing as deployed (HMAC-SHA256), under a fixed test key. */
public final class TestReceipts {

    /** What {@code RECEIPT_KEYS} holds in tests. */
    public static final String KEYS = "{\"v1\":\"test-receipt-key-0123456789abcdefghijklmnopqrstuvwxyz\"}";

    private TestReceipts() {
    }

    public static HmacReceiptHasher hasher() {
        return new HmacReceiptHasher(() -> ReceiptKeys.parse(KEYS));
    }
}
