package kz.senim.messaging.api;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.ConversationFixture.SHELTER_COORDINATOR;
import static kz.senim.messaging.api.MessagingEvents.body;
import static kz.senim.messaging.api.MessagingEvents.message;
import static kz.senim.messaging.api.MessagingEvents.reporterRead;
import static kz.senim.messaging.api.MessagingEvents.reporterReply;
import static kz.senim.messaging.api.MessagingEvents.responder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.ConversationFixture;
import kz.senim.messaging.Direction;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

/** A responder asks, the anonymous reporter reads and answers, and responders see the answer in the case. */
class ConversationRoundTripTest {

    private static final String QUESTION = "Сіз қазір қауіпсіз жердесіз бе? Жұмыс орнының көшесін айта аласыз ба?";
    private static final String ANSWER = "Иә, қауіпсізбін. Базар артындағы жатақхана, Райымбек даңғылы.";

    private final ConversationFixture world = new ConversationFixture();
    private final PostCaseMessageHandler post = new PostCaseMessageHandler(world.postCaseMessage);
    private final ReporterMessagesHandler read = new ReporterMessagesHandler(world.readReporterMessages);
    private final ReporterReplyHandler reply = new ReporterReplyHandler(world.replyAsReporter);

    @Test
    void question_then_the_reporter_reads_then_replies_then_responders_see_the_reply() {
        ReportedCase reported = world.reportedCase(CaseStatus.ACKNOWLEDGED);
        String reference = reported.reference().value();
        String receipt = reported.receipt().value();

        JsonNode posted = body(post.handleRequest(
                responder(ALMATY_RESPONDER, reference, message(QUESTION, "question")), null));
        world.clock.advance(Duration.ofMinutes(3));

        JsonNode inbox = body(read.handleRequest(reporterRead(reference, receipt), null));
        assertThat(inbox.path("messages")).singleElement().satisfies(m -> {
            assertThat(m.path("messageId").asText()).isEqualTo(posted.path("messageId").asText());
            assertThat(m.path("from").asText()).isEqualTo("responder");
            assertThat(m.path("text").asText()).isEqualTo(QUESTION);
        });

        JsonNode replied = body(reply.handleRequest(reporterReply(reference, receipt, "round-trip-key-000001",
                "{\"text\":\"" + ANSWER + "\"}"), null));
        world.clock.advance(Duration.ofMinutes(1));

        JsonNode after = body(read.handleRequest(reporterRead(reference, receipt), null));
        assertThat(after.path("messages")).hasSize(2);
        assertThat(after.path("messages").get(1).path("from").asText()).isEqualTo("you");
        assertThat(after.path("messages").get(1).path("kind").asText()).isEqualTo("reply");
        assertThat(after.path("messages").get(1).path("messageId").asText())
                .isEqualTo(replied.path("messageId").asText());

        List<CaseMessage> caseView = world.conversations.forCase(reported.reference());
        assertThat(caseView).extracting(CaseMessage::direction)
                .containsExactly(Direction.TO_REPORTER, Direction.FROM_REPORTER);
        assertThat(caseView.get(0).author()).isEqualTo(ALMATY_RESPONDER.actor());
        assertThat(caseView.get(1).author()).isEqualTo(new Actor.Reporter());
        assertThat(caseView.get(1).text()).isEqualTo(CaseText.plain(ANSWER));

        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted",
                "messages_read_by_reporter", "reporter_replied", "messages_read_by_reporter");
    }

    @Test
    void no_audit_entry_holds_any_message_text() {
        ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);
        String reference = reported.reference().value();
        post.handleRequest(responder(SHELTER_COORDINATOR, reference, message(QUESTION, "question")), null);
        reply.handleRequest(reporterReply(reference, reported.receipt().value(), "no-text-in-audit-0001",
                "{\"text\":\"" + ANSWER + "\"}"), null);
        read.handleRequest(reporterRead(reference, reported.receipt().value()), null);

        List<AuditEntry> entries = world.audit.entries(reported.reference());
        assertThat(entries).hasSize(3);
        for (AuditEntry entry : entries) {
            String everything = entry.toString() + entry.details();
            assertThat(everything).doesNotContain("қауіпсіз", "Базар", "жатақхана");
        }
        assertThat(entries).filteredOn(e -> e.actor() instanceof Actor.Reporter).hasSize(2);
    }
}
