package kz.senim.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.http.ReporterRequest;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.ShowReportStatus;
import kz.senim.intake.StatusOutcome;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/reports/{reference}} with the receipt in {@code X-Receipt}: where my report stands. */
public final class ReportStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStatusHandler.class);
    private static final String OPERATION = "status check";

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
        return AnonymousExchange.respond(event, LOG, OPERATION, Problem.unavailable(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage problemLanguage) {
        ReporterRequest reporter = ReporterRequest.readForStatus(request);
        return switch (showReportStatus.show(reporter.reference(), reporter.receipt())) {
            case StatusOutcome.Found found -> {
                Language language = reporter.lang().orElse(found.reportLanguage());
                ObjectNode body = HttpResponses.JSON.createObjectNode()
                        .put("reference", found.reference().value())
                        .put("status", found.status().code())
                        .put("statusText", Messages.text(language, "status." + found.status().code()));
                yield HttpResponses.json(200, body);
            }
            case StatusOutcome.NotFound notFound ->
                    AnonymousExchange.refused(LOG, OPERATION, Problem.notFound(), problemLanguage.get());
        };
    }
}
