package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.senim.api.OpenApiContract;

/**
 * The API Gateway HTTP API events of the acknowledgement fixtures ({@code events/apigw-v2-ack-*.json}), pointed at
 * an alert or a token, and the check that an exchange keeps to {@code openapi.yaml} once the contract has the route.
 */
final class AckEvents {

    static final String ACKNOWLEDGE = "events/apigw-v2-ack-alert.json";
    static final String LINK_GET = "events/apigw-v2-ack-link-get.json";
    static final String LINK_POST = "events/apigw-v2-ack-link-post.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private AckEvents() {
    }

    static APIGatewayV2HTTPEvent acknowledge(String alertId) {
        APIGatewayV2HTTPEvent event = load(ACKNOWLEDGE);
        return path(event, "alertId", alertId, "/v1/alerts/" + alertId + "/acknowledgement");
    }

    static APIGatewayV2HTTPEvent link(String fixture, String token) {
        return path(load(fixture), "token", token, "/v1/ack/" + token);
    }

    static APIGatewayV2HTTPEvent withClaims(APIGatewayV2HTTPEvent event, String person, String organisation,
            String role) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", person);
        claims.put("custom:organisationId", organisation);
        claims.put("custom:role", role);
        return event;
    }

    static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent event, String name, String value) {
        event.getHeaders().keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            event.getHeaders().put(name.toLowerCase(Locale.ROOT), value);
        }
        return event;
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    static Map<String, String> headers(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.getHeaders());
        return headers;
    }

    /** Checks the exchange against the contract when the contract has its operation (it is being written). */
    static APIGatewayV2HTTPResponse conforming(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        String path = event.getRawPath().substring(("/" + event.getRequestContext().getStage()).length());
        String method = event.getRequestContext().getHttp().getMethod();
        String route = event.getRouteKey();
        if (CONTRACT.operations().contains(route)) {
            CONTRACT.assertConforms(OpenApiContract.Exchange.request(method, path)
                    .headers(event.getHeaders())
                    .respond(response.getStatusCode(), response.getHeaders(), response.getBody()));
        }
        return response;
    }

    private static APIGatewayV2HTTPEvent load(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        event.setHeaders(new HashMap<>(event.getHeaders()));
        if (event.getRequestContext().getAuthorizer() != null) {
            event.getRequestContext().getAuthorizer().getJwt()
                    .setClaims(new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims()));
        }
        return event;
    }

    private static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent event, String name, String value, String path) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(name, value);
        event.setPathParameters(parameters);
        String rawPath = "/" + event.getRequestContext().getStage() + path;
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setPath(rawPath);
        return event;
    }
}
