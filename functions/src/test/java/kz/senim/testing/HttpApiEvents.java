package kz.senim.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import kz.senim.api.OpenApiContract;

/**
 * API Gateway HTTP API (payload 2.0) events from the fixtures in {@code events/}, changed the way a client would
 * change its request, and the check that an event and the handler's answer keep to the mobile API contract.
 */
public final class HttpApiEvents {

    public static final ObjectMapper JSON = new ObjectMapper();

    private HttpApiEvents() {
    }

    /** A fresh copy of a fixture, with headers a test may change. */
    public static APIGatewayV2HTTPEvent load(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        event.setHeaders(new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders()));
        if (event.getQueryStringParameters() != null) {
            event.setQueryStringParameters(new HashMap<>(event.getQueryStringParameters()));
        }
        return event;
    }

    /** Sets a header as API Gateway passes it on: the name in lower case. */
    public static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent event, String name, String value) {
        return StaffEvents.header(event, name, value);
    }

    public static APIGatewayV2HTTPEvent withoutHeader(APIGatewayV2HTTPEvent event, String name) {
        return header(event, name, null);
    }

    /** Replaces the body with text, as API Gateway passes a UTF-8 body that is not binary. */
    public static APIGatewayV2HTTPEvent body(APIGatewayV2HTTPEvent event, String text) {
        return StaffEvents.body(event, text);
    }

    /** Replaces the body with raw bytes, which API Gateway base64-encodes when they are not valid text. */
    public static APIGatewayV2HTTPEvent binaryBody(APIGatewayV2HTTPEvent event, byte[] bytes) {
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        header(event, "content-length", String.valueOf(bytes.length));
        return event;
    }

    public static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String name, String value) {
        return StaffEvents.query(event, name, value);
    }

    public static APIGatewayV2HTTPEvent pathParameter(APIGatewayV2HTTPEvent event, String name, String value,
            String rawPathAfterStage) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(name, value);
        event.setPathParameters(parameters);
        String rawPath = stagePrefix(event) + rawPathAfterStage;
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setPath(rawPath);
        return event;
    }

    public static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String text(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        return StaffEvents.json(response);
    }

    /** Response headers looked up regardless of case, as HTTP clients do. */
    public static Map<String, String> headers(APIGatewayV2HTTPResponse response) {
        return StaffEvents.headers(response);
    }

    /** Throws unless both the request in the event and the handler's response keep to {@code openapi.yaml}. */
    public static APIGatewayV2HTTPResponse conforming(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        OpenApiContract.load().assertConforms(exchange(event, response));
        return response;
    }

    public static OpenApiContract.Exchange exchange(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        String path = event.getRawPath().substring(stagePrefix(event).length());
        OpenApiContract.Exchange.Builder exchange = OpenApiContract.Exchange
                .request(event.getRequestContext().getHttp().getMethod(), path)
                .headers(event.getHeaders());
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach(exchange::query);
        }
        if (event.getBody() != null) {
            exchange.body(event.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                    : event.getBody());
        }
        return exchange.respond(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** A named stage is the first segment of rawPath; routes and the contract's paths come after it. */
    private static String stagePrefix(APIGatewayV2HTTPEvent event) {
        String stage = event.getRequestContext().getStage();
        return stage == null || "$default".equals(stage) ? "" : "/" + stage;
    }
}
