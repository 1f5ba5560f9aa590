package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting Senim fails early and clearly, and a failed start leaves nothing behind. */
class StartAndStopIT {

    @Test
    void onlyOneSenimRunsInAJvmBecauseTheSdkSettingsAreJvmWide() {
        try (SenimLocal first = SenimLocal.start(Options.forTests())) {
            assertThatThrownBy(() -> SenimLocal.start(Options.forTests()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs");
            assertThat(new LocalApi(first).get("/v1/regions", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseStopsSenimBeforeItTouchesTheDataDirectory(@TempDir Path dataDir) throws Exception {
        Path data = dataDir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Options options = Options.forTests().withPort(taken.getLocalPort()).withDataDir(data);

            assertThatThrownBy(() -> SenimLocal.start(options))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not listen");
        }
        assertThat(Files.exists(data)).isFalse();

        try (SenimLocal afterwards = SenimLocal.start(Options.forTests())) {
            assertThat(new LocalApi(afterwards).get("/v1/regions", Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void theBannerSaysWhereSenimListensWhereTheDataIsAndWhereAlertsGo() {
        try (SenimLocal senim = SenimLocal.start(Options.forTests())) {
            String banner = senim.banner();

            assertThat(banner).contains("http://localhost:" + senim.port())
                    .contains("in memory")
                    .contains("on-call inbox")
                    .contains("Idempotency-Key: ")
                    .contains("curl -s http://localhost:" + senim.port() + "/local/alerts")
                    .contains("POST /v1/reports", "GET /v1/reports/{reference}", "GET /v1/regions")
                    .contains("TOKEN=$(./senim token dana.coordinator.almaty --port " + senim.port() + ")")
                    .contains("/local/people");
        }
    }
}
