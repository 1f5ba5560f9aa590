package kz.senim.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.messaging.Conversations.PostOutcome;
import kz.senim.messaging.Conversations.ReplyStoreOutcome;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.Racers;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Conversations} store does, run against the in-memory fake
 * ({@code InMemoryConversationsContractTest}) and the DynamoDB adapter on DynamoDB Local ({@code DynamoDbConversationsContractIT}): a responder's message only to
 * an open case, a reporter's reply to any case that exists, each with its audit entry and its key, all or nothing;
 * a key is taken once; the conversation is oldest first and bounded to the latest {@link Conversations#MAX_SHOWN}.
 * A case its reporter withdrew takes no responder's message, as a closed one; texts come back as typed once opened
 * (the adapter keeps them sealed).
 */
public abstract class ConversationsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Actor.Person AIGERIM = new Actor.Person("person-aigerim", "kz-75-commission", "responder");

    /** The cases table the store under test keeps its items in; the store is {@code table().conversations()}. */
    protected abstract CasesTableFixture table();

    private Conversations conversations() {
        return table().conversations();
    }

    private AuditTrail audit() {
        return table().audit();
    }

    private void store(CaseFile file) {
        table().store(file);
    }

    /** The case's conversation, its texts opened as the case view opens them (the adapter keeps them sealed). */
    private List<CaseMessage> conversation(Reference reference) {
        return conversations().forCase(reference).stream()
                .map(message -> message.withText(table().content().opening(reference)::open)).toList();
    }

    // --- a responder's message ------------------------------------------------------------------------------------

    @Test
    void a_responders_message_to_an_open_case_is_stored_with_its_audit_entry() {
        Reference reference = openCase();
        CaseMessage question = question(reference, NOON, "Вы сейчас в безопасности?");

        assertThat(conversations().post(question, posted(question))).isEqualTo(new PostOutcome.Stored());

        assertThat(conversation(reference)).containsExactly(question);
        assertThat(audit().entries(reference)).containsExactly(posted(question));
    }

    @Test
    void a_closed_case_takes_no_responders_message_and_nothing_is_written() {
        Reference reference = closedCase();
        CaseMessage late = question(reference, NOON, "Closing.");
        CaseMessage keyed = question(reference, NOON.plusSeconds(1), "Closing, keyed.");

        assertThat(conversations().post(late, posted(late))).isEqualTo(new PostOutcome.CaseClosed());
        assertThat(conversations().post(keyed, posted(keyed), staffKey("staff-key", keyed)))
                .isEqualTo(new PostOutcome.CaseClosed());

        assertThat(conversation(reference)).isEmpty();
        assertThat(audit().entries(reference)).isEmpty();
        assertThat(conversations().staffKey(reference, "staff-key")).isEmpty();
        CaseMessage reply = reply(reference, NOON.plusSeconds(2), "They came back.");
        assertThat(conversations().reply(reply, replyKey("reply-key", reply), replied(reply)))
                .as("the case is there: the reporter may still write").isEqualTo(new ReplyStoreOutcome.Stored());
        assertThat(conversation(reference)).containsExactly(reply);
        assertThat(audit().entries(reference)).containsExactly(replied(reply));
    }

    @Test
    void a_case_its_reporter_withdrew_takes_no_responders_message_and_nothing_is_written() {
        CaseFile open = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON.minusSeconds(3600));
        store(withdrawn(open));
        CaseMessage late = question(open.reference(), NOON, "Are you there?");
        CaseMessage keyed = question(open.reference(), NOON.plusSeconds(1), "Are you there, keyed?");
        Reference stillOpen = openCase();
        CaseMessage there = question(stillOpen, NOON, "Are you there?");

        assertThat(conversations().post(late, posted(late))).isEqualTo(new PostOutcome.CaseClosed());
        assertThat(conversations().post(keyed, posted(keyed), staffKey("staff-key", keyed)))
                .isEqualTo(new PostOutcome.CaseClosed());
        assertThat(conversations().post(there, posted(there))).as("guard: an open case").isEqualTo(
                new PostOutcome.Stored());

        assertThat(conversation(open.reference())).isEmpty();
        assertThat(audit().entries(open.reference())).isEmpty();
        assertThat(conversations().staffKey(open.reference(), "staff-key")).isEmpty();
        assertThat(conversation(stillOpen)).containsExactly(there);
    }

    @Test
    void a_case_nobody_stored_takes_no_message_at_all() {
        Reference missing = Reference.random(RANDOM);
        CaseMessage question = question(missing, NOON, "Anyone?");
        CaseMessage reply = reply(missing, NOON, "Hello?");

        assertThat(conversations().post(question, posted(question))).isEqualTo(new PostOutcome.CaseMissing());
        assertThat(conversations().post(question, posted(question), staffKey("staff-key", question)))
                .isEqualTo(new PostOutcome.CaseMissing());
        assertThat(conversations().reply(reply, replyKey("reply-key", reply), replied(reply)))
                .isEqualTo(new ReplyStoreOutcome.CaseMissing());

        assertThat(conversation(missing)).isEmpty();
        assertThat(audit().entries(missing)).isEmpty();
        assertThat(conversations().staffKey(missing, "staff-key")).isEmpty();
        assertThat(conversations().replyKey(missing, "reply-key")).isEmpty();
        Reference open = openCase();
        CaseMessage there = question(open, NOON, "Anyone?");
        assertThat(conversations().post(there, posted(there), staffKey("staff-key", there))).as("a stored case")
                .isEqualTo(new PostOutcome.Stored());
        assertThat(conversations().staffKey(open, "staff-key")).isPresent();
    }

    @Test
    void a_responders_key_is_taken_once_with_its_message_and_a_second_use_writes_nothing() {
        Reference reference = openCase();
        CaseMessage first = question(reference, NOON, "first");
        CaseMessage second = question(reference, NOON.plusSeconds(1), "second");
        StaffKey key = staffKey("staff-key", first);

        assertThat(conversations().post(first, posted(first), key)).isEqualTo(new PostOutcome.Stored());
        assertThat(conversations().post(second, posted(second), staffKey("staff-key", second)))
                .isEqualTo(new PostOutcome.KeyTaken());

        assertThat(conversations().staffKey(reference, "staff-key")).contains(key);
        assertThat(conversation(reference)).containsExactly(first);
        assertThat(audit().entries(reference)).containsExactly(posted(first));
    }

    @Test
    void a_taken_responders_key_is_told_before_a_closed_case() {
        CaseFile open = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON);
        store(open);
        CaseMessage first = question(open.reference(), NOON, "first");
        conversations().post(first, posted(first), staffKey("staff-key", first));
        store(closed(open));
        CaseMessage retry = question(open.reference(), NOON.plusSeconds(1), "first");

        assertThat(conversations().post(retry, posted(retry), staffKey("staff-key", retry)))
                .isEqualTo(new PostOutcome.KeyTaken());
        assertThat(conversation(open.reference())).containsExactly(first);
    }

    // --- a reporter's reply ---------------------------------------------------------------------------------------

    @Test
    void a_reporters_reply_is_stored_with_its_key_and_audit_entry_and_the_key_is_taken_once() {
        Reference reference = openCase();
        CaseMessage reply = reply(reference, NOON, "Да. Общежитие за базаром.");
        CaseMessage again = reply(reference, NOON.plusSeconds(5), "Да. Общежитие за базаром.");
        ReplyKey key = replyKey("reply-key", reply);

        assertThat(conversations().reply(reply, key, replied(reply))).isEqualTo(new ReplyStoreOutcome.Stored());
        assertThat(conversations().reply(again, replyKey("reply-key", again), replied(again)))
                .isEqualTo(new ReplyStoreOutcome.KeyTaken());

        assertThat(conversations().replyKey(reference, "reply-key")).contains(key);
        assertThat(conversation(reference)).containsExactly(reply);
        assertThat(audit().entries(reference)).containsExactly(replied(reply));
    }

    @Test
    void a_reply_key_keeps_its_time_to_the_millisecond() {
        Reference reference = openCase();
        CaseMessage reply = reply(reference, NOON.plusNanos(1_234_567), "text");
        ReplyKey key = new ReplyKey("reply-key", "request-hash", reply.messageId(), NOON.plusNanos(1_234_567));

        conversations().reply(reply, key, replied(reply));

        assertThat(conversations().replyKey(reference, "reply-key")).contains(new ReplyKey("reply-key",
                "request-hash", reply.messageId(), NOON.plusMillis(1)));
    }

    @Test
    void a_key_belongs_to_its_case_and_to_its_kind() {
        Reference reference = openCase();
        Reference other = openCase();
        CaseMessage question = question(reference, NOON, "question");
        CaseMessage reply = reply(reference, NOON.plusSeconds(1), "reply");
        conversations().post(question, posted(question), staffKey("staff-key", question));
        conversations().reply(reply, replyKey("reply-key", reply), replied(reply));

        assertThat(conversations().staffKey(reference, "staff-key")).isPresent();
        assertThat(conversations().replyKey(reference, "reply-key")).isPresent();
        assertThat(conversations().staffKey(other, "staff-key")).isEmpty();
        assertThat(conversations().replyKey(other, "reply-key")).isEmpty();
        assertThat(conversations().staffKey(reference, "reply-key")).isEmpty();
        assertThat(conversations().replyKey(reference, "staff-key")).isEmpty();
    }

    @Test
    void of_retries_racing_under_one_key_exactly_one_is_stored() throws Exception {
        Reference reference = openCase();
        CaseMessage reply = reply(reference, NOON, "Please help.");
        CaseMessage question = question(reference, NOON.plusSeconds(1), "Where are you?");

        List<ReplyStoreOutcome> replies = Racers.race(6, () -> conversations().reply(reply,
                replyKey("reply-key", reply), replied(reply)));
        List<PostOutcome> posts = Racers.race(6, () -> conversations().post(question, posted(question),
                staffKey("staff-key", question)));

        assertThat(replies).filteredOn(o -> o instanceof ReplyStoreOutcome.Stored).hasSize(1);
        assertThat(replies).filteredOn(o -> o instanceof ReplyStoreOutcome.KeyTaken).hasSize(5);
        assertThat(posts).filteredOn(o -> o instanceof PostOutcome.Stored).hasSize(1);
        assertThat(posts).filteredOn(o -> o instanceof PostOutcome.KeyTaken).hasSize(5);
        assertThat(conversation(reference)).containsExactly(reply, question);
        assertThat(audit().entries(reference)).containsExactly(replied(reply), posted(question));
    }

    // --- the conversation -----------------------------------------------------------------------------------------

    @Test
    void a_conversation_is_its_cases_messages_both_ways_oldest_first_to_the_millisecond() {
        Reference reference = openCase();
        Reference other = openCase();
        CaseMessage later = question(reference, NOON.plusSeconds(1), "at 12:00:01");
        CaseMessage first = question(reference, NOON, "at noon");
        CaseMessage reply = reply(reference, NOON.plusMillis(500), "at 12:00:00.500");
        CaseMessage soon = question(reference, NOON.plusMillis(5), "at 12:00:00.005");
        CaseMessage elsewhere = question(other, NOON.plusMillis(1), "another case");
        for (CaseMessage message : List.of(later, first, soon, elsewhere)) {
            conversations().post(message, posted(message));
        }
        conversations().reply(reply, replyKey("reply-key", reply), replied(reply));

        assertThat(conversation(reference)).containsExactly(first, soon, reply, later);
        assertThat(conversation(other)).containsExactly(elsewhere);
    }

    @Test
    void a_conversation_shows_only_its_latest_messages() {
        Reference reference = openCase();
        List<CaseMessage> all = new ArrayList<>();
        for (int i = 0; i < Conversations.MAX_SHOWN + 3; i++) {
            CaseMessage message = question(reference, NOON.plusSeconds(i), "message " + i);
            conversations().post(message, posted(message));
            all.add(message);
        }

        assertThat(conversation(reference))
                .containsExactlyElementsOf(all.subList(3, Conversations.MAX_SHOWN + 3));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Reference openCase() {
        CaseFile file = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON.minusSeconds(3600));
        store(file);
        return file.reference();
    }

    private Reference closedCase() {
        CaseFile file = closed(CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON.minusSeconds(3600)));
        store(file);
        return file.reference();
    }

    private static CaseFile closed(CaseFile file) {
        return new CaseFile(file.reference(), file.submission(), file.severity(), CaseStatus.CLOSED,
                file.version() + 1, Optional.of("kz-75-commission"), file.assignee(), file.involvedOrganisations(),
                Optional.of(ClosingOutcome.ASSISTED), Optional.empty(), file.submittedAt(), NOON.minusSeconds(60));
    }

    /** The case as a withdrawal leaves it: withdrawn by its reporter, what was typed erased. */
    private static CaseFile withdrawn(CaseFile file) {
        return new CaseFile(file.reference(), file.submission().withTexts(text -> new CaseText.Erased()),
                file.severity(), CaseStatus.WITHDRAWN_BY_REPORTER, file.version() + 1, file.takenBy(),
                file.assignee(), file.involvedOrganisations(), file.outcome(), Optional.empty(), file.submittedAt(),
                NOON.minusSeconds(60));
    }

    private static CaseMessage question(Reference reference, Instant at, String text) {
        return CaseMessage.toReporter(reference, MessageId.random(RANDOM), at, MessageKind.QUESTION, AIGERIM,
                new MessageText(text));
    }

    private static CaseMessage reply(Reference reference, Instant at, String text) {
        return CaseMessage.fromReporter(reference, MessageId.forReply(reference, "reply-key"), at,
                new MessageText(text));
    }

    private static AuditEntry posted(CaseMessage message) {
        return AuditEntry.of(message.reference(), message.at(), AIGERIM, "message_posted");
    }

    private static AuditEntry replied(CaseMessage message) {
        return AuditEntry.of(message.reference(), message.at(), new Actor.Reporter(), "reporter_replied");
    }

    private static StaffKey staffKey(String keyHash, CaseMessage message) {
        return new StaffKey(keyHash, "request-" + message.text().hashCode(), message.messageId().value(),
                message.at());
    }

    private static ReplyKey replyKey(String keyHash, CaseMessage message) {
        return new ReplyKey(keyHash, "request-" + message.text().hashCode(), message.messageId(), message.at());
    }
}
