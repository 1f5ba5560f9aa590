package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runner cannot be turned against the people who run it: its own routes under {@code /local/} (sign-in tokens,
 * people, the on-call inbox, schedules) exist only while it listens on loopback, and answer only requests addressed to
 * this machine by name; listening beyond loopback takes {@code --unsafe-expose}, which says what it means.
 */
class LocalRoutesOnLoopbackIT {

    private static final String DANA = "{\"person\":\"dana.coordinator.almaty\"}";

    /** A response read off the socket. */
    private record Raw(int status, String body) {
    }

    @Test
    void theLocalRoutesAnswerOnlyRequestsAddressedToThisMachineByName() throws IOException {
        try (SenimLocal senim = SenimLocal.start(Options.forTests())) {
            int port = senim.port();
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "localhost")) {
                Raw people = raw(port, "GET", LocalEndpoints.PEOPLE, host, null);
                assertThat(people.status()).as(host).isEqualTo(200);
                assertThat(people.body()).as(host).contains("dana.coordinator.almaty");
            }
            assertThat(raw(port, "POST", LocalEndpoints.TOKENS, "localhost:" + port, DANA).body())
                    .as("a token, asked for from this machine").contains("idToken");

            // a page of another site whose name was made to point at 127.0.0.1 (DNS rebinding) names its own host
            for (String host : List.of("evil.example:" + port, "localhost.evil.example:" + port,
                    "127.0.0.1.evil.example", "[::2]:" + port, "::1")) {
                Raw people = raw(port, "GET", LocalEndpoints.PEOPLE, host, null);
                Raw token = raw(port, "POST", LocalEndpoints.TOKENS, host, DANA);
                Raw alerts = raw(port, "GET", LocalEndpoints.ALERTS, host, null);
                Raw schedule = raw(port, "POST", LocalEndpoints.SCHEDULES + "EscalateAlertsFunction", host, null);

                for (Raw refused : List.of(people, token, alerts, schedule)) {
                    assertThat(refused.status()).as(host).isEqualTo(403);
                    assertThat(refused.body()).as(host).contains("localhost, 127.0.0.1 or [::1] only")
                            .doesNotContain("dana").doesNotContain("idToken").doesNotContain("alerts");
                }
            }
            Raw noHost = rawHttp10(port, "GET", LocalEndpoints.PEOPLE);
            assertThat(noHost.status()).as("no Host at all").isEqualTo(403);
            assertThat(raw(port, "GET", "/v1/regions?lang=en", "evil.example:" + port, null).status())
                    .as("the API's own routes, like API Gateway, do not look at the Host").isEqualTo(200);
        }
    }

    @Test
    void aHostBeyondLoopbackIsRefusedWithoutUnsafeExpose() {
        assertThatThrownBy(() -> SenimLocal.start(Options.forTests().withHost("0.0.0.0", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--host 0.0.0.0")
                .hasMessageContaining("--unsafe-expose");

        try (SenimLocal afterwards = SenimLocal.start(Options.forTests())) {
            assertThat(new LocalApi(afterwards).get(LocalEndpoints.PEOPLE, Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void exposedWithUnsafeExposeItWarnsAndKeepsTheLocalRoutesClosed() {
        String printed;
        try (OutputCapture output = OutputCapture.start();
             SenimLocal senim = SenimLocal.start(Options.forTests().withHost("0.0.0.0", true))) {
            LocalApi api = new LocalApi(senim);
            String banner = senim.banner();

            assertThat(banner).contains("UNSAFE: Senim listens on 0.0.0.0:" + senim.port())
                    .contains("--unsafe-expose")
                    .contains("nobody can sign in")
                    .doesNotContain("./senim token")
                    .doesNotContain("curl -s http://localhost:" + senim.port() + LocalEndpoints.ALERTS);
            for (LocalApi.Answer closed : List.of(
                    api.sendUnchecked("GET", LocalEndpoints.PEOPLE, Map.of(), null),
                    api.sendUnchecked("GET", LocalEndpoints.ALERTS, Map.of(), null),
                    api.sendJson("POST", LocalEndpoints.TOKENS, Map.of(), DANA),
                    api.sendUnchecked("POST", LocalEndpoints.SCHEDULES + "EscalateAlertsFunction", Map.of(), null))) {
                assertThat(closed.status()).isEqualTo(404);
                assertThat(closed.json()).isEqualTo(LocalApi.JSON.createObjectNode().put("message", "Not Found"));
            }
            assertThat(api.submit(ReportBodies.newKey(), ReportBodies.witnessInAstana().toString()).status())
                    .as("the reporter's routes answer").isEqualTo(201);
            assertThat(api.sendUnchecked("GET", "/v1/cases?region=KZ-71", Map.of(), null).status())
                    .as("the staff routes still want a token").isEqualTo(401);
            printed = output.text();
        }
        assertThat(printed).contains("UNSAFE: Senim listens on 0.0.0.0:");
    }

    private static Raw raw(int port, String method, String path, String host, String json) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        return exchange(port, head, json);
    }

    /** An HTTP/1.0 request, which may come without a Host header. */
    private static Raw rawHttp10(int port, String method, String path) throws IOException {
        return exchange(port, new StringBuilder(method + " " + path + " HTTP/1.0\r\n"), null);
    }

    private static Raw exchange(int port, StringBuilder head, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        head.append("Connection: close\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 ");
            return new Raw(Integer.parseInt(response.substring(9, 12)),
                    response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }
}
