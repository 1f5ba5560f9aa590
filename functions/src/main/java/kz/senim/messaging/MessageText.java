package kz.senim.messaging;

import kz.senim.cases.Text;

/**
 * What a person typed into a message, already valid: 1 to 2000 characters, not blank, no control characters but
 * line breaks and tabs (the narrative's rules). Never logged: {@link #toString()} hides it.
 */
public record MessageText(String value) {

    public static final String FIELD = "text";
    public static final int MAX_LENGTH = 2000;

    public MessageText {
        value = Text.required(FIELD, value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return "MessageText[hidden]";
    }
}
