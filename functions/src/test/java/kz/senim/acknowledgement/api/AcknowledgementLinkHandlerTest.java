package kz.senim.acknowledgement.api;

import static kz.senim.acknowledgement.api.AckEvents.conforming;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.access.CaseAccess;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.acknowledgement.FollowAcknowledgementLink;
import kz.senim.alerting.AlertWording;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.InMemoryAlerts;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.InMemoryAuditTrail;
import kz.senim.testing.InMemoryIssuedLinks;
import kz.senim.testing.InMemoryCases;
import kz.senim.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgementLinkHandlerTest {

    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final String ALERT_ID = "SN-7Q2K-9M4D-XW3P.kz-75-commission";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final MutableClock clock = MutableClock.atNoon();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryCases cases = new InMemoryCases(audit);
    private final InMemoryAlerts alerts = new InMemoryAlerts(cases, audit);
    private final AcknowledgementLinks links = new AcknowledgementLinks(new InMemoryIssuedLinks(), clock,
            new SecureRandom(), AcknowledgementLinks.VALIDITY);
    private final FollowAcknowledgementLink follow = new FollowAcknowledgementLink(links, alerts,
            new AcknowledgeAlert(alerts, cases, new CaseAccess(FixedDirectory.seeded()), clock));
    private final AcknowledgementLinkHandler handler = new AcknowledgementLinkHandler(follow,
            new AlertWording(RegionCatalogue.load(), Optional.empty()));
    private String token;

    @BeforeEach
    void the_commission_was_alerted_with_a_link() {
        cases.add(CaseFiles.receivedInAlmaty(REFERENCE.value(), clock.instant()));
        alerts.add(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Severity.HIGH, clock.instant()));
        token = links.issue(ALERT_ID, Language.RU);
        clock.advance(Duration.ofMinutes(4));
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    @Test
    void opening_the_link_shows_the_alert_and_a_button_and_changes_nothing() {
        APIGatewayV2HTTPResponse page = null;
        for (int opened = 0; opened < 3; opened++) { // a link preview, a mail scanner, the responder
            page = send(AckEvents.link(AckEvents.LINK_GET, token));
        }

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.headers(page))
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Frame-Options", "DENY")
                .hasEntrySatisfying("Content-Security-Policy", csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(page.getBody())
                .startsWith("<!doctype html><html lang=\"ru\">")
                .contains("SN-7Q2K-9M4D-XW3P", "срочность: высокая", "Принудительный труд", "Алматы",
                        "<form method=\"post\">", "<button class=\"primary\" type=\"submit\">Подтвердить</button>")
                .doesNotContain(token, "narrative", "<script", "http://", "https://");
        assertThat(alerts.state(ALERT_ID).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(alerts.spentLinks()).isEmpty();
        assertThat(cases.find(REFERENCE).orElseThrow().status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(audit.entries(REFERENCE)).isEmpty();
        assertThat(send(AckEvents.link(AckEvents.LINK_POST, token)).getStatusCode()).as("the button").isEqualTo(200);
        assertThat(alerts.spentLinks()).hasSize(1);
        assertThat(audit.entries(REFERENCE)).hasSize(1);
    }

    @Test
    void pressing_the_button_acknowledges_once() {
        APIGatewayV2HTTPResponse first = send(AckEvents.link(AckEvents.LINK_POST, token));
        APIGatewayV2HTTPResponse second = send(AckEvents.link(AckEvents.LINK_POST, token));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.headers(first)).containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Cache-Control", "no-store");
        assertThat(AckEvents.json(first).path("alertId").asText()).isEqualTo(ALERT_ID);
        assertThat(AckEvents.json(first).path("acknowledgedBy").asText()).isEqualTo("kz-75-commission");
        assertThat(AckEvents.json(first).path("alreadyAcknowledged").asBoolean()).isFalse();
        assertThat(second.getStatusCode()).isEqualTo(410);
        assertThat(AckEvents.headers(second)).containsEntry("Referrer-Policy", "no-referrer");
        assertThat(AckEvents.json(second).path("code").asText()).isEqualTo("link_used");
        assertThat(cases.find(REFERENCE).orElseThrow().takenBy()).contains("kz-75-commission");
        assertThat(audit.entries(REFERENCE)).hasSize(1);
    }

    @Test
    void a_browser_posting_the_form_gets_a_page() {
        APIGatewayV2HTTPResponse done = send(AckEvents.header(AckEvents.link(AckEvents.LINK_POST, token),
                "Accept", BROWSER_ACCEPT));
        APIGatewayV2HTTPResponse again = send(AckEvents.header(AckEvents.link(AckEvents.LINK_POST, token),
                "Accept", BROWSER_ACCEPT));

        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.headers(done)).containsEntry("Content-Type", "text/html; charset=utf-8");
        assertThat(done.getBody()).contains("Подтверждено. Эскалация остановлена.").doesNotContain("<form");
        assertThat(again.getStatusCode()).isEqualTo(410);
        assertThat(again.getBody()).contains("Эта ссылка подтверждения уже использована.");
        assertThat(AckEvents.headers(again)).containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void a_used_link_opened_again_says_so_in_the_organisations_language() {
        String uzbek = links.issue(ALERT_ID, Language.UZ);
        send(AckEvents.link(AckEvents.LINK_POST, uzbek));

        APIGatewayV2HTTPResponse page = send(AckEvents.link(AckEvents.LINK_GET, uzbek));

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("lang=\"uz\"", "Bu tasdiqlash havolasi allaqachon ishlatilgan.");
    }

    @Test
    void a_link_nobody_gave_out_is_answered_in_the_language_the_phone_asks_for() {
        APIGatewayV2HTTPResponse page = send(AckEvents.header(AckEvents.link(AckEvents.LINK_GET, "0123456789ABCDEF"),
                "Accept-Language", "uz"));

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("lang=\"uz\"", "Tasdiqlash havolasi yaroqsiz");
    }

    @Test
    void a_tampered_or_expired_link_is_gone_and_changes_nothing() {
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'X' ? 'Y' : 'X') + token.substring(11);

        APIGatewayV2HTTPResponse page = send(AckEvents.link(AckEvents.LINK_GET, tampered));
        APIGatewayV2HTTPResponse post = send(AckEvents.link(AckEvents.LINK_POST, tampered));
        clock.advance(Duration.ofHours(25));
        APIGatewayV2HTTPResponse expired = send(AckEvents.link(AckEvents.LINK_POST, token));

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("Ссылка подтверждения недействительна");
        assertThat(post.getStatusCode()).isEqualTo(410);
        assertThat(AckEvents.json(post).path("code").asText()).isEqualTo("link_invalid");
        assertThat(AckEvents.json(expired).path("code").asText()).isEqualTo("link_invalid");
        assertThat(alerts.state(ALERT_ID).status()).isEqualTo(AlertStatus.PENDING);
        assertThat(audit.entries(REFERENCE)).isEmpty();
    }

    @Test
    void the_link_of_an_alert_acknowledged_meanwhile_shows_there_is_nothing_to_do() {
        String other = links.issue(ALERT_ID, Language.RU);
        send(AckEvents.link(AckEvents.LINK_POST, token));

        APIGatewayV2HTTPResponse page = send(AckEvents.link(AckEvents.LINK_GET, other));
        APIGatewayV2HTTPResponse post = send(AckEvents.link(AckEvents.LINK_POST, other));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("Это оповещение уже подтверждено.").doesNotContain("<form");
        assertThat(post.getStatusCode()).isEqualTo(200);
        assertThat(AckEvents.json(post).path("alreadyAcknowledged").asBoolean()).isTrue();
    }

    @Test
    void the_page_is_in_the_alerted_organisations_language_whatever_the_phone_asks_for() {
        String kazakh = links.issue(ALERT_ID, Language.KK);

        APIGatewayV2HTTPResponse page = send(AckEvents.header(AckEvents.link(AckEvents.LINK_GET, kazakh),
                "Accept-Language", "en"));
        APIGatewayV2HTTPResponse done = send(AckEvents.header(AckEvents.header(
                AckEvents.link(AckEvents.LINK_POST, kazakh), "Accept", BROWSER_ACCEPT), "Accept-Language", "en"));

        assertThat(page.getBody()).startsWith("<!doctype html><html lang=\"kk\">")
                .contains("Хабарламаны растау", "шұғылдығы: жоғары", "Мәжбүрлі еңбек", "Алматы")
                .doesNotContain("Acknowledge");
        assertThat(done.getBody()).startsWith("<!doctype html><html lang=\"kk\">").contains("Расталды.");
    }

    @Test
    void the_page_links_to_the_case_in_the_console_and_nowhere_else() {
        AcknowledgementLinkHandler withConsole = new AcknowledgementLinkHandler(follow,
                new AlertWording(RegionCatalogue.load(), Optional.of("https://console.senim.example/")));

        String body = withConsole.handleRequest(AckEvents.link(AckEvents.LINK_GET, token), null).getBody();

        assertThat(body).contains("<a class=\"console\" href=\"https://console.senim.example/#/case/SN-7Q2K-9M4D-XW3P\">"
                + "Открыть дело в консоли Senim</a>");
        assertThat(Pattern.compile("https?://").matcher(body).results().count()).isEqualTo(1);
        assertThat(body).doesNotContain(token);
    }

    @Test
    void the_page_carries_its_stylesheet_under_the_csps_hash_and_no_script() throws Exception {
        APIGatewayV2HTTPResponse page = send(AckEvents.link(AckEvents.LINK_GET, token));

        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.getBody());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(style.group(1)).contains("--brand-dark:#08454f", ".sev-high");
        assertThat(AckEvents.headers(page).get("Content-Security-Policy"))
                .contains("default-src 'none'", "style-src 'sha256-" + hash + "'", "frame-ancestors 'none'",
                        "form-action 'self'")
                .doesNotContain("unsafe-inline", "script-src");
        assertThat(page.getBody()).doesNotContain("<script", " style=\"", "<link");
    }
}
