package kz.senim.messaging;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;

/**
 * A responder or coordinator asks the anonymous reporter a question or tells them about progress. The message and
 * its audit line (ids and kind, never the text) are stored together; a closed case takes no new messages.
 *
 * <p>Sent with an {@link IdempotencyKey}, the message id is derived from the key and the key's record is stored in
 * the same transaction: a retry by the same person with the same kind and text answers the first result again (even
 * if the case was closed since) and stores nothing; the same key with another request is refused.
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
        return post(caller, referenceText, kind, text, Optional.empty());
    }

    public Outcome post(Caller caller, String referenceText, MessageKind kind, MessageText text,
            Optional<IdempotencyKey> key) {
        if (kind == MessageKind.REPLY) {
            throw new IllegalArgumentException("responders post questions and updates");
        }
        Optional<CaseFile> file = access.visible(caller, Reference.parse(referenceText).flatMap(cases::find));
        if (file.isEmpty()) {
            return new Outcome.NotFound();
        }
        Reference reference = file.get().reference();
        Actor.Person author = caller.actor();
        String keyHash = key.map(IdempotencyKey::hash).orElse(null);
        String requestHash = StaffKey.requestHash(AUDIT_ACTION, caller.personId(), caller.organisationId(), kind.code(), text.value());
        if (keyHash != null) {
            Optional<StaffKey> earlier = conversations.staffKey(reference, keyHash);
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash, reference, kind, author, text);
            }
        }
        if (file.get().status().ended()) {
            return new Outcome.CaseClosed();
        }
        Instant now = clock.instant();
        MessageId id = keyHash == null ? MessageId.random(random) : MessageId.forStaffMessage(reference, keyHash);
        CaseMessage message = CaseMessage.toReporter(reference, id, now, kind, author, text);
        AuditEntry entry = new AuditEntry(reference, message.at(), author, AUDIT_ACTION,
                Map.of("messageId", message.messageId().value(), "kind", kind.code()));
        Conversations.PostOutcome stored = keyHash == null ? conversations.post(message, entry)
                : conversations.post(message, entry,
                        new StaffKey(keyHash, requestHash, message.messageId().value(), message.at()));
        return switch (stored) {
            case Conversations.PostOutcome.Stored ok -> new Outcome.Posted(message);
            case Conversations.PostOutcome.CaseClosed closed -> new Outcome.CaseClosed();
            case Conversations.PostOutcome.CaseMissing missing -> new Outcome.NotFound();
            case Conversations.PostOutcome.KeyTaken taken -> replay(conversations.staffKey(reference, keyHash)
                            .orElseThrow(() -> new IllegalStateException("message key vanished")), requestHash,
                    reference, kind, author, text);
        };
    }

    /** The first result again, as it was answered, or a refusal if the key was used for another request. */
    private static Outcome replay(StaffKey earlier, String requestHash, Reference reference, MessageKind kind,
            Actor.Person author, MessageText text) {
        if (!earlier.sameRequest(requestHash)) {
            return new Outcome.KeyReused();
        }
        return new Outcome.Posted(CaseMessage.toReporter(reference, new MessageId(earlier.createdId()),
                earlier.at(), kind, author, text), true);
    }

    /** What posting a message came to. */
    public sealed interface Outcome {
        /** @param replayed true when this answers a retry of a message already stored under the same key */
        record Posted(CaseMessage message, boolean replayed) implements Outcome {
            public Posted(CaseMessage message) {
                this(message, false);
            }
        }

        /** Unknown case or not in the caller's scope: deliberately the same answer. */
        record NotFound() implements Outcome { }

        record CaseClosed() implements Outcome { }

        /** The {@code Idempotency-Key} was used for another request; nothing was stored. */
        record KeyReused() implements Outcome { }
    }
}
