package kz.senim.messaging.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import kz.senim.access.Caller;
import kz.senim.testing.StaffEvents;

/** The messaging routes' API Gateway HTTP API (payload 2.0) fixtures, changed the way a client would. */
final class MessagingEvents {

    static final String POST_CASE_MESSAGE = "events/apigw-v2-post-case-message.json";
    static final String REPORTER_MESSAGES = "events/apigw-v2-reporter-messages.json";
    static final String REPORTER_REPLY = "events/apigw-v2-reporter-reply.json";
    static final ObjectMapper JSON = new ObjectMapper();

    private MessagingEvents() {
    }

    static APIGatewayV2HTTPEvent load(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        event.setHeaders(new HashMap<>(event.getHeaders()));
        return event;
    }

    /** A responder's request for {@code reference}, signed in as {@code caller}. */
    static APIGatewayV2HTTPEvent responder(Caller caller, String reference, String body) {
        APIGatewayV2HTTPEvent event = reference(load(POST_CASE_MESSAGE), reference, "/v1/cases/");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(
                new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims()));
        return body(StaffEvents.as(event, caller), body);
    }

    /** The same request as it would arrive without a verified token (the authorizer gave no claims). */
    static APIGatewayV2HTTPEvent withoutClaims(APIGatewayV2HTTPEvent event) {
        event.getRequestContext().setAuthorizer(null);
        return event;
    }

    static APIGatewayV2HTTPEvent reporterRead(String reference, String receipt) {
        return header(reference(load(REPORTER_MESSAGES), reference, "/v1/reports/"), "X-Receipt", receipt);
    }

    static APIGatewayV2HTTPEvent reporterReply(String reference, String receipt, String key, String body) {
        APIGatewayV2HTTPEvent event = reference(load(REPORTER_REPLY), reference, "/v1/reports/");
        header(event, "X-Receipt", receipt);
        header(event, "Idempotency-Key", key);
        return body(event, body);
    }

    static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent event, String name, String value) {
        return StaffEvents.header(event, name, value);
    }

    static APIGatewayV2HTTPEvent body(APIGatewayV2HTTPEvent event, String text) {
        return StaffEvents.body(event, text);
    }

    static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String name, String value) {
        event.setQueryStringParameters(Map.of(name, value));
        event.setRawQueryString(name + "=" + value);
        return event;
    }

    private static APIGatewayV2HTTPEvent reference(APIGatewayV2HTTPEvent event, String reference, String prefix) {
        return StaffEvents.path(event, "reference", reference, prefix + reference + "/messages");
    }

    /** {"text": ..., "kind": ...} as a client would write it; {@code kind} null leaves it out. */
    static String message(String text, String kind) {
        var node = JSON.createObjectNode().put("text", text);
        if (kind != null) {
            node.put("kind", kind);
        }
        return node.toString();
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        return StaffEvents.json(response);
    }

    static Map<String, String> headers(APIGatewayV2HTTPResponse response) {
        return StaffEvents.headers(response);
    }
}
