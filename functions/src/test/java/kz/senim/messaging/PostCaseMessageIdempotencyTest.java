package kz.senim.messaging;

import static kz.senim.messaging.ConversationFixture.ALMATY_RESPONDER;
import static kz.senim.messaging.ConversationFixture.SHELTER_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.access.Caller;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.testing.ReportedCases.ReportedCase;
import org.junit.jupiter.api.Test;

/** A responder's message sent with an {@code Idempotency-Key}: retries store it once. */
class PostCaseMessageIdempotencyTest {

    private static final String QUESTION = "Are you safe now? Can you tell us the street of the site?";

    private final ConversationFixture world = new ConversationFixture();
    private final ReportedCase reported = world.reportedCase(CaseStatus.IN_PROGRESS);

    private PostCaseMessage.Outcome post(Caller caller, String key, MessageKind kind, String text) {
        return world.postCaseMessage.post(caller, reported.reference().value(), kind, new MessageText(text),
                Optional.of(new IdempotencyKey(key)));
    }

    private PostCaseMessage.Outcome post(String key, String text) {
        return post(ALMATY_RESPONDER, key, MessageKind.QUESTION, text);
    }

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_same_message_and_stores_nothing_new() {
        var first = (PostCaseMessage.Outcome.Posted) post("staff-msg-key-000001", QUESTION);
        world.clock.advance(Duration.ofSeconds(30));

        var retry = (PostCaseMessage.Outcome.Posted) post("staff-msg-key-000001", "  " + QUESTION + "\n");

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.message()).isEqualTo(first.message());
        assertThat(first.message().messageId()).isEqualTo(MessageId.forStaffMessage(reported.reference(),
                new IdempotencyKey("staff-msg-key-000001").hash()));
        assertThat(world.conversations.all()).containsExactly(first.message());
        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted");
    }

    @Test
    void eight_concurrent_retries_store_one_message_and_one_audit_entry() throws Exception {
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<PostCaseMessage.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return post("staff-msg-concurrent-1", QUESTION);
            });
        }
        List<PostCaseMessage.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<PostCaseMessage.Outcome>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<PostCaseMessage.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(PostCaseMessage.Outcome.Posted.class));
        assertThat(outcomes.stream().map(o -> ((PostCaseMessage.Outcome.Posted) o).message()).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !((PostCaseMessage.Outcome.Posted) o).replayed())).hasSize(1);
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted");
    }

    @Test
    void the_same_key_with_another_body_kind_or_person_is_refused_and_stores_nothing() {
        post("staff-msg-key-000002", QUESTION);

        assertThat(post("staff-msg-key-000002", "Another question entirely."))
                .isEqualTo(new PostCaseMessage.Outcome.KeyReused());
        assertThat(post(ALMATY_RESPONDER, "staff-msg-key-000002", MessageKind.UPDATE, QUESTION))
                .isEqualTo(new PostCaseMessage.Outcome.KeyReused());
        assertThat(post(SHELTER_COORDINATOR, "staff-msg-key-000002", MessageKind.QUESTION, QUESTION))
                .isEqualTo(new PostCaseMessage.Outcome.KeyReused());
        assertThat(world.conversations.all()).hasSize(1);
        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted");
    }

    @Test
    void a_retry_after_the_case_was_closed_still_answers_the_first_result_but_a_new_key_is_refused() {
        var first = (PostCaseMessage.Outcome.Posted) post("staff-msg-key-000003", QUESTION);
        world.close(reported);

        assertThat(post("staff-msg-key-000003", QUESTION))
                .isEqualTo(new PostCaseMessage.Outcome.Posted(first.message(), true));
        assertThat(post("staff-msg-key-000004", QUESTION)).isEqualTo(new PostCaseMessage.Outcome.CaseClosed());
        assertThat(world.conversations.all()).hasSize(1);
    }

    @Test
    void without_a_key_every_post_is_a_new_message() {
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText(QUESTION), Optional.empty());
        world.postCaseMessage.post(ALMATY_RESPONDER, reported.reference().value(), MessageKind.QUESTION,
                new MessageText(QUESTION));

        assertThat(world.conversations.all()).hasSize(2);
        assertThat(world.audit.actions(reported.reference())).containsExactly("message_posted", "message_posted");
    }
}
