package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a data directory, reports outlive the runner: a reporter can check the status after a restart, and a token
 * printed before it still signs a responder in.
 */
class PersistenceIT {

    @Test
    void aReportSubmittedBeforeARestartCanStillBeChecked(@TempDir Path dataDir) {
        Options options = Options.forTests().withDataDir(dataDir);
        String key = ReportBodies.newKey();
        String body = ReportBodies.victimInAlmatyInDanger().toString();
        JsonNode submitted;
        try (SenimLocal first = SenimLocal.start(options)) {
            submitted = new LocalApi(first).submit(key, body).json();
            assertThat(first.dataDir()).contains(dataDir.toAbsolutePath());
        }
        assertThat(dataDir.resolve("shared-local-instance.db")).satisfies(db -> assertThat(Files.size(db)).isPositive());

        try (SenimLocal second = SenimLocal.start(options)) {
            LocalApi api = new LocalApi(second);
            LocalApi.Answer status = api.status(submitted.path("reference").asText(),
                    submitted.path("receipt").asText(), Map.of());
            LocalApi.Answer retry = api.submit(key, body);

            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("status").asText()).isEqualTo("received");
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().path("receipt")).isEqualTo(submitted.path("receipt"));
            assertThat(Tables.ofKind(Tables.cases(second), "REPORT")).hasSize(1);
        }
    }

    @Test
    void aTokenIssuedBeforeARestartStillWorksAfterItUntilItExpires(@TempDir Path dataDir) {
        Options options = Options.forTests().withDataDir(dataDir);
        String token;
        try (SenimLocal first = SenimLocal.start(options)) {
            token = new LocalApi(first).tokenFor("dana.coordinator.almaty");
        }
        assertThat(dataDir.resolve(LocalSecrets.JWT_SIGNING_KEY_FILE)).isRegularFile();

        try (SenimLocal second = SenimLocal.start(options)) {
            LocalApi api = new LocalApi(second);
            assertThat(api.get("/v1/cases?region=KZ-75", LocalApi.bearer(token)).status()).isEqualTo(200);
        }
        try (SenimLocal elsewhere = SenimLocal.start(Options.forTests().withDataDir(dataDir.resolve("other")))) {
            assertThat(new LocalApi(elsewhere).sendUnchecked("GET", "/v1/cases?region=KZ-75", LocalApi.bearer(token),
                    null).status()).as("another data directory, another key").isEqualTo(401);
        }
    }
}
