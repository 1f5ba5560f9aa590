package kz.senim.intake.api;

import java.util.Optional;
import kz.senim.cases.InvalidInput;
import kz.senim.http.HttpRequest;
import kz.senim.i18n.Language;
import kz.senim.intake.Receipt;

/**
 * A reporter's anonymous request: the reference in the path and the receipt in {@code X-Receipt}, both as sent (they
 * are read leniently when looked up), and {@code lang}. What could never match is refused here, naming it.
 */
public record ReporterRequest(String reference, String receipt, Optional<Language> lang) {

    static final String REFERENCE = "reference";
    static final int MAX_REFERENCE = 32;
    static final int MAX_RECEIPT = 64;

    /** @throws kz.senim.http.BadRequest for a {@code lang} Senim does not serve; InvalidInput for the rest */
    public static ReporterRequest read(HttpRequest request) {
        Optional<Language> lang = request.lang();
        String reference = reference(request);
        return new ReporterRequest(reference, receipt(request), lang);
    }

    /** The language to refuse in: {@code lang} if Senim serves it, else {@code Accept-Language}, else the default. */
    public static Language problemLanguage(HttpRequest request) {
        return request.query("lang").flatMap(Language::fromCode)
                .or(request::acceptLanguage)
                .orElse(Language.DEFAULT);
    }

    /** The reference as sent; longer than any reference could be typed is refused, anything else is looked up. */
    public static String reference(HttpRequest request) {
        String reference = request.path(REFERENCE).orElse("");
        if (reference.length() > MAX_REFERENCE) {
            throw new InvalidInput(REFERENCE, InvalidInput.Violation.TOO_LONG, MAX_REFERENCE);
        }
        return reference;
    }

    /** The receipt as sent; missing or longer than 64 characters is refused. */
    public static String receipt(HttpRequest request) {
        String receipt = request.header(Receipt.HEADER)
                .orElseThrow(() -> new InvalidInput(Receipt.HEADER, InvalidInput.Violation.MISSING));
        if (receipt.length() > MAX_RECEIPT) {
            throw new InvalidInput(Receipt.HEADER, InvalidInput.Violation.NOT_ALLOWED_VALUE);
        }
        return receipt;
    }
}
