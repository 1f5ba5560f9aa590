package kz.senim.messaging;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.ConversationFixture.ASTANA_RESPONDER;
import static kz.senim.messaging.ConversationFixture.NATIONAL_COORDINATOR;
import static kz.senim.messaging.ConversationFixture.SHELTER_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseStatus;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

class PostCaseMessageTest {

    private static final String QUESTION = "Are you safe now? Can you tell us the street of the site?";

    private final ConversationFixture world = new ConversationFixture();

    @Test
    void a_responder_of_an_alerted_organisation_asks_the_reporter_a_question() {
        ReportedCase reported = world.reportedCase(CaseStatus.ACKNOWLEDGED);

        PostCaseMessage.Outcome outcome = world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(),
                MessageKind.QUESTION, new MessageText(QUESTION));

        CaseMessage posted = ((PostCaseMessage.Outcome.Posted) outcome).message();
        assertThat(posted.direction()).isEqualTo(Direction.TO_REPORTER);
        assertThat(posted.kind()).isEqualTo(MessageKind.QUESTION);
        assertThat(posted.author()).isEqualTo(ALMATY_RESPONDER.actor());
        assertThat(posted.at()).isEqualTo(world.clock.instant());
        assertThat(world.conversations.forCase(reported.reference())).containsExactly(posted);
    }

    @Test
    void posting_is_audited_with_the_message_id_and_kind_and_never_the_text() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

        PostCaseMessage.Outcome.Posted posted = (PostCaseMessage.Outcome.Posted) world.postCaseMessage.post(
                SHELTER_COORDINATOR, reported.reference().value(), MessageKind.UPDATE,
                new MessageText("A shelter place is ready for you in Almaty."));

        assertThat(world.audit.entries(reported.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("message_posted");
            assertThat(entry.actor()).isEqualTo(SHELTER_COORDINATOR.actor());
            assertThat(entry.details()).isEqualTo(Map.of("messageId", posted.message().messageId().value(),
                    "kind", "update"));
            assertThat(entry.toString()).contains(posted.message().messageId().value())
                    .doesNotContain("shelter place");
        });
    }

    @Test
    void a_responder_of_another_region_gets_not_found_and_nothing_is_stored() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

        assertThat(world.postCaseMessage.post(ASTANA_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText(QUESTION))).isEqualTo(new PostCaseMessage.Outcome.NotFound());
        assertThat(world.conversations.all()).isEmpty();
        assertThat(world.audit.entries(reported.reference())).isEmpty();
        assertThat(world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText(QUESTION))).as("in scope").isInstanceOf(PostCaseMessage.Outcome.Posted.class);
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.entries(reported.reference())).hasSize(1);
    }

    @Test
    void an_unknown_or_malformed_reference_is_not_found() {
        assertThat(world.postCaseMessage.post(ALMATY_RESPONDER, "SN-0000-0000-0000", MessageKind.QUESTION,
                new MessageText(QUESTION))).isEqualTo(new PostCaseMessage.Outcome.NotFound());
        assertThat(world.postCaseMessage.post(ALMATY_RESPONDER, "not a reference", MessageKind.QUESTION,
                new MessageText(QUESTION))).isEqualTo(new PostCaseMessage.Outcome.NotFound());
    }

    @Test
    void a_national_coordinator_may_write_on_any_case() {
        ReportedCase reported = world.reportedCase(CaseStatus.RECEIVED);

        assertThat(world.postCaseMessage.post(NATIONAL_COORDINATOR, reported.reference().value(),
                MessageKind.QUESTION, new MessageText(QUESTION))).isInstanceOf(PostCaseMessage.Outcome.Posted.class);
    }

    @Test
    void a_closed_case_takes_no_new_message() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);
        world.close(reported);

        assertThat(world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.UPDATE,
                new MessageText("We are closing your case."))).isEqualTo(new PostCaseMessage.Outcome.CaseClosed());
        assertThat(world.conversations.all()).isEmpty();
        assertThat(world.audit.entries(reported.reference())).isEmpty();
        ReportedCase open = world.reportedCase(CaseStatus.IN_PROGRESS);
        assertThat(world.postCaseMessage.post(ALMATY_RESPONDER, open.reference().value(), MessageKind.UPDATE,
                new MessageText("Still open."))).as("an open case").isInstanceOf(PostCaseMessage.Outcome.Posted.class);
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void a_case_closed_between_reading_and_storing_is_refused_by_the_store() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);
        Conversations closingMeanwhile = new Conversations() {
            @Override
            public PostOutcome post(CaseMessage message, AuditEntry entry) {
                world.close(reported);
                return world.conversations.post(message, entry);
            }

            @Override
            public PostOutcome post(CaseMessage message, AuditEntry entry, kz.senim.cases.StaffKey key) {
                throw new AssertionError();
            }

            @Override
            public java.util.Optional<kz.senim.cases.StaffKey> staffKey(kz.senim.cases.Reference reference,
                    String keyHash) {
                throw new AssertionError();
            }

            @Override
            public ReplyStoreOutcome reply(CaseMessage message, ReplyKey key, AuditEntry entry) {
                throw new AssertionError();
            }

            @Override
            public java.util.Optional<ReplyKey> replyKey(kz.senim.cases.Reference reference, String keyHash) {
                throw new AssertionError();
            }

            @Override
            public java.util.List<CaseMessage> forCase(kz.senim.cases.Reference reference) {
                throw new AssertionError();
            }
        };
        PostCaseMessage post = new PostCaseMessage(world.cases,
                new kz.senim.access.CaseAccess(kz.senim.testing.FixedDirectory.seeded()), closingMeanwhile,
                world.random, world.clock);

        assertThat(post.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.UPDATE,
                new MessageText(QUESTION))).isEqualTo(new PostCaseMessage.Outcome.CaseClosed());
        assertThat(world.cases.find(reported.reference()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(world.conversations.all()).isEmpty();
    }

    @Test
    void responders_cannot_post_a_reply_in_the_reporters_name() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

        assertThatThrownBy(() -> world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(),
                MessageKind.REPLY, new MessageText(QUESTION))).isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageKind.fromResponderCode("reply")).isEmpty();
        assertThat(MessageKind.fromResponderCode("question")).contains(MessageKind.QUESTION);
    }
}
