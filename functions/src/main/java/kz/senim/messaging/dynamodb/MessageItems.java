package kz.senim.messaging.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.Direction;
import kz.senim.messaging.MessageId;
import kz.senim.messaging.MessageKind;
import kz.senim.messaging.ReplyKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a conversation, in the case's partition: a message ({@code sk=MESSAGE#<at>#<messageId>}, so a query
 * returns the conversation in order; its {@code text} sealed, none once erased) and, for each reporter's reply, the record of its idempotency key
 * ({@code sk=REPLYKEY#<sha256(key)>}).
 */
final class MessageItems {

    static final String MESSAGE_PREFIX = "MESSAGE#";
    static final String REPLY_KEY_PREFIX = "REPLYKEY#";
    static final String KIND_MESSAGE = "MESSAGE";
    static final String KIND_REPLY_KEY = "REPLY_KEY";
    static final String REFERENCE = "reference";
    static final String MESSAGE_ID = "messageId";
    static final String AT = "at";
    static final String DIRECTION = "direction";
    static final String MESSAGE_KIND = "messageKind";
    static final String TEXT = "text";
    static final String AUTHOR_TYPE = "authorType";
    static final String AUTHOR_PERSON = "authorPersonId";
    static final String AUTHOR_ORGANISATION = "authorOrganisationId";
    static final String AUTHOR_ROLE = "authorRole";
    static final String REQUEST_HASH = "requestHash";
    static final String AUTHOR_PERSON_TYPE = "person";
    static final String AUTHOR_REPORTER_TYPE = "reporter";

    private MessageItems() {
    }

    static Map<String, AttributeValue> toItem(CaseMessage message, ContentWrites.Write write) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CasesTable.PK, s(CasesTable.casePartition(message.reference())));
        item.put(CasesTable.SK, s(MESSAGE_PREFIX + message.timestamp() + "#" + message.messageId().value()));
        item.put(CasesTable.KIND, s(KIND_MESSAGE));
        item.put(REFERENCE, s(message.reference().value()));
        item.put(MESSAGE_ID, s(message.messageId().value()));
        item.put(AT, s(message.timestamp()));
        item.put(DIRECTION, s(message.direction().code()));
        item.put(MESSAGE_KIND, s(message.kind().code()));
        write.put(item, TEXT, message.text());
        switch (message.author()) {
            case Actor.Person person -> {
                item.put(AUTHOR_TYPE, s(AUTHOR_PERSON_TYPE));
                item.put(AUTHOR_PERSON, s(person.personId()));
                item.put(AUTHOR_ORGANISATION, s(person.organisationId()));
                item.put(AUTHOR_ROLE, s(person.role()));
            }
            case Actor.Reporter reporter -> item.put(AUTHOR_TYPE, s(AUTHOR_REPORTER_TYPE));
            default -> throw new IllegalArgumentException("messages come from a person or the reporter");
        }
        return item;
    }

    static CaseMessage fromItem(Map<String, AttributeValue> item) {
        Actor author = AUTHOR_PERSON_TYPE.equals(item.get(AUTHOR_TYPE).s())
                ? new Actor.Person(item.get(AUTHOR_PERSON).s(), item.get(AUTHOR_ORGANISATION).s(),
                        item.get(AUTHOR_ROLE).s())
                : new Actor.Reporter();
        return new CaseMessage(
                new Reference(item.get(REFERENCE).s()),
                new MessageId(item.get(MESSAGE_ID).s()),
                Instant.parse(item.get(AT).s()),
                Direction.fromCode(item.get(DIRECTION).s()).orElseThrow(),
                MessageKind.fromCode(item.get(MESSAGE_KIND).s()).orElseThrow(),
                author,
                item.containsKey(TEXT) ? CaseText.stored(item.get(TEXT).s()) : new CaseText.Erased());
    }

    static Map<String, AttributeValue> replyKeyKey(Reference reference, String keyHash) {
        return Map.of(CasesTable.PK, s(CasesTable.casePartition(reference)),
                CasesTable.SK, s(REPLY_KEY_PREFIX + keyHash));
    }

    static Map<String, AttributeValue> toItem(Reference reference, ReplyKey key) {
        Map<String, AttributeValue> item = new HashMap<>(replyKeyKey(reference, key.keyHash()));
        item.put(CasesTable.KIND, s(KIND_REPLY_KEY));
        item.put(REFERENCE, s(reference.value()));
        item.put(MESSAGE_ID, s(key.messageId().value()));
        item.put(AT, s(CaseMessage.format(key.at())));
        item.put(REQUEST_HASH, s(key.requestHash()));
        return item;
    }

    static ReplyKey replyKeyFromItem(String keyHash, Map<String, AttributeValue> item) {
        return new ReplyKey(keyHash, item.get(REQUEST_HASH).s(), new MessageId(item.get(MESSAGE_ID).s()),
                Instant.parse(item.get(AT).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
