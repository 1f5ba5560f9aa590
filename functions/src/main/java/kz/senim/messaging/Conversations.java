package kz.senim.messaging;

import java.util.List;
import java.util.Optional;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;

/** The messages between a case's responders and its anonymous reporter, kept with the case. */
public interface Conversations {

    /** At most this many messages are shown, the latest ones. */
    int MAX_SHOWN = 200;

    /**
     * Stores a responder's message and its audit entry together, only while the case exists, is neither closed nor
     * withdrawn, and is not being erased (a case closed between reading it and posting gets
     * {@link PostOutcome.CaseClosed}, and nothing is written).
     */
    PostOutcome post(CaseMessage message, AuditEntry entry);

    /**
     * As {@link #post(CaseMessage, AuditEntry)}, together with the record of the request's {@code Idempotency-Key}:
     * all of them or none. A key taken already gets {@link PostOutcome.KeyTaken}, and nothing is written.
     */
    PostOutcome post(CaseMessage message, AuditEntry entry, StaffKey key);

    /** The record of a responder's {@code Idempotency-Key} in the case, if a message was stored under it. */
    Optional<StaffKey> staffKey(Reference reference, String keyHash);

    /**
     * Stores a reporter's reply, the record of its idempotency key and its audit entry together, or none of them.
     * The case may be closed: a reporter may write again after closure; not once its receipt was erased
     * ({@link ReplyStoreOutcome.CaseMissing}).
     */
    ReplyStoreOutcome reply(CaseMessage message, ReplyKey key, AuditEntry entry);

    Optional<ReplyKey> replyKey(Reference reference, String keyHash);

    /**
     * The case's conversation, oldest first: every message both ways with its author, the latest {@link #MAX_SHOWN}.
     * For the responders' view of a case; the reporter's view leaves the authors out.
     */
    List<CaseMessage> forCase(Reference reference);

    sealed interface PostOutcome {
        record Stored() implements PostOutcome { }

        record CaseClosed() implements PostOutcome { }

        record CaseMissing() implements PostOutcome { }

        /** Another request under the same {@code Idempotency-Key} got there first; nothing was written. */
        record KeyTaken() implements PostOutcome { }
    }

    sealed interface ReplyStoreOutcome {
        record Stored() implements ReplyStoreOutcome { }

        /** A reply under the same key got there first; nothing was written. */
        record KeyTaken() implements ReplyStoreOutcome { }

        record CaseMissing() implements ReplyStoreOutcome { }
    }
}
