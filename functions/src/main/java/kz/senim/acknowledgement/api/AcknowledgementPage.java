package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;

/**
 * The small HTML page behind an acknowledgement link. It never loads anything from elsewhere, can't be framed, and
 * posts its form to its own URL (no {@code action}), so it works under any stage or domain.
 */
final class AcknowledgementPage {

    static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-Robots-Tag", "noindex, nofollow",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'");
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;"
            + "background:#f6f7f9;color:#16181d}main{max-width:32rem;margin:0 auto;background:#fff;padding:1.5rem;"
            + "border-radius:.75rem}h1{font-size:1.3rem}button{font-size:1.1rem;padding:.8rem 1.6rem;border:0;"
            + "border-radius:.5rem;background:#0b5cad;color:#fff;width:100%}.severity{font-weight:bold}";

    private AcknowledgementPage() {
    }

    /** The alert and a button that acknowledges it. */
    static APIGatewayV2HTTPResponse confirm(Language language, String reference, Severity severity) {
        String body = "<p>" + alertLine(language, reference, severity) + "</p>"
                + "<p>" + text(language, "ack.page.explain") + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + text(language, "ack.page.button")
                + "</button></form>";
        return page(200, language, text(language, "ack.page.title"), body);
    }

    static APIGatewayV2HTTPResponse alreadyAcknowledged(Language language, String reference, Severity severity) {
        String body = "<p>" + alertLine(language, reference, severity) + "</p>"
                + "<p>" + text(language, "ack.page.already") + "</p>";
        return page(200, language, text(language, "ack.page.title"), body);
    }

    static APIGatewayV2HTTPResponse acknowledged(Language language, String reference) {
        return page(200, language, text(language, "ack.page.title"),
                "<p>" + escape(reference) + "</p><p>" + text(language, "ack.page.done") + "</p>");
    }

    static APIGatewayV2HTTPResponse message(int status, Language language, String titleKey, String messageKey) {
        return page(status, language, text(language, titleKey), "<p>" + text(language, messageKey) + "</p>");
    }

    private static String alertLine(Language language, String reference, Severity severity) {
        return escape(Messages.text(language, "ack.page.alert", reference,
                Messages.text(language, "ack.severity." + severity.code())));
    }

    private static APIGatewayV2HTTPResponse page(int status, Language language, String title, String body) {
        String html = "<!doctype html><html lang=\"" + language.code() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<title>Senim: " + escape(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(new java.util.HashMap<>(HEADERS))
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
}
