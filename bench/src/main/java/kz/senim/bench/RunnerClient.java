package kz.senim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An HTTP client of the running local runner, as the mobile app or a responder's app would be (one connection pool). */
final class RunnerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The report of README's "Try it": a victim in Almaty, a foreign national, not in immediate danger. */
    static final String REPORT = """
            {"reporterRole":"victim","category":"forced_labour","region":"KZ-75","locality":"Bazaar district",
             "immediateDanger":false,"policeConsent":false,"childInvolved":false,"foreignNational":true,
             "narrative":"They took my passport and I work without pay.","language":"uz"}""";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    RunnerClient(URI base) {
        this.base = base;
    }

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Answer require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + " " + body);
            }
            return this;
        }
    }

    /** A report under a fresh Idempotency-Key. */
    Answer submit() {
        return send("POST", "/v1/reports", Map.of("Content-Type", "application/json",
                "Idempotency-Key", UUID.randomUUID().toString()), REPORT);
    }

    Answer submit(String idempotencyKey) {
        return send("POST", "/v1/reports", Map.of("Content-Type", "application/json",
                "Idempotency-Key", idempotencyKey), REPORT);
    }

    Answer status(String reference, String receipt) {
        return send("GET", "/v1/reports/" + reference, Map.of("X-Receipt", receipt), null);
    }

    Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, Map.of("Authorization", "Bearer " + token), null);
    }

    /** An ID token of the runner's issuer ({@code POST /local/tokens}). */
    String token(String person) {
        return send("POST", "/local/tokens", Map.of("Content-Type", "application/json"),
                JSON.createObjectNode().put("person", person).toString())
                .require(200, "a token for " + person).json().path("idToken").asText();
    }

    /** The on-call inbox's alerts about one report. */
    List<JsonNode> alertsAbout(String reference) {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode alert : send("GET", "/local/alerts", Map.of(), null).require(200, "the inbox").json()
                .path("alerts")) {
            if (reference.equals(alert.path("reference").asText())) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    /** How many alerts the inbox holds. */
    int alertCount() {
        return send("GET", "/local/alerts", Map.of(), null).require(200, "the inbox").json().path("alerts").size();
    }

    Answer send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
