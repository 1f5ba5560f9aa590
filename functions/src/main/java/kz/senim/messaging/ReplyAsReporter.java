package kz.senim.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.Sha256;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.StatusOutcome;

/**
 * The reporter answers the responders (or writes again, even after the case was closed: a victim may need help
 * again, and responders see the reply in the case). Mobile clients retry, so a reply carries an
 * {@link IdempotencyKey}: the message id is derived from it, and a retry with the same key and text returns the
 * first answer and stores nothing; the same key with another text is refused.
 */
public final class ReplyAsReporter {

    public static final String AUDIT_ACTION = "reporter_replied";

    private final ReporterAccess reporterAccess;
    private final Conversations conversations;
    private final Clock clock;

    public ReplyAsReporter(ReporterAccess reporterAccess, Conversations conversations, Clock clock) {
        this.reporterAccess = reporterAccess;
        this.conversations = conversations;
        this.clock = clock;
    }

    public Outcome reply(String referenceText, String receiptText, IdempotencyKey key, MessageText text) {
        if (!(reporterAccess.check(referenceText, receiptText) instanceof StatusOutcome.Found found)) {
            return new Outcome.NotFound();
        }
        Reference reference = found.reference();
        String keyHash = key.hash();
        String requestHash = Sha256.hex(text.value());
        Optional<ReplyKey> earlier = conversations.replyKey(reference, keyHash);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash);
        }
        Instant now = clock.instant();
        CaseMessage message = CaseMessage.fromReporter(reference, MessageId.forReply(reference, keyHash), now, text);
        ReplyKey record = new ReplyKey(keyHash, requestHash, message.messageId(), message.at());
        AuditEntry entry = new AuditEntry(reference, message.at(), new Actor.Reporter(), AUDIT_ACTION,
                Map.of("messageId", message.messageId().value(), "kind", MessageKind.REPLY.code(),
                        "caseStatus", found.status().code()));
        return switch (conversations.reply(message, record, entry)) {
            case Conversations.ReplyStoreOutcome.Stored stored ->
                    new Outcome.Accepted(message.messageId(), message.at(), false);
            case Conversations.ReplyStoreOutcome.KeyTaken taken -> replay(conversations.replyKey(reference, keyHash)
                    .orElseThrow(() -> new IllegalStateException("reply key vanished")), requestHash);
            case Conversations.ReplyStoreOutcome.CaseMissing missing -> new Outcome.NotFound();
        };
    }

    private static Outcome replay(ReplyKey earlier, String requestHash) {
        return earlier.requestHash().equals(requestHash)
                ? new Outcome.Accepted(earlier.messageId(), earlier.at(), true)
                : new Outcome.KeyReused();
    }


    /** What the reporter's reply came to. */
    public sealed interface Outcome {
        /** @param replayed true when this answers a retry of a reply already stored */
        record Accepted(MessageId messageId, Instant at, boolean replayed) implements Outcome { }

        /** Unknown reference or wrong receipt: deliberately the same answer. */
        record NotFound() implements Outcome { }

        /** The key was already used for a reply with another text; nothing was stored. */
        record KeyReused() implements Outcome { }
    }
}
