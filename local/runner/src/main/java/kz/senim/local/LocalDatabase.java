package kz.senim.local;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DynamoDB Local keeps its tables in one SQLite file, and SQLite leaves what was deleted in free pages until they are
 * reused: an erased case's data keys, say, which the KEK file beside them could still unwrap. When the runner stops,
 * the file is compacted ({@code VACUUM}), so nothing deleted stays in it. A runner killed before it could stop leaves
 * them until its next clean stop.
 */
final class LocalDatabase implements AutoCloseable {

    static final String FILE = "shared-local-instance.db";

    private final Path file;

    private LocalDatabase(Path file) {
        this.file = file;
    }

    /** Compacts the database of {@code dataDir} when closed, after DynamoDB Local has let go of it. */
    static LocalDatabase compactedOnClose(Path dataDir) {
        return new LocalDatabase(dataDir.resolve(FILE));
    }

    @Override
    public void close() throws SQLiteException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        SQLiteConnection connection = new SQLiteConnection(file.toFile());
        try {
            connection.open(false);
            connection.exec("VACUUM");
        } finally {
            connection.dispose();
        }
    }
}
