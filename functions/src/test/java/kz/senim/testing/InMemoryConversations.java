package kz.senim.testing;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.cases.StorageUnavailable;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.ReplyKey;

/**
 * Conversations in memory with the rules of the DynamoDB transaction: the case must exist (and be open for a
 * responder's message), a reply key is taken once (and keeps its time to the millisecond, as the item does), and the
 * message, its key and its audit entry are stored together. {@code ConversationsContract} holds it to the adapter.
 */
public final class InMemoryConversations implements Conversations {

    private final InMemoryCases cases;
    private final InMemoryAuditTrail audit;
    private final List<CaseMessage> messages = new ArrayList<>();
    private final Map<String, ReplyKey> replyKeys = new HashMap<>();
    private final Map<String, StaffKey> staffKeys = new HashMap<>();
    private boolean unavailable;

    public InMemoryConversations(InMemoryCases cases, InMemoryAuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public synchronized PostOutcome post(CaseMessage message, AuditEntry entry) {
        failIfUnavailable();
        Optional<CaseFile> file = cases.find(message.reference());
        if (file.isEmpty()) {
            return new PostOutcome.CaseMissing();
        }
        if (file.get().status().ended()) {
            return new PostOutcome.CaseClosed();
        }
        messages.add(message);
        audit.record(entry);
        return new PostOutcome.Stored();
    }

    @Override
    public synchronized PostOutcome post(CaseMessage message, AuditEntry entry, StaffKey key) {
        failIfUnavailable();
        if (staffKeys.containsKey(id(message.reference(), key.keyHash()))) {
            return new PostOutcome.KeyTaken();
        }
        PostOutcome outcome = post(message, entry);
        if (outcome instanceof PostOutcome.Stored) {
            staffKeys.put(id(message.reference(), key.keyHash()), key);
        }
        return outcome;
    }

    @Override
    public synchronized Optional<StaffKey> staffKey(Reference reference, String keyHash) {
        failIfUnavailable();
        return Optional.ofNullable(staffKeys.get(id(reference, keyHash)));
    }

    @Override
    public synchronized ReplyStoreOutcome reply(CaseMessage message, ReplyKey key, AuditEntry entry) {
        failIfUnavailable();
        if (cases.find(message.reference()).isEmpty()) {
            return new ReplyStoreOutcome.CaseMissing();
        }
        if (replyKeys.containsKey(id(message.reference(), key.keyHash()))) {
            return new ReplyStoreOutcome.KeyTaken();
        }
        replyKeys.put(id(message.reference(), key.keyHash()), new ReplyKey(key.keyHash(), key.requestHash(),
                key.messageId(), key.at().truncatedTo(ChronoUnit.MILLIS)));
        messages.add(message);
        audit.record(entry);
        return new ReplyStoreOutcome.Stored();
    }

    @Override
    public synchronized Optional<ReplyKey> replyKey(Reference reference, String keyHash) {
        failIfUnavailable();
        return Optional.ofNullable(replyKeys.get(id(reference, keyHash)));
    }

    @Override
    public synchronized List<CaseMessage> forCase(Reference reference) {
        failIfUnavailable();
        List<CaseMessage> conversation = messages.stream()
                .filter(m -> m.reference().equals(reference))
                .sorted(Comparator.comparing(CaseMessage::timestamp).thenComparing(m -> m.messageId().value()))
                .toList();
        return List.copyOf(conversation.subList(Math.max(0, conversation.size() - MAX_SHOWN), conversation.size()));
    }

    /** Every message stored, of every case, in the order they were stored. */
    public synchronized List<CaseMessage> all() {
        return List.copyOf(messages);
    }

    public synchronized void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new StorageUnavailable("test: storage unavailable", null);
        }
    }

    private static String id(Reference reference, String keyHash) {
        return reference.value() + "|" + keyHash;
    }
}
