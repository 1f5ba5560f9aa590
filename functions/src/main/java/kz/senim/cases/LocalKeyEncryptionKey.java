package kz.senim.cases;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The KEK where there is no KMS (the local runner, tests): a 256-bit key, kept by the runner in a file of its data
 * directory (owner-only), that wraps data keys with AES-256-GCM, the case's reference as associated data. Read on
 * first use.
 */
public final class LocalKeyEncryptionKey implements KeyEncryptionKey {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "senim/kek/v1\u001F".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<byte[]> keySource;
    private final SecureRandom random;
    private volatile SecretKeySpec key;

    public LocalKeyEncryptionKey(Supplier<byte[]> keySource, SecureRandom random) {
        this.keySource = keySource;
        this.random = random;
    }

    /** A key given as base64, as {@code CONTENT_KEK} holds it. */
    public static Supplier<byte[]> fixedKey(String base64) {
        return () -> {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("the content KEK must be " + KEY_BYTES + " bytes");
            }
            return key;
        };
    }

    @Override
    public DataKey newDataKey(Reference reference) {
        byte[] plain = new byte[KEY_BYTES];
        random.nextBytes(plain);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, reference, nonce, plain, 0, plain.length);
        return new DataKey(plain, ByteBuffer.allocate(NONCE_BYTES + wrapped.length).put(nonce).put(wrapped).array());
    }

    @Override
    public byte[] unwrap(Reference reference, byte[] wrapped) {
        if (wrapped.length <= NONCE_BYTES) {
            throw new IllegalStateException("not a wrapped data key");
        }
        return crypt(Cipher.DECRYPT_MODE, reference, Arrays.copyOf(wrapped, NONCE_BYTES), wrapped, NONCE_BYTES,
                wrapped.length - NONCE_BYTES);
    }

    private byte[] crypt(int mode, Reference reference, byte[] nonce, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            cipher.updateAAD(reference.value().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key of " + reference + " does not unwrap", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(keySource.get(), "AES");
            key = known;
        }
        return known;
    }
}
