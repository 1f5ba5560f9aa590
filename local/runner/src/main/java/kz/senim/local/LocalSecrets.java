package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import kz.senim.intake.ReceiptKeys;

/**
 * The secrets AWS keeps (Secrets Manager, the Cognito user pool's signing key), made locally: random, and kept in the
 * data directory (owner-only) so that what was signed before a restart (acknowledgement links in alerts, ID tokens
 * printed by {@code ./senim token}, receipts) still verifies after it. In memory: the link and receipt keys are new
 * each start, the token signing key lasts as long as the JVM.
 */
final class LocalSecrets {

    static final String ACK_LINK_KEY_FILE = "ack-link.key";
    static final String JWT_SIGNING_KEY_FILE = "jwt-signing.key";
    static final String RECEIPT_KEYS_FILE = "receipt-keys.json";
    static final String CONTENT_KEK_FILE = "content-kek.key";
    private static final int KEY_BYTES = 32;
    private static final int RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** The acknowledgement-link signing key, base64, as {@code ACK_LINK_SECRET} takes it. */
    static String ackLinkKey(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return newKey();
        }
        Path file = dataDir.get().resolve(ACK_LINK_KEY_FILE);
        return readOrCreate(file, LocalSecrets::newKey, key -> {
            if (Base64.getDecoder().decode(key).length < KEY_BYTES) {
                throw new IllegalStateException(file + " holds no key of " + KEY_BYTES + " bytes: delete it");
            }
            return key;
        });
    }

    /**
     * The keys receipts are hashed under, as {@code RECEIPT_KEYS} takes them ({@code {"v1": "<key>"}}, like the
     * secret the template generates): a report stored before a restart can still be followed with its receipt.
     */
    static String receiptKeys(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return newReceiptKeys();
        }
        Path file = dataDir.get().resolve(RECEIPT_KEYS_FILE);
        return readOrCreate(file, LocalSecrets::newReceiptKeys, keys -> {
            try {
                ReceiptKeys.parse(keys);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + " holds no receipt keys: delete it (receipts of reports"
                        + " stored with it will no longer check)", e);
            }
            return keys;
        });
    }

    /**
     * The key-encryption key of case content (the template's KMS key), base64, as {@code CONTENT_KEK} takes it. Losing
     * it loses every sealed text of the data directory; deleting it on purpose erases them all.
     */
    static String contentKek(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return newKey();
        }
        Path file = dataDir.get().resolve(CONTENT_KEK_FILE);
        return readOrCreate(file, LocalSecrets::newKey, key -> {
            if (Base64.getDecoder().decode(key).length != KEY_BYTES) {
                throw new IllegalStateException(file + " holds no key of " + KEY_BYTES + " bytes: delete it (what"
                        + " was sealed with it can then no longer be read)");
            }
            return key;
        });
    }

    /** The RSA key pair the local issuer signs ID tokens with (the user pool's key in AWS). */
    static KeyPair jwtSigningKey(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return ProcessKey.KEYS;
        }
        Path file = dataDir.get().resolve(JWT_SIGNING_KEY_FILE);
        return readOrCreate(file, () -> Base64.getEncoder().encodeToString(newKeyPair().getPrivate().getEncoded()),
                text -> {
                    try {
                        return keyPair(Base64.getDecoder().decode(text));
                    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
                        throw new IllegalStateException(file + " holds no RSA private key: delete it", e);
                    }
                });
    }

    /** Made on first use, kept until the JVM ends: in-memory runners of one JVM share it. */
    private static final class ProcessKey {
        static final KeyPair KEYS = newKeyPair();
    }

    private static <T> T readOrCreate(Path file, Supplier<String> newSecret, Function<String, T> read) {
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file);
                    OwnerOnly.file(file);
                    Files.writeString(file, newSecret.get(), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // fine: read it below
                }
            }
            return read.apply(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a local secret in " + file, e);
        }
    }

    private static KeyPair keyPair(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                privateKey.getPublicExponent())), privateKey);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA in this JVM", e);
        }
    }

    private static String newReceiptKeys() {
        return "{\"v1\":\"" + newKey() + "\"}";
    }

    private static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
