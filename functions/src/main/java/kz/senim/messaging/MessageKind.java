package kz.senim.messaging;

import java.util.Arrays;
import java.util.Optional;

/** What a message is: a responder's question or update to the reporter, or the reporter's reply. */
public enum MessageKind {
    QUESTION("question"),
    UPDATE("update"),
    REPLY("reply");

    private final String code;

    MessageKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MessageKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The kinds a responder may post; a reply comes only from the reporter. */
    public static Optional<MessageKind> fromResponderCode(String code) {
        return fromCode(code).filter(k -> k != REPLY);
    }
}
