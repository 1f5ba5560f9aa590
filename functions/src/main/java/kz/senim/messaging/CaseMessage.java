package kz.senim.messaging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.UnaryOperator;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;

/**
 * One message of a case's conversation with its anonymous reporter. Responders see the author; the reporter sees
 * only "a responder" or "you". {@code at} has millisecond precision, so stored order is the order of writing. The
 * text is plain as written, sealed as stored.
 */
public record CaseMessage(
        Reference reference,
        MessageId messageId,
        Instant at,
        Direction direction,
        MessageKind kind,
        Actor author,
        CaseText text) {

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public CaseMessage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        boolean fromReporter = direction == Direction.FROM_REPORTER;
        if (fromReporter != (kind == MessageKind.REPLY) || fromReporter != (author instanceof Actor.Reporter)) {
            throw new IllegalArgumentException("a reply comes from the reporter, anything else from a person");
        }
    }

    public static CaseMessage toReporter(Reference reference, MessageId id, Instant at, MessageKind kind,
            Actor.Person author, MessageText text) {
        return new CaseMessage(reference, id, at, Direction.TO_REPORTER, kind, author, CaseText.plain(text.value()));
    }

    public static CaseMessage fromReporter(Reference reference, MessageId id, Instant at, MessageText text) {
        return new CaseMessage(reference, id, at, Direction.FROM_REPORTER, MessageKind.REPLY, new Actor.Reporter(),
                CaseText.plain(text.value()));
    }

    /** The same message with its text changed by {@code change}: opened, say. */
    public CaseMessage withText(UnaryOperator<CaseText> change) {
        return new CaseMessage(reference, messageId, at, direction, kind, author, change.apply(text));
    }

    public boolean isFromReporter() {
        return direction == Direction.FROM_REPORTER;
    }

    /** {@code at} as ISO-8601 with exactly three fraction digits, so that text order is time order. */
    public String timestamp() {
        return format(at);
    }

    public static String format(Instant instant) {
        return FIXED_WIDTH.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public String toString() {
        return "CaseMessage[" + reference + ", " + messageId + ", " + direction.code() + ", " + kind.code() + "]";
    }
}
