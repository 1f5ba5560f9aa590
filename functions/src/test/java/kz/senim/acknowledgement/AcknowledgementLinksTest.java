package kz.senim.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgementLinksTest {

    static final byte[] KEY = "a test key of thirty-two bytes or more!".getBytes(StandardCharsets.US_ASCII);
    private static final String ALERT_ID = "SN-7Q2K-9M4D-XW3P.kz-75-commission";

    private final MutableClock clock = MutableClock.atNoon();
    private final AcknowledgementLinks links = new AcknowledgementLinks(() -> KEY, clock, new SecureRandom(),
            AcknowledgementLinks.VALIDITY);

    @Test
    void a_link_names_its_alert_and_holds_for_24_hours() {
        String token = links.issue(ALERT_ID);

        assertThat(links.verify(token)).hasValueSatisfying(link -> {
            assertThat(link.alertId()).isEqualTo(ALERT_ID);
            assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
            assertThat(link.linkId()).matches("[A-Za-z0-9_-]{22}");
        });
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(links.verify(token)).isPresent();
    }

    @Test
    void an_expired_link_is_refused() {
        String token = links.issue(ALERT_ID);

        clock.advance(Duration.ofHours(24));

        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void every_link_is_a_different_one_time_link() {
        Set<String> linkIds = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            linkIds.add(links.verify(links.issue(ALERT_ID)).orElseThrow().linkId());
        }

        assertThat(linkIds).hasSize(50);
    }

    @Test
    void a_token_is_safe_in_a_url_path_and_short_enough_for_a_message() {
        String token = links.issue("SN-7Q2K-9M4D-XW3P.national-secretariat.e12");

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(160);
    }

    @Test
    void a_token_changed_anywhere_is_refused() {
        String token = links.issue(ALERT_ID);

        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            if (!changed.equals(token)) {
                assertThat(links.verify(changed)).as("changed at %d", i).isEmpty();
            }
        }
    }

    @Test
    void a_link_cannot_be_moved_to_another_alert_or_given_a_longer_life() {
        String token = links.issue(ALERT_ID);
        String tag = token.substring(token.indexOf('.') + 1);
        AcknowledgementLinks.Link link = links.verify(token).orElseThrow();

        String otherAlert = encode("SN-7Q2K-9M4D-XW3P.police-att-liaison~" + link.expiresAt().getEpochSecond() + "~"
                + link.linkId());
        String longerLife = encode(ALERT_ID + "~" + (link.expiresAt().getEpochSecond() + 86_400) + "~"
                + link.linkId());

        assertThat(links.verify(otherAlert + "." + tag)).isEmpty();
        assertThat(links.verify(longerLife + "." + tag)).isEmpty();
    }

    @Test
    void a_link_signed_with_another_key_is_refused() {
        AcknowledgementLinks otherKey = new AcknowledgementLinks(
                () -> "another key, also of thirty-two bytes".getBytes(StandardCharsets.US_ASCII), clock,
                new SecureRandom(), AcknowledgementLinks.VALIDITY);

        assertThat(links.verify(otherKey.issue(ALERT_ID))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "a.b.c", "not base64!.abc", "%2e%2e.abc",
            "U04tN1EySy05TTRELVhXM1Aua3otNzUtY29tbWlzc2lvbn4xfmFi.AAAAAAAAAAAAAAAAAAAAAA"})
    void anything_else_is_refused(String token) {
        assertThat(links.verify(token)).isEmpty();
    }

    @Test
    void an_overlong_token_is_refused_without_work() {
        assertThat(links.verify("A".repeat(100_000) + ".AAAA")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
    }

    @Test
    void only_alert_ids_get_links() {
        assertThatThrownBy(() -> links.issue("../../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_key_is_read_once_on_first_use_and_must_have_32_bytes() {
        AtomicInteger reads = new AtomicInteger();
        AcknowledgementLinks counted = new AcknowledgementLinks(() -> {
            reads.incrementAndGet();
            return KEY;
        }, clock, new SecureRandom(), AcknowledgementLinks.VALIDITY);
        assertThat(reads).hasValue(0);

        counted.verify(counted.issue(ALERT_ID));
        counted.verify(counted.issue(ALERT_ID));

        assertThat(reads).hasValue(1);
        AcknowledgementLinks shortKey = new AcknowledgementLinks(() -> new byte[31], clock, new SecureRandom(),
                AcknowledgementLinks.VALIDITY);
        assertThatThrownBy(() -> shortKey.issue(ALERT_ID)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void alert_messages_link_to_the_public_api() {
        Alert alert = Alert.of(new Reference("SN-7Q2K-9M4D-XW3P"), "kz-75-commission", new RegionCode("KZ-75"),
                Category.BEGGING, Severity.HIGH, Instant.parse("2026-11-23T12:00:00Z"));

        String url = links.urlsUnder("https://a1b2c3.execute-api.eu-central-1.amazonaws.com/dev/").forAlert(alert)
                .orElseThrow();

        assertThat(url).startsWith("https://a1b2c3.execute-api.eu-central-1.amazonaws.com/dev/v1/ack/");
        assertThat(links.verify(url.substring(url.lastIndexOf('/') + 1)).orElseThrow().alertId())
                .isEqualTo(alert.alertId());
        assertThatThrownBy(() -> links.urlsUnder("senim-public-base-url").forAlert(alert))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII));
    }
}
