package kz.senim.http;

import java.util.Optional;
import kz.senim.cases.InvalidInput;
import kz.senim.i18n.Language;

/**
 * A reporter's anonymous request: the reference in the path and the receipt in {@code X-Receipt}, both as sent (they
 * are read leniently when looked up), and {@code lang}. What could never match is refused here, naming it.
 */
public record ReporterRequest(String reference, String receipt, Optional<Language> lang) {

    public static final String RECEIPT_HEADER = "X-Receipt";
    static final String REFERENCE = "reference";
    static final int MAX_REFERENCE = 32;
    public static final int MAX_RECEIPT = 64;

    /** @throws BadRequest for a {@code lang} Senim does not serve; InvalidInput for the rest */
    public static ReporterRequest read(HttpRequest request) {
        Optional<Language> lang = request.lang();
        String reference = reference(request);
        return new ReporterRequest(reference, receipt(request), lang);
    }

    /**
     * As {@link #read}, in the order the status route's contract gives: the receipt must be there before either is
     * measured, and a receipt too long is refused naming its limit.
     */
    public static ReporterRequest readForStatus(HttpRequest request) {
        Optional<Language> lang = request.lang();
        String receipt = request.header(RECEIPT_HEADER)
                .orElseThrow(() -> new InvalidInput(RECEIPT_HEADER, InvalidInput.Violation.MISSING));
        String reference = reference(request);
        if (receipt.length() > MAX_RECEIPT) {
            throw new InvalidInput(RECEIPT_HEADER, InvalidInput.Violation.TOO_LONG, MAX_RECEIPT);
        }
        return new ReporterRequest(reference, receipt, lang);
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
        String receipt = request.header(RECEIPT_HEADER)
                .orElseThrow(() -> new InvalidInput(RECEIPT_HEADER, InvalidInput.Violation.MISSING));
        if (receipt.length() > MAX_RECEIPT) {
            throw new InvalidInput(RECEIPT_HEADER, InvalidInput.Violation.NOT_ALLOWED_VALUE);
        }
        return receipt;
    }
}
