package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in locally: the seeded people ({@code GET /local/people}), an ID token for one of them
 * ({@code POST /local/tokens {"person": ...}}), and {@code ./senim token <person>}, which prints one.
 */
class LocalTokensIT {

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        senim = SenimLocal.start(Options.forTests());
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void thePeopleWhoCanSignInAreListedWithTheirOrganisationAndRole() {
        LocalApi.Answer people = api.get(LocalEndpoints.PEOPLE, Map.of());

        assertThat(people.status()).isEqualTo(200);
        assertThat(people.json().path("people")).anySatisfy(person -> {
            assertThat(person.path("id").asText()).isEqualTo("dana.coordinator.almaty");
            assertThat(person.path("organisationId").asText()).isEqualTo("kz-75-commission");
            assertThat(person.path("role").asText()).isEqualTo("coordinator");
        });
        assertThat(people.json().path("people").findValuesAsText("id"))
                .containsExactlyElementsOf(People.load().all().stream().map(People.Person::id).toList());
    }

    @Test
    void aSeededPersonGetsATokenWithTheirClaimsThatTheGatewayAccepts() {
        LocalApi.Answer issued = api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(),
                "{\"person\":\"saule.national-coordinator.astana\"}");

        assertThat(issued.status()).isEqualTo(200);
        JsonNode claims = issued.json().path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo("saule.national-coordinator.astana");
        assertThat(claims.path("custom:organisationId").asText()).isEqualTo("national-secretariat");
        assertThat(claims.path("custom:role").asText()).isEqualTo("national_coordinator");
        assertThat(issued.json().path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(api.get("/v1/cases?region=unknown", LocalApi.bearer(issued.json().path("idToken").asText()))
                .status()).isEqualTo(200);
    }

    @Test
    void anUnknownPersonGetsNoTokenAndIsToldWhoExists() {
        LocalApi.Answer unknown = api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(), "{\"person\":\"nobody.here\"}");
        LocalApi.Answer mixed = api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(),
                "{\"person\":\"dana.coordinator.almaty\",\"role\":\"national_coordinator\"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("nobody.here")
                .contains("dana.coordinator.almaty");
        assertThat(unknown.body()).doesNotContain("idToken");
        assertThat(mixed.status()).as("a person's role is theirs, not the caller's").isEqualTo(400);
    }

    @Test
    void noTokenIsIssuedForAnOrganisationOrRoleTheCallerNames() {
        List<String> requests = List.of(
                "{\"organisationId\":\"national-secretariat\",\"role\":\"national_coordinator\"}",
                "{\"sub\":\"someone\",\"organisationId\":\"kz-75-commission\",\"role\":\"coordinator\"}",
                "{\"person\":\"dana.coordinator.almaty\",\"organisationId\":\"national-secretariat\"}",
                "{\"person\":\"dana.coordinator.almaty\",\"custom:role\":\"national_coordinator\"}",
                "{\"person\":\"dana.coordinator.almaty\",\"person\":\"saule.national-coordinator.astana\"}",
                "{\"person\":{\"id\":\"dana.coordinator.almaty\",\"role\":\"national_coordinator\"}}",
                "{\"person\":[\"dana.coordinator.almaty\"]}",
                "[{\"person\":\"dana.coordinator.almaty\"}]",
                "{}",
                "person=dana.coordinator.almaty");

        for (String request : requests) {
            LocalApi.Answer refused = api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(), request);

            assertThat(refused.status()).as(request).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(request).contains("{\"person\": \"<id>\"}");
            assertThat(refused.body()).as(request).doesNotContain("idToken");
        }
        assertThat(api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(), "{\"person\":\"dana.coordinator.almaty\"}")
                .json().path("idToken").asText()).as("the same endpoint, asked for a seeded person").isNotBlank();
    }

    @Test
    void theTokenCommandPrintsATokenOfTheRunningRunner() throws Exception {
        Result result = senimScript("token", "aigerim.responder.almaty", "--port", Integer.toString(senim.port()));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String token = result.stdout().strip();
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(api.get("/v1/cases?region=KZ-75", LocalApi.bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void theTokenCommandSaysSoWhenThePersonIsUnknownOrNoRunnerListens() throws Exception {
        Result unknown = senimScript("token", "nobody.here", "--port", Integer.toString(senim.port()));
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        Result notRunning = senimScript("token", "dana.coordinator.almaty", "--port", Integer.toString(freePort));

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).contains("nobody.here").contains("dana.coordinator.almaty");
        assertThat(notRunning.exitCode()).isEqualTo(1);
        assertThat(notRunning.stdout()).isEmpty();
        assertThat(notRunning.stderr()).contains("Senim is not running at http://localhost:" + freePort)
                .contains("./senim local --port " + freePort);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the repository's {@code senim} script with bash (and curl, which {@code token} uses). */
    private static Result senimScript(String... args) throws IOException, InterruptedException {
        assumeTrue(onPath("bash") && onPath("curl"), "./senim token needs bash and curl");
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("senim"))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository's senim script").isNotNull();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("senim").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("./senim " + String.join(" ", args)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
