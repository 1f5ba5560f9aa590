package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The long signed links alerts carried before short links keep working until they expire, and only they. */
class SignedLinksTest {

    private static final String ALERT_ID = "SN-7Q2K-9M4D-XW3P.kz-75-commission";
    private static final String LINK_ID = "nzpsHS5LWml4h5altMPS4Q";

    private final MutableClock clock = MutableClock.atNoon();
    private final SignedLinks links = new SignedLinks(() -> SignedTokens.KEY, clock);
    private final Instant expiry = clock.instant().plus(Duration.ofHours(24));
    private final String token = SignedTokens.token(SignedTokens.KEY, ALERT_ID, expiry, LINK_ID);

    @Test
    void a_token_of_before_names_its_alert_and_one_time_id_until_it_expires() {
        assertThat(links.verify(token)).contains(new AcknowledgementLinks.Link(ALERT_ID, LINK_ID, expiry,
                Optional.empty()));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(links.verify(token)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void a_token_changed_anywhere_is_refused() {
        assertThat(links.verify(token)).isPresent();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            if (!changed.equals(token)) {
                assertThat(links.verify(changed)).as("changed at %d", i).isEmpty();
            }
        }
    }

    @Test
    void a_token_cannot_be_moved_to_another_alert_or_given_a_longer_life() {
        String tag = token.substring(token.indexOf('.') + 1);
        String otherAlert = SignedTokens.encode("SN-7Q2K-9M4D-XW3P.police-att-liaison~" + expiry.getEpochSecond()
                + "~" + LINK_ID);
        String longerLife = SignedTokens.encode(ALERT_ID + "~" + (expiry.getEpochSecond() + 86_400) + "~" + LINK_ID);

        assertThat(links.verify(token)).isPresent();
        assertThat(links.verify(otherAlert + "." + tag)).isEmpty();
        assertThat(links.verify(longerLife + "." + tag)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        byte[] other = "another key, also of thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

        assertThat(links.verify(SignedTokens.token(other, ALERT_ID, expiry, LINK_ID))).isEmpty();
        assertThat(new SignedLinks(() -> other, clock).verify(SignedTokens.token(other, ALERT_ID, expiry, LINK_ID)))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "a.b.c", "not base64!.abc", "%2e%2e.abc",
            "U04tN1EySy05TTRELVhXM1Aua3otNzUtY29tbWlzc2lvbn4xfmFi.AAAAAAAAAAAAAAAAAAAAAA"})
    void anything_else_is_refused(String token) {
        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void an_overlong_token_is_refused_without_work() {
        AtomicInteger reads = new AtomicInteger();
        SignedLinks counted = countingKeyReads(reads);

        assertThat(counted.verify("A".repeat(100_000) + ".AAAA")).isEmpty();
        assertThat(counted.verify(null)).isEmpty();
        assertThat(reads).hasValue(0);
    }

    @Test
    void the_key_is_read_once_on_first_use_and_must_have_32_bytes() {
        AtomicInteger reads = new AtomicInteger();
        SignedLinks counted = countingKeyReads(reads);
        assertThat(reads).hasValue(0);

        assertThat(counted.verify(token)).isPresent();
        assertThat(counted.verify(token)).isPresent();

        assertThat(reads).hasValue(1);
        assertThatThrownBy(() -> new SignedLinks(() -> new byte[31], clock).verify(token))
                .isInstanceOf(IllegalStateException.class);
    }

    private SignedLinks countingKeyReads(AtomicInteger reads) {
        return new SignedLinks(() -> {
            reads.incrementAndGet();
            return SignedTokens.KEY;
        }, clock);
    }
}
