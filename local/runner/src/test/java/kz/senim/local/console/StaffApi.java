package kz.senim.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What happens around the console in its journeys, over plain HTTP: the reporter's app (a report, a reply) and, where a
 * journey is about someone else, the other staff's steps.
 */
final class StaffApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    StaffApi(URI base) {
        this.base = base;
    }

    record Answer(int status, String etag, JsonNode json) {
    }

    /** A victim's report in Almaty (KZ-75) in the reporter's words; alerts the Almaty commission and shelter. */
    static ObjectNode reportInAlmaty(String narrative, String language) {
        return JSON.createObjectNode()
                .put("reporterRole", "victim")
                .put("category", "forced_labour")
                .put("region", "KZ-75")
                .put("locality", "Турксибский район, цех за автобазой")
                .put("immediateDanger", false)
                .put("policeConsent", false)
                .put("childInvolved", false)
                .put("foreignNational", false)
                .put("narrative", narrative)
                .put("language", language);
    }

    /** Submits a report as the app does; returns the 201 answer (reference, receipt). */
    JsonNode submit(ObjectNode report) {
        Answer answer = send("POST", "/v1/reports", Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                report.toString());
        if (answer.status() != 201) {
            throw new AssertionError("the report was not accepted: " + answer);
        }
        return answer.json();
    }

    String token(String person) {
        Answer issued = send("POST", "/local/tokens", Map.of(), JSON.createObjectNode().put("person", person).toString());
        if (issued.status() != 200) {
            throw new AssertionError("no token for " + person + ": " + issued);
        }
        return issued.json().path("idToken").asText();
    }

    Answer as(String person, String method, String path, String body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token(person));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return send(method, path, all, body);
    }

    /** The reporter answers with the receipt. */
    void reply(String reference, String receipt, String text) {
        Answer answer = send("POST", "/v1/reports/" + reference + "/messages", Map.of("X-Receipt", receipt,
                "Idempotency-Key", UUID.randomUUID().toString()), JSON.createObjectNode().put("text", text).toString());
        if (answer.status() != 201) {
            throw new AssertionError("the reply was not stored: " + answer);
        }
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null), json);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
