package kz.senim.cases;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens what people typed about a case: envelope encryption, AES-256-GCM under data keys made by the
 * {@link KeyEncryptionKey} for the case, with the case's reference as associated data (and as the KEK's encryption
 * context). Every write of text gets a data key of its own, so writers never need to unwrap one: they only make
 * keys. The wrapped key is stored with the write, in the {@link CaseKeyring}; a path that shows the case opens the
 * texts, unwrapping each key it meets once.
 */
public final class CaseContent {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_ID_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final KeyEncryptionKey kek;
    private final CaseKeyring keyring;
    private final SecureRandom random;
    private final Clock clock;

    public CaseContent(KeyEncryptionKey kek, CaseKeyring keyring, SecureRandom random, Clock clock) {
        this.kek = kek;
        this.keyring = keyring;
        this.random = random;
        this.clock = clock;
    }

    /** The sealing of one write about the case: its first text makes the write's data key. */
    public Sealing sealing(Reference reference) {
        return new Sealing(reference);
    }

    /** The opening of the texts of one case, for a path that shows the case to someone allowed to see it. */
    public Opening opening(Reference reference) {
        return new Opening(reference);
    }

    /** Seals texts of one write; its key ({@link #newKey()}) must be stored in the same transaction as the texts. */
    public final class Sealing {
        private final Reference reference;
        private CaseKey key;
        private SecretKeySpec dataKey;

        private Sealing(Reference reference) {
            this.reference = reference;
        }

        /**
         * How {@code text} is stored: a plain text sealed now, a sealed one as it is, an erased one not at all.
         */
        public Optional<String> stored(CaseText text) {
            return switch (text) {
                case CaseText.Plain plain -> Optional.of(seal(plain.text()));
                case CaseText.Sealed sealed -> Optional.of(sealed.envelope());
                case CaseText.Erased erased -> Optional.empty();
            };
        }

        /** The data key made for this write, wrapped; empty when nothing was sealed. */
        public Optional<CaseKey> newKey() {
            return Optional.ofNullable(key);
        }

        private String seal(String text) {
            if (key == null) {
                KeyEncryptionKey.DataKey made = kek.newDataKey(reference);
                byte[] id = new byte[KEY_ID_BYTES];
                random.nextBytes(id);
                key = new CaseKey(reference, ENCODER.encodeToString(id), made.wrapped(), clock.instant());
                dataKey = new SecretKeySpec(made.plain(), "AES");
                Arrays.fill(made.plain(), (byte) 0);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData(reference));
                byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
                return CaseText.Sealed.PREFIX + key.keyId() + ":" + ENCODER.encodeToString(
                        ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }
    }

    /** Opens texts of one case; each data key is unwrapped at most once. */
    public final class Opening {
        private final Reference reference;
        private final Map<String, Optional<SecretKeySpec>> keys = new HashMap<>();

        private Opening(Reference reference) {
            this.reference = reference;
        }

        /**
         * A sealed text opened; {@link CaseText.Erased} when its key was forgotten (the case's content was erased).
         *
         * @throws IllegalStateException when the text was tampered with or sealed for another case
         */
        public CaseText open(CaseText text) {
            if (!(text instanceof CaseText.Sealed sealed)) {
                return text;
            }
            Optional<SecretKeySpec> key = keys.computeIfAbsent(sealed.keyId(), id -> keyring.wrapped(reference, id)
                    .map(wrapped -> new SecretKeySpec(kek.unwrap(reference, wrapped), "AES")));
            if (key.isEmpty()) {
                return new CaseText.Erased();
            }
            byte[] bytes = Base64.getUrlDecoder().decode(sealed.envelope().substring(
                    CaseText.Sealed.PREFIX.length() + sealed.keyId().length() + 1));
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
                cipher.updateAAD(associatedData(reference));
                return new CaseText.Plain(new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                        StandardCharsets.UTF_8));
            } catch (AEADBadTagException tampered) {
                throw new IllegalStateException("a sealed text of " + reference + " does not open with its key");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }
    }

    private static byte[] associatedData(Reference reference) {
        return reference.value().getBytes(StandardCharsets.US_ASCII);
    }
}
