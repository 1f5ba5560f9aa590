package kz.senim.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.senim.cases.InvalidInput;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.CheckReportStatus;
import kz.senim.intake.Receipt;
import kz.senim.intake.StatusOutcome;
import kz.senim.cases.StorageUnavailable;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/reports/{reference}} with the receipt in {@code X-Receipt}: where my report stands. */
public final class ReportStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStatusHandler.class);
    static final int MAX_REFERENCE = 32;
    static final int MAX_RECEIPT = 64;
    static final String ALLOWED_LANGUAGES = Arrays.stream(Language.values()).map(Language::code)
            .collect(Collectors.joining(", "));

    private final CheckReportStatus checkReportStatus;

    public ReportStatusHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReportStatusHandler(Wiring wiring) {
        this(wiring.checkReportStatus());
    }

    public ReportStatusHandler(CheckReportStatus checkReportStatus) {
        this.checkReportStatus = checkReportStatus;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        Language fallback = request.acceptLanguage().orElse(Language.DEFAULT);
        Optional<String> lang = request.query("lang");
        Optional<Language> requested = lang.flatMap(Language::fromCode);
        if (lang.isPresent() && requested.isEmpty()) {
            return HttpResponses.problem(Problem.invalidParameter("lang", ALLOWED_LANGUAGES), fallback);
        }
        Optional<String> receipt = request.header(Receipt.HEADER);
        if (receipt.isEmpty()) {
            return HttpResponses.problem(
                    Problem.invalid(new InvalidInput(Receipt.HEADER, InvalidInput.Violation.MISSING)),
                    requested.orElse(fallback));
        }
        String reference = request.path("reference").orElse("");
        if (reference.length() > MAX_REFERENCE || receipt.get().length() > MAX_RECEIPT) {
            boolean referenceTooLong = reference.length() > MAX_REFERENCE;
            return HttpResponses.problem(Problem.invalid(new InvalidInput(
                    referenceTooLong ? "reference" : Receipt.HEADER, InvalidInput.Violation.TOO_LONG,
                    referenceTooLong ? MAX_REFERENCE : MAX_RECEIPT)), requested.orElse(fallback));
        }
        try {
            return switch (checkReportStatus.check(reference, receipt.get())) {
                case StatusOutcome.Found found -> {
                    Language language = requested.orElse(found.reportLanguage());
                    ObjectNode body = HttpResponses.JSON.createObjectNode()
                            .put("reference", found.reference().value())
                            .put("status", found.status().code())
                            .put("statusText", Messages.text(language, "status." + found.status().code()));
                    yield HttpResponses.json(200, body);
                }
                case StatusOutcome.NotFound notFound -> {
                    LOG.info("status check: no match");
                    yield HttpResponses.problem(Problem.notFound(), requested.orElse(fallback));
                }
            };
        } catch (StorageUnavailable unavailable) {
            LOG.warn("status check failed: storage unavailable");
            return HttpResponses.problem(Problem.unavailable(), requested.orElse(fallback));
        } catch (RuntimeException bug) {
            LOG.error("status check failed: {}", bug.getClass().getName());
            return HttpResponses.problem(Problem.internalError(), requested.orElse(fallback));
        }
    }
}
