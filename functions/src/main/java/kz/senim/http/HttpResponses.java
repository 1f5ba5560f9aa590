package kz.senim.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import kz.senim.i18n.Language;

/** Builds HTTP API responses. Nothing Senim answers may be cached by a shared device's browser or a proxy. */
public final class HttpResponses {

    public static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        return response(status, write(body), headers);
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, Language language) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "urn:senim:problem:" + problem.code())
                .put("title", problem.title(language))
                .put("status", problem.status())
                .put("code", problem.code())
                .put("detail", problem.detail(language));
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/problem+json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Language", language.code());
        if (problem.status() == 503) {
            headers.put("Retry-After", "2");
        }
        return response(problem.status(), write(body), headers);
    }

    private static APIGatewayV2HTTPResponse response(int status, String body, Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
