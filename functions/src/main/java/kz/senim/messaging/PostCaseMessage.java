package kz.senim.messaging;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.CaseAccess;
import kz.senim.access.Caller;
import kz.senim.audit.Actor;
import kz.senim.audit.AuditEntry;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.casework.CaseFile;
import kz.senim.casework.Cases;

/**
 * A responder or coordinator asks the anonymous reporter a question or tells them about progress. The message and
 * its audit line (ids and kind, never the text) are stored together; a closed case takes no new messages.
 */
public final class PostCaseMessage {

    public static final String AUDIT_ACTION = "message_posted";

    private final Cases cases;
    private final CaseAccess access;
    private final Conversations conversations;
    private final SecureRandom random;
    private final Clock clock;

    public PostCaseMessage(Cases cases, CaseAccess access, Conversations conversations, SecureRandom random,
            Clock clock) {
        this.cases = cases;
        this.access = access;
        this.conversations = conversations;
        this.random = random;
        this.clock = clock;
    }

    public Outcome post(Caller caller, String referenceText, MessageKind kind, MessageText text) {
        if (kind == MessageKind.REPLY) {
            throw new IllegalArgumentException("responders post questions and updates");
        }
        Optional<CaseFile> file = access.visible(caller, Reference.parse(referenceText).flatMap(cases::find));
        if (file.isEmpty()) {
            return new Outcome.NotFound();
        }
        if (file.get().status() == CaseStatus.CLOSED) {
            return new Outcome.CaseClosed();
        }
        Reference reference = file.get().reference();
        Instant now = clock.instant();
        Actor.Person author = Actor.Person.of(caller);
        CaseMessage message = CaseMessage.toReporter(reference, MessageId.random(random), now, kind, author, text);
        AuditEntry entry = new AuditEntry(reference, message.at(), author, AUDIT_ACTION,
                Map.of("messageId", message.messageId().value(), "kind", kind.code()));
        return switch (conversations.post(message, entry)) {
            case Conversations.PostOutcome.Stored stored -> new Outcome.Posted(message);
            case Conversations.PostOutcome.CaseClosed closed -> new Outcome.CaseClosed();
            case Conversations.PostOutcome.CaseMissing missing -> new Outcome.NotFound();
        };
    }

    /** What posting a message came to. */
    public sealed interface Outcome {
        record Posted(CaseMessage message) implements Outcome { }

        /** Unknown case or not in the caller's scope: deliberately the same answer. */
        record NotFound() implements Outcome { }

        record CaseClosed() implements Outcome { }
    }
}
