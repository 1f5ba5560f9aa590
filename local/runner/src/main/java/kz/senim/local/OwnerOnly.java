package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data directory holds reports (sealed), the keys that seal them and the local secrets: only its owner may open
 * it (0700) or its files (0600). DynamoDB Local creates its database with the process's umask, so its files are
 * narrowed once the tables exist; whatever it creates later is inside a directory nobody else can enter.
 */
final class OwnerOnly {

    private OwnerOnly() {
    }

    static void directory(Path dir) {
        set(dir, "rwx------");
    }

    static void file(Path file) {
        set(file, "rw-------");
    }

    static void filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(OwnerOnly::file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of " + dir, e);
        }
    }

    private static void set(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path + " to its owner", e);
        }
    }
}
