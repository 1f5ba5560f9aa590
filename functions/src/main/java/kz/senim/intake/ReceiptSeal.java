package kz.senim.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kz.senim.cases.IdempotencyKey;

/**
 * Seals a receipt so that only the holder of the raw {@link IdempotencyKey} can open it again. This is how a retry
 * whose first answer was lost on a bad connection still gets its receipt, while the table holds nothing that reveals
 * it: the key itself is stored only as a SHA-256, and the sealed copy expires with the idempotency record.
 */
public final class ReceiptSeal {

    private static final byte[] CONTEXT = "senim/receipt-seal/v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random;

    public ReceiptSeal(SecureRandom random) {
        this.random = random;
    }

    public String seal(Receipt receipt, IdempotencyKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyFrom(key), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(receipt.value().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Receipt> open(String sealed, IdempotencyKey key) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyFrom(key), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Receipt.parse(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SecretKeySpec keyFrom(IdempotencyKey key) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(hmac.doFinal(CONTEXT), "AES");
    }
}
