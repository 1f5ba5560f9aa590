package kz.senim.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps a second Senim (another process) off a data directory in use: DynamoDB Local must not open it twice. */
final class DataDirLock implements AutoCloseable {

    static final String LOCK_FILE = "senim.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock lock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            OwnerOnly.directory(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another Senim is using " + dataDir.toAbsolutePath()
                        + ": stop it, or start this one with --data-dir <another dir> or --in-memory");
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dataDir.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
