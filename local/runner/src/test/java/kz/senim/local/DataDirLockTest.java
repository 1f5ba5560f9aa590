package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @Test
    void aDataDirectoryInUseCannotBeTakenAgainUntilReleased(@TempDir Path dir) throws Exception {
        try (DataDirLock first = DataDirLock.lock(dir)) {
            assertThatThrownBy(() -> DataDirLock.lock(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another Senim is using");
        }
        DataDirLock.lock(dir).close();
    }
}
