package kz.senim.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The case's conversation with its anonymous reporter, as responders see it with the case. The messaging feature's
 * store provides it; {@link #NONE} stands in where there is no conversation to show.
 */
@FunctionalInterface
public interface CaseMessages {

    CaseMessages NONE = reference -> List.of();

    /** The messages of the case, oldest first. */
    List<MessageLine> of(Reference reference);

    /**
     * @param direction {@code to_reporter} or {@code from_reporter}
     * @param kind      {@code question}, {@code update} or {@code reply}
     * @param author    who wrote it: a person's id for responders' messages, {@code reporter} for replies
     */
    record MessageLine(String messageId, Instant at, String direction, String kind, String author, CaseText text) {

        public MessageLine {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
        }

        /** The same line with its text changed by {@code change}: opened, say. */
        public MessageLine withText(UnaryOperator<CaseText> change) {
            return new MessageLine(messageId, at, direction, kind, author, change.apply(text));
        }

        @Override
        public String toString() {
            return "MessageLine[" + messageId + ", " + direction + ", " + kind + "]";
        }
    }
}
