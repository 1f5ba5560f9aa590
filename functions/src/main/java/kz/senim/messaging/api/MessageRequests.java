package kz.senim.messaging.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.messaging.MessageId;
import kz.senim.messaging.MessageKind;
import kz.senim.messaging.MessageText;

/** The request parts of the messaging routes, decoded into valid values. Field and header names are the contract. */
final class MessageRequests {

    /** 2000 characters of up to 4 UTF-8 bytes each, JSON escapes and the kind fit with room to spare. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final Set<String> RESPONDER_FIELDS = Set.of("text", "kind");
    static final Set<String> REPLY_FIELDS = Set.of("text");
    static final List<String> RESPONDER_KINDS = List.of(MessageKind.QUESTION.code(), MessageKind.UPDATE.code());
    static final String REFERENCE = "reference";

    private MessageRequests() {
    }

    record ResponderMessage(MessageKind kind, MessageText text) {
    }

    static ResponderMessage responderMessage(HttpRequest request) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(RESPONDER_FIELDS);
        MessageText text = new MessageText(json.text(MessageText.FIELD));
        MessageKind kind = json.code("kind", MessageKind::fromResponderCode, RESPONDER_KINDS);
        return new ResponderMessage(kind, text);
    }

    static MessageText reply(HttpRequest request) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(REPLY_FIELDS);
        return new MessageText(json.text(MessageText.FIELD));
    }

    static ObjectNode created(MessageId messageId, String at) {
        return HttpResponses.JSON.createObjectNode().put("messageId", messageId.value()).put("at", at);
    }
}
