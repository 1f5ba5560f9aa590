package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FauxqsPackageTest {

    private static Path fakeRepo(Path root, String pinned, String installed) throws IOException {
        Path dir = Files.createDirectories(root.resolve(FauxqsPackage.RELATIVE_DIR));
        Files.writeString(dir.resolve("package.json"), "{\"dependencies\": {\"fauxqs\": \"" + pinned + "\"}}");
        Files.writeString(dir.resolve(FauxqsPackage.LAUNCHER), "// launcher");
        if (installed != null) {
            Path module = Files.createDirectories(dir.resolve("node_modules/fauxqs"));
            Files.writeString(module.resolve("package.json"), "{\"name\": \"fauxqs\", \"version\": \"" + installed + "\"}");
        }
        Files.createDirectories(root.resolve("functions"));
        Files.createDirectories(root.resolve("local/runner"));
        return dir;
    }

    @Test
    void findsThePackageFromTheRootAndFromAnyModuleDirectory(@TempDir Path root) throws IOException {
        Path dir = fakeRepo(root, "1.9.2", "1.9.2");
        assertThat(FauxqsPackage.locate(null, root)).isEqualTo(dir);
        assertThat(FauxqsPackage.locate(null, root.resolve("functions"))).isEqualTo(dir);
        assertThat(FauxqsPackage.locate("", root.resolve("local/runner"))).isEqualTo(dir);
        assertThat(FauxqsPackage.locate(null, root.resolve("local/engines"))).isEqualTo(dir);
    }

    @Test
    void theSystemPropertyWins(@TempDir Path root, @TempDir Path elsewhere) throws IOException {
        Path dir = fakeRepo(root, "1.9.2", "1.9.2");
        assertThat(FauxqsPackage.locate(dir.toString(), elsewhere)).isEqualTo(dir);
        assertThatThrownBy(() -> FauxqsPackage.locate(elsewhere.toString(), root))
                .hasMessageContaining("-Dsenim.fauxqs.dir=");
        assertThatThrownBy(() -> FauxqsPackage.locate(null, elsewhere))
                .hasMessageContaining("cannot find local/engines/src/main/node");
    }

    @Test
    void insistsOnThePinnedVersionBeingInstalled(@TempDir Path a, @TempDir Path b) throws IOException {
        FauxqsPackage.checkInstalled(fakeRepo(a, "1.9.2", "1.9.2"));
        assertThatThrownBy(() -> FauxqsPackage.checkInstalled(fakeRepo(b, "1.9.2", "1.9.1")))
                .hasMessageContaining("node_modules holds fauxqs 1.9.1 but package.json pins 1.9.2")
                .hasMessageContaining("npm ci");
    }

    @Test
    void saysHowToInstallAMissingPackage(@TempDir Path root) throws IOException {
        Path dir = fakeRepo(root, "1.9.2", null);
        assertThatThrownBy(() -> FauxqsPackage.checkInstalled(dir))
                .hasMessageContaining("not installed")
                .hasMessageContaining("npm ci --no-audit --no-fund --ignore-scripts");
    }

    @Test
    void theRepositoryPinsFauxqs192() {
        Path dir = FauxqsPackage.locate(null, Path.of(System.getProperty("user.dir")));
        assertThat(FauxqsPackage.pinnedVersion(dir)).isEqualTo("1.9.2");
    }
}
