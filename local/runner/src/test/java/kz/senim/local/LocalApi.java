package kz.senim.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.senim.api.OpenApiContract;
import org.awaitility.Awaitility;

/**
 * A mobile client of a running {@link SenimLocal}, over real HTTP. Every exchange with a {@code /v1/} route is checked
 * against the mobile API contract (openapi.yaml), both ways.
 */
final class LocalApi {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long the stream, the dispatcher and the inbox may take for what a test waits for. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * How long nothing more may arrive before a test takes "no more" for an answer: five of the stream's poll intervals
     * (200 ms), so a late duplicate would be delivered within it.
     */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    LocalApi(SenimLocal senim) {
        this.base = senim.baseUri();
    }

    /** A response; header names are case-insensitive, repeated headers joined with ",". */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return parse(body);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    Answer submit(String idempotencyKey, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        headers.putAll(extraHeaders);
        return send("POST", "/v1/reports", headers, json.getBytes(StandardCharsets.UTF_8));
    }

    Answer submit(String idempotencyKey, String json) {
        return submit(idempotencyKey, json, Map.of());
    }

    Answer status(String reference, String receipt, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (receipt != null) {
            headers.put("X-Receipt", receipt);
        }
        return send("GET", "/v1/reports/" + reference, headers, null);
    }

    Answer get(String pathAndQuery, Map<String, String> headers) {
        return send("GET", pathAndQuery, headers, null);
    }

    /** Sends a JSON body (with its Content-Type); a {@code /v1/} exchange must conform to the contract. */
    Answer sendJson(String method, String pathAndQuery, Map<String, String> headers, String json) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return send(method, pathAndQuery, withType, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An ID token of the local issuer for a seeded person ({@code POST /local/tokens {"person": ...}}). */
    String tokenFor(String person) {
        Answer issued = sendJson("POST", LocalEndpoints.TOKENS, Map.of(),
                JSON.createObjectNode().put("person", person).toString());
        if (issued.status() != 200) {
            throw new AssertionError("no token for " + person + ": " + issued.status() + " " + issued.body());
        }
        return issued.json().path("idToken").asText();
    }

    /** The on-call inbox's alerts about one report, oldest first. */
    List<JsonNode> alertsAbout(String reference) {
        List<JsonNode> alerts = new ArrayList<>();
        get(LocalEndpoints.ALERTS, Map.of()).json().path("alerts").forEach(alert -> {
            if (reference.equals(alert.path("reference").asText())) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    /**
     * Waits until the inbox holds exactly {@code expected} alerts about the report and keeps holding that many for
     * {@link #QUIET}, so a late extra one is seen; an extra one fails at once.
     */
    List<JsonNode> awaitAlerts(String reference, int expected) {
        return Awaitility.await(expected + " alerts about " + reference + ", then no more")
                .atMost(PATIENCE.plus(QUIET))
                .during(QUIET)
                .failFast("more than " + expected + " alerts about " + reference,
                        () -> alertsAbout(reference).size() > expected)
                .until(() -> alertsAbout(reference), alerts -> alerts.size() == expected);
    }

    /** {@code Authorization: Bearer <token>} and the other headers given as name, value, name, value... */
    static Map<String, String> bearer(String token, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** Sends a request; a {@code /v1/} exchange must conform to the contract. */
    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        return send(method, pathAndQuery, headers, body, pathAndQuery.startsWith("/v1/"));
    }

    /** Sends a request that the contract does not cover (the gateway's own answers), unchecked. */
    Answer sendUnchecked(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        return send(method, pathAndQuery, headers, body, false);
    }

    private Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                        boolean checkContract) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> responseHeaders.put(name, String.join(",", values)));
        Answer answer = new Answer(response.statusCode(), responseHeaders, response.body());
        if (checkContract) {
            OpenApiContract.Exchange.Builder exchange = OpenApiContract.Exchange.request(method, pathAndQuery)
                    .headers(headers);
            if (body != null) {
                exchange.body(new String(body, StandardCharsets.UTF_8));
            }
            OpenApiContract.load().assertConforms(exchange.respond(answer.status(), responseHeaders, answer.body()));
        }
        return answer;
    }
}
