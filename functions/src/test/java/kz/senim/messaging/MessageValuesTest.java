package kz.senim.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Reference;
import org.junit.jupiter.api.Test;

class MessageValuesTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");

    @Test
    void message_text_follows_the_narrative_rules_with_a_limit_of_2000() {
        assertThat(new MessageText("  Salem! \n Qalaısyz?\t ").value()).isEqualTo("Salem! \n Qalaısyz?");
        assertThat(new MessageText("ы".repeat(2000)).value()).hasSize(2000);
        assertThat(new MessageText("😀".repeat(2000)).value()).hasSize(4000);
        assertThatThrownBy(() -> new MessageText("ы".repeat(2001))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.TOO_LONG));
        assertThatThrownBy(() -> new MessageText(" \n ")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violation()).isEqualTo(InvalidInput.Violation.BLANK));
        assertThatThrownBy(() -> new MessageText("bell\u0007")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("text"));
        assertThat(new MessageText("secret words").toString()).startsWith("MessageText").doesNotContain("secret");
    }

    @Test
    void message_ids_are_m_and_sixteen_crockford_symbols() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            assertThat(MessageId.random(random).value()).matches("M[0-9A-HJKMNP-TV-Z]{16}");
        }
        assertThat(MessageId.forReply(REFERENCE, "ab".repeat(32)))
                .isEqualTo(MessageId.forReply(REFERENCE, "ab".repeat(32)))
                .isNotEqualTo(MessageId.forReply(REFERENCE, "cd".repeat(32)))
                .isNotEqualTo(MessageId.forReply(new Reference("SN-0000-0000-0000"), "ab".repeat(32)));
    }

    @Test
    void timestamps_have_fixed_width_so_their_text_sorts_like_time() {
        assertThat(CaseMessage.format(Instant.parse("2026-11-23T12:00:00Z"))).isEqualTo("2026-11-23T12:00:00.000Z");
        assertThat(CaseMessage.format(Instant.parse("2026-11-23T12:00:00.5Z"))).isEqualTo("2026-11-23T12:00:00.500Z");
        assertThat(CaseMessage.format(Instant.parse("2026-11-23T12:00:00.123456Z")))
                .isEqualTo("2026-11-23T12:00:00.123Z");
    }

    @Test
    void a_message_never_shows_its_text_in_to_string() {
        CaseMessage message = CaseMessage.fromReporter(REFERENCE, MessageId.forReply(REFERENCE, "ab"),
                Instant.parse("2026-11-23T12:00:00Z"), new MessageText("my passport is at the boss's house"));

        assertThat(message.toString()).contains(REFERENCE.value()).doesNotContain("passport");
    }
}
