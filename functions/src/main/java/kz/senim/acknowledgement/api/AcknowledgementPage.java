package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.alerting.AlertWording;
import kz.senim.cases.Alert;
import kz.senim.cases.Reference;
import kz.senim.cases.Sha256;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;

/**
 * The small HTML page behind an acknowledgement link, in the staff console's look ({@code senim-page.css}, inlined
 * and allowed by its hash: no inline script, nothing loaded from elsewhere). It can't be framed, posts its form to
 * its own URL (no {@code action}, so it works under any stage or domain), and links to the case in the console.
 */
final class AcknowledgementPage {

    static final String STYLESHEET = stylesheet();
    static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-Robots-Tag", "noindex, nofollow",
            "Content-Security-Policy", "default-src 'none'; style-src 'sha256-"
                    + Base64.getEncoder().encodeToString(Sha256.of(STYLESHEET)) + "'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'");

    private final AlertWording wording;

    AcknowledgementPage(AlertWording wording) {
        this.wording = wording;
    }

    /** The alert and a button that acknowledges it. */
    APIGatewayV2HTTPResponse confirm(Language language, Alert alert) {
        String body = facts(language, alert)
                + "<p>" + text(language, "ack.page.explain") + "</p>"
                + "<form method=\"post\"><button class=\"primary\" type=\"submit\">" + text(language, "ack.page.button")
                + "</button></form></div>" + caseLink(language, alert.reference());
        return page(200, language, text(language, "ack.page.title"), body);
    }

    APIGatewayV2HTTPResponse alreadyAcknowledged(Language language, Alert alert) {
        String body = facts(language, alert) + "<p>" + text(language, "ack.page.already") + "</p></div>"
                + caseLink(language, alert.reference());
        return page(200, language, text(language, "ack.page.title"), body);
    }

    APIGatewayV2HTTPResponse acknowledged(Language language, Reference reference) {
        return page(200, language, text(language, "ack.page.title"), "<div class=\"panel\"><p>"
                + escape(reference.value()) + "</p><p>" + text(language, "ack.page.done") + "</p></div>"
                + caseLink(language, reference));
    }

    /** A page that only says something (the link is used or gone, the service is busy); links to nothing. */
    APIGatewayV2HTTPResponse message(int status, Language language, String titleKey, String messageKey) {
        return page(status, language, text(language, titleKey),
                "<div class=\"panel\"><p>" + text(language, messageKey) + "</p></div>");
    }

    /** Opens the panel: urgency, reference, category and region; never anything the reporter wrote. */
    private String facts(Language language, Alert alert) {
        String severity = alert.severity().code();
        return "<div class=\"panel\"><p><span class=\"badge sev-" + severity + "\">"
                + escape(wording.urgency(alert.severity(), language)) + "</span></p>"
                + "<p>" + escape(Messages.text(language, "ack.page.alert", alert.reference().value(),
                        wording.urgency(alert.severity(), language))) + "</p>"
                + "<dl class=\"facts\"><dt>" + text(language, "ack.page.category") + "</dt><dd>"
                + escape(wording.category(alert.category(), language)) + "</dd><dt>"
                + text(language, "ack.page.region") + "</dt><dd>"
                + escape(wording.region(alert.region(), language)) + "</dd></dl>";
    }

    private String caseLink(Language language, Reference reference) {
        Optional<String> url = wording.caseUrl(reference);
        return url.map(u -> "<p><a class=\"console\" href=\"" + escape(u) + "\">" + text(language, "ack.page.open_case")
                + "</a></p>").orElse("");
    }

    private static APIGatewayV2HTTPResponse page(int status, Language language, String title, String body) {
        String html = "<!doctype html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<title>Senim: " + title + "</title><style>" + STYLESHEET + "</style></head>"
                + "<body><header class=\"top\"><span class=\"logo\" aria-hidden=\"true\">S</span>Senim</header>"
                + "<main><h1>" + title + "</h1>" + body + "</main></body></html>";
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(new HashMap<>(HEADERS))
                .withBody(html)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String text(Language language, String key) {
        return escape(Messages.text(language, key));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String stylesheet() {
        try (InputStream in = AcknowledgementPage.class.getResourceAsStream("senim-page.css")) {
            if (in == null) {
                throw new IllegalStateException("senim-page.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
