package kz.senim.messaging;

import java.util.Arrays;
import java.util.Optional;

/** Which way a message goes between the responders of a case and its anonymous reporter. */
public enum Direction {
    TO_REPORTER("to_reporter"),
    FROM_REPORTER("from_reporter");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Direction> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
