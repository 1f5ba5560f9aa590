package kz.senim.messaging;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.i18n.Language;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

class ReadReporterMessagesTest {

    private final ConversationFixture world = new ConversationFixture();
    private final ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

    @Test
    void the_reporter_reads_the_status_and_the_whole_conversation_oldest_first() {
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText("Where are you now?"));
        world.clock.advance(Duration.ofMinutes(5));
        world.replyAsReporter.reply(reported.reference().value(), reported.receipt().value(),
                new IdempotencyKey("read-test-key-000001"), new MessageText("In Almaty, near the bazaar."));
        world.clock.advance(Duration.ofMinutes(5));
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.UPDATE,
                new MessageText("A social worker will call the hotline number you gave."));

        var found = (ReadReporterMessages.Outcome.Found) world.readReporterMessages.read(
                reported.reference().value(), reported.receipt().value());

        assertThat(found.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(found.reportLanguage()).isEqualTo(Language.RU);
        assertThat(found.messages()).extracting(CaseMessage::kind)
                .containsExactly(MessageKind.QUESTION, MessageKind.REPLY, MessageKind.UPDATE);
        assertThat(found.messages()).extracting(CaseMessage::isFromReporter).containsExactly(false, true, false);
    }

    @Test
    void messages_kept_sealed_are_opened_for_the_reporter_once_the_receipt_matched() {
        CaseContent.Sealing sealing = world.content.sealing(reported.reference());
        CaseText sealed = CaseText.stored(sealing.stored(CaseText.plain("Where are you now?")).orElseThrow());
        world.keys.keep(sealing.newKey().orElseThrow());
        CaseMessage message = CaseMessage.toReporter(reported.reference(), MessageId.random(world.random),
                world.clock.instant(), MessageKind.QUESTION, ALMATY_RESPONDER.actor(), new MessageText("unused"))
                .withText(typed -> sealed);
        world.conversations.post(message, AuditEntry.of(reported.reference(), world.clock.instant(),
                ALMATY_RESPONDER.actor(), "message_posted"));

        var found = (ReadReporterMessages.Outcome.Found) world.readReporterMessages.read(
                reported.reference().value(), reported.receipt().value());

        assertThat(world.conversations.all()).singleElement().extracting(CaseMessage::text).isEqualTo(sealed);
        assertThat(found.messages()).singleElement().extracting(CaseMessage::text)
                .isEqualTo(CaseText.plain("Where are you now?"));
    }

    @Test
    void each_read_is_audited_as_the_reporter() {
        world.readReporterMessages.read(reported.reference().value(), reported.receipt().value());

        assertThat(world.audit.entries(reported.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("messages_read_by_reporter");
            assertThat(entry.actor()).isEqualTo(new Actor.Reporter());
            assertThat(entry.details()).isEqualTo(Map.of("messages", "0"));
        });
    }

    @Test
    void a_wrong_receipt_reads_nothing_and_leaves_no_trace() {
        String otherReceipt = reported.receipt().value().equals("0000-0000-0000-0000-0000")
                ? "1111-1111-1111-1111-1111" : "0000-0000-0000-0000-0000";

        assertThat(world.readReporterMessages.read(reported.reference().value(), otherReceipt))
                .isEqualTo(new ReadReporterMessages.Outcome.NotFound());
        assertThat(world.readReporterMessages.read("SN-0000-0000-0000", reported.receipt().value()))
                .isEqualTo(new ReadReporterMessages.Outcome.NotFound());
        assertThat(world.audit.entries(reported.reference())).isEmpty();
        assertThat(world.readReporterMessages.read(reported.reference().value(), reported.receipt().value()))
                .as("with the receipt").isInstanceOf(ReadReporterMessages.Outcome.Found.class);
        assertThat(world.audit.actions(reported.reference())).containsExactly("messages_read_by_reporter");
    }
}
