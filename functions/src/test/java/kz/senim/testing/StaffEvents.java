package kz.senim.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.senim.access.Caller;
import kz.senim.api.OpenApiContract;

/**
 * API Gateway HTTP API (payload 2.0) events of signed-in responders and coordinators, from the fixtures in
 * {@code events/} (whose {@code requestContext.authorizer.jwt.claims} the JWT authorizer filled), changed the way a
 * test needs: who calls, which case, which body.
 */
public final class StaffEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private StaffEvents() {
    }

    /** A fresh copy of a fixture with headers, query and claims a test may change. */
    public static APIGatewayV2HTTPEvent load(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        event.setHeaders(new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders()));
        if (event.getQueryStringParameters() != null) {
            event.setQueryStringParameters(new HashMap<>(event.getQueryStringParameters()));
        }
        var jwt = event.getRequestContext().getAuthorizer().getJwt();
        jwt.setClaims(new HashMap<>(jwt.getClaims()));
        return event;
    }

    /** {@code caller} changing case {@code reference} at {@code /v1/cases/<reference>/<resource>}, with If-Match. */
    public static APIGatewayV2HTTPEvent caseChange(String fixture, Caller caller, String reference, String resource,
            String json, String ifMatch) {
        APIGatewayV2HTTPEvent event = path(as(load(fixture), caller), "reference", reference,
                "/v1/cases/" + reference + "/" + resource);
        return header(body(event, json), "If-Match", ifMatch);
    }

    /** The claims the authorizer verified for {@code caller}. */
    public static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, Caller caller) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", caller.personId());
        claims.put("custom:organisationId", caller.organisationId());
        claims.put("custom:role", caller.role().code());
        return event;
    }

    /** No authorizer context at all: what a handler would see if a route were left without the JWT authorizer. */
    public static APIGatewayV2HTTPEvent anonymous(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setAuthorizer(null);
        event.getHeaders().remove("authorization");
        return event;
    }

    public static APIGatewayV2HTTPEvent claim(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return event;
    }

    /** Points the event at another resource: path parameter {@code name} and the raw path after the stage. */
    public static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent event, String name, String value,
            String rawPathAfterStage) {
        Map<String, String> parameters = new HashMap<>(event.getPathParameters() == null ? Map.of()
                : event.getPathParameters());
        parameters.put(name, value);
        event.setPathParameters(parameters);
        String rawPath = "/" + event.getRequestContext().getStage() + rawPathAfterStage;
        event.setRawPath(rawPath);
        event.getRequestContext().getHttp().setPath(rawPath);
        return event;
    }

    public static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> query = event.getQueryStringParameters() == null
                ? new HashMap<>() : new HashMap<>(event.getQueryStringParameters());
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value);
        }
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setRawQueryString(String.join("&", query.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .toList()));
        return event;
    }

    public static APIGatewayV2HTTPEvent body(APIGatewayV2HTTPEvent event, String text) {
        event.setBody(text);
        event.setIsBase64Encoded(false);
        return header(event, "content-length", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length));
    }

    /** Sets a header as API Gateway passes it on: the name in lower case; {@code null} removes it. */
    public static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent event, String name, String value) {
        event.getHeaders().keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            event.getHeaders().put(name.toLowerCase(Locale.ROOT), value);
        }
        return event;
    }

    /**
     * The response, after checking that the request in the event and the response keep to {@code openapi.yaml}
     * (once the contract has the event's route).
     */
    public static APIGatewayV2HTTPResponse conforming(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        if (CONTRACT.operations().contains(event.getRouteKey())) {
            String stage = "/" + event.getRequestContext().getStage();
            String path = event.getRawPath().startsWith(stage) ? event.getRawPath().substring(stage.length())
                    : event.getRawPath();
            OpenApiContract.Exchange.Builder exchange = OpenApiContract.Exchange
                    .request(event.getRequestContext().getHttp().getMethod(), path)
                    .headers(event.getHeaders());
            if (event.getQueryStringParameters() != null) {
                event.getQueryStringParameters().forEach(exchange::query);
            }
            if (event.getBody() != null) {
                exchange.body(event.getBody());
            }
            CONTRACT.assertConforms(exchange.respond(response.getStatusCode(), response.getHeaders(),
                    response.getBody()));
        }
        return response;
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("the response body is not JSON: " + response.getBody(), e);
        }
    }

    /** Response headers looked up regardless of case, as HTTP clients do. */
    public static Map<String, String> headers(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        return headers;
    }
}
