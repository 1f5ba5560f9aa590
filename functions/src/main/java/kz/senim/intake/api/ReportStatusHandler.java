package kz.senim.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import kz.senim.cases.InvalidInput;
import kz.senim.http.BadRequest;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.ShowReportStatus;
import kz.senim.intake.Receipt;
import kz.senim.intake.StatusOutcome;
import kz.senim.cases.StorageUnavailable;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/reports/{reference}} with the receipt in {@code X-Receipt}: where my report stands. */
public final class ReportStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStatusHandler.class);

    private final ShowReportStatus showReportStatus;

    public ReportStatusHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReportStatusHandler(Wiring wiring) {
        this(wiring.showReportStatus());
    }

    public ReportStatusHandler(ShowReportStatus showReportStatus) {
        this.showReportStatus = showReportStatus;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        Language problemLanguage = ReporterRequest.problemLanguage(request);
        try {
            Optional<Language> lang = request.lang();
            // This route's contract looks for the receipt before measuring either, and names the receipt's limit.
            String receipt = request.header(Receipt.HEADER)
                    .orElseThrow(() -> new InvalidInput(Receipt.HEADER, InvalidInput.Violation.MISSING));
            String reference = ReporterRequest.reference(request);
            if (receipt.length() > ReporterRequest.MAX_RECEIPT) {
                throw new InvalidInput(Receipt.HEADER, InvalidInput.Violation.TOO_LONG, ReporterRequest.MAX_RECEIPT);
            }
            return switch (showReportStatus.show(reference, receipt)) {
                case StatusOutcome.Found found -> {
                    Language language = lang.orElse(found.reportLanguage());
                    ObjectNode body = HttpResponses.JSON.createObjectNode()
                            .put("reference", found.reference().value())
                            .put("status", found.status().code())
                            .put("statusText", Messages.text(language, "status." + found.status().code()));
                    yield HttpResponses.json(200, body);
                }
                case StatusOutcome.NotFound notFound -> {
                    LOG.info("status check: no match");
                    yield HttpResponses.problem(Problem.notFound(), problemLanguage);
                }
            };
        } catch (BadRequest bad) {
            return HttpResponses.problem(bad.problem(), problemLanguage);
        } catch (InvalidInput invalid) {
            return HttpResponses.problem(Problem.invalid(invalid), problemLanguage);
        } catch (StorageUnavailable unavailable) {
            LOG.warn("status check failed: storage unavailable");
            return HttpResponses.problem(Problem.unavailable(), problemLanguage);
        } catch (RuntimeException bug) {
            LOG.error("status check failed: {}", bug.getClass().getName());
            return HttpResponses.problem(Problem.internalError(), problemLanguage);
        }
    }
}
