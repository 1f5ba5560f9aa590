package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secrets Secrets Manager keeps in AWS, made locally: random, and kept in the data directory (owner-only) so that
 * what was signed before a restart (acknowledgement links in alerts) still verifies after it. In memory: new each start.
 */
final class LocalSecrets {

    static final String ACK_LINK_KEY_FILE = "ack-link.key";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** The acknowledgement-link signing key, base64, as {@code ACK_LINK_SECRET} takes it. */
    static String ackLinkKey(Optional<Path> dataDir) {
        if (dataDir.isEmpty()) {
            return newKey();
        }
        Path file = dataDir.get().resolve(ACK_LINK_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file);
                    restrictToOwner(file);
                    Files.writeString(file, newKey(), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // fine: read it below
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (Base64.getDecoder().decode(key).length < KEY_BYTES) {
                throw new IllegalStateException(file + " holds no key of " + KEY_BYTES + " bytes: delete it");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the acknowledgement link key in " + file, e);
        }
    }

    private static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already
        }
    }
}
