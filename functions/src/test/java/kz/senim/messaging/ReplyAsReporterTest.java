package kz.senim.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.IdempotencyKey;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

class ReplyAsReporterTest {

    private static final String ANSWER = "I am at the dormitory behind the bazaar. They lock the gate at night.";

    private final ConversationFixture world = new ConversationFixture();
    private final ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

    private ReplyAsReporter.Outcome reply(String key, String text) {
        return world.replyAsReporter.reply(reported.reference().value(), reported.receipt().value(),
                new IdempotencyKey(key), new MessageText(text));
    }

    @Test
    void the_holder_of_the_receipt_replies_and_responders_see_it_from_the_reporter() {
        ReplyAsReporter.Outcome.Accepted accepted =
                (ReplyAsReporter.Outcome.Accepted) reply("reply-key-0000000001", ANSWER);

        assertThat(accepted.replayed()).isFalse();
        assertThat(world.conversations.forCase(reported.reference())).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(accepted.messageId());
            assertThat(message.direction()).isEqualTo(Direction.FROM_REPORTER);
            assertThat(message.kind()).isEqualTo(MessageKind.REPLY);
            assertThat(message.author()).isEqualTo(new Actor.Reporter());
            assertThat(message.text()).isEqualTo(CaseText.plain(ANSWER));
        });
    }

    @Test
    void the_reply_is_audited_as_the_reporter_without_its_text() {
        ReplyAsReporter.Outcome.Accepted accepted =
                (ReplyAsReporter.Outcome.Accepted) reply("reply-key-0000000002", ANSWER);

        assertThat(world.audit.entries(reported.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("reporter_replied");
            assertThat(entry.actor()).isEqualTo(new Actor.Reporter());
            assertThat(entry.details()).containsEntry("messageId", accepted.messageId().value())
                    .containsEntry("kind", "reply").containsEntry("caseStatus", "in_progress");
            assertThat(entry.details().values()).noneMatch(value -> value.contains("dormitory"));
        });
    }

    @Test
    void a_retry_with_the_same_key_and_text_returns_the_same_message_and_stores_nothing() {
        ReplyAsReporter.Outcome.Accepted first =
                (ReplyAsReporter.Outcome.Accepted) reply("reply-key-0000000003", ANSWER);
        world.clock.advance(Duration.ofSeconds(30));

        ReplyAsReporter.Outcome.Accepted retry =
                (ReplyAsReporter.Outcome.Accepted) reply("reply-key-0000000003", "  " + ANSWER + "\n");

        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(retry.at()).isEqualTo(first.at());
        assertThat(retry.replayed()).isTrue();
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("reporter_replied");
    }

    @Test
    void eight_concurrent_retries_store_one_reply() throws Exception {
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ReplyAsReporter.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return reply("reply-key-concurrent-01", ANSWER);
            });
        }
        List<ReplyAsReporter.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<ReplyAsReporter.Outcome>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ReplyAsReporter.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ReplyAsReporter.Outcome.Accepted.class));
        assertThat(outcomes.stream().map(o -> ((ReplyAsReporter.Outcome.Accepted) o).messageId()).distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> !((ReplyAsReporter.Outcome.Accepted) o).replayed())).hasSize(1);
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("reporter_replied");
    }

    @Test
    void the_same_key_with_another_text_is_refused_and_stores_nothing() {
        reply("reply-key-0000000004", ANSWER);

        assertThat(reply("reply-key-0000000004", "Something else entirely."))
                .isEqualTo(new ReplyAsReporter.Outcome.KeyReused());
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void a_wrong_receipt_or_an_unknown_reference_is_not_found_and_stores_nothing() {
        String otherReceipt = reported.receipt().value().equals("0000-0000-0000-0000-0000")
                ? "1111-1111-1111-1111-1111" : "0000-0000-0000-0000-0000";
        IdempotencyKey key = new IdempotencyKey("reply-key-0000000005");

        assertThat(world.replyAsReporter.reply(reported.reference().value(), otherReceipt, key,
                new MessageText(ANSWER))).isEqualTo(new ReplyAsReporter.Outcome.NotFound());
        assertThat(world.replyAsReporter.reply("SN-0000-0000-0000", reported.receipt().value(), key,
                new MessageText(ANSWER))).isEqualTo(new ReplyAsReporter.Outcome.NotFound());
        assertThat(world.conversations.all()).isEmpty();
        assertThat(world.audit.entries(reported.reference())).isEmpty();
        assertThat(reply("reply-key-0000000005", ANSWER)).as("with the receipt")
                .isInstanceOf(ReplyAsReporter.Outcome.Accepted.class);
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("reporter_replied");
    }

    @Test
    void a_reporter_may_write_again_after_the_case_was_closed_and_responders_see_it() {
        world.close(reported);

        assertThat(reply("reply-key-0000000006", "They came back for me. Please help."))
                .isInstanceOf(ReplyAsReporter.Outcome.Accepted.class);
        assertThat(world.conversations.forCase(reported.reference())).singleElement()
                .extracting(CaseMessage::text).isEqualTo(CaseText.plain("They came back for me. Please help."));
    }

    @Test
    void the_message_id_comes_from_the_key_and_the_case_so_another_case_gets_another_id() {
        ReportedCase other = world.reportedCase(CaseStatus.IN_PROGRESS);
        IdempotencyKey key = new IdempotencyKey("reply-key-shared-0001");

        var here = (ReplyAsReporter.Outcome.Accepted) world.replyAsReporter.reply(reported.reference().value(),
                reported.receipt().value(), key, new MessageText(ANSWER));
        var there = (ReplyAsReporter.Outcome.Accepted) world.replyAsReporter.reply(other.reference().value(),
                other.receipt().value(), key, new MessageText(ANSWER));

        assertThat(here.messageId()).isEqualTo(MessageId.forReply(reported.reference(), key.hash()));
        assertThat(there.messageId()).isNotEqualTo(here.messageId());
        assertThat(there.replayed()).isFalse();
    }
}
