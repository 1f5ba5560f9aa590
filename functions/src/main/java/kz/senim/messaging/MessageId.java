package kz.senim.messaging;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import kz.senim.cases.Reference;
import kz.senim.cases.Sha256;

/**
 * A message's id, {@code M} and 16 Crockford base32 symbols (80 bits), e.g. {@code M7Q2K9M4DXW3PA1B2}. Responders'
 * messages get random ids (or, sent with an {@code Idempotency-Key}, ids derived from it); a reporter's reply gets one derived from its case and its {@code Idempotency-Key}, so a
 * retry names the same message.
 */
public record MessageId(String value) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("M[0-9A-HJKMNP-TV-Z]{16}");
    private static final int SYMBOLS = 16;

    public MessageId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a message id");
        }
    }

    public static MessageId random(SecureRandom random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return new MessageId("M" + encode(bytes));
    }

    /** The id of the reply sent to {@code reference} under the idempotency key whose SHA-256 is {@code keyHash}. */
    public static MessageId forReply(Reference reference, String keyHash) {
        return new MessageId("M" + encode(Sha256.of("senim/reply/v1\u001F" + reference.value() + "\u001F" + keyHash)));
    }

    /** The id of a responder's message to {@code reference} under the key whose SHA-256 is {@code keyHash}. */
    public static MessageId forStaffMessage(Reference reference, String keyHash) {
        return new MessageId("M" + encode(Sha256.of("senim/staff-message/v1\u001F" + reference.value() + "\u001F" + keyHash)));
    }

    /** The first 80 bits of {@code bytes} as 16 symbols. */
    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(SYMBOLS);
        for (int symbol = 0; symbol < SYMBOLS; symbol++) {
            int bit = symbol * 5;
            int first = bytes[bit / 8] & 0xFF;
            int second = bit / 8 + 1 < bytes.length ? bytes[bit / 8 + 1] & 0xFF : 0;
            out.append(ALPHABET[(((first << 8) | second) >> (11 - bit % 8)) & 0x1F]);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
