package kz.senim.erasure.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.senim.cases.CaseStatus;
import kz.senim.erasure.WithdrawReport;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.http.ReporterRequest;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/reports/{reference}} with the receipt in {@code X-Receipt}: the reporter withdraws the report.
 * What they wrote and the receipt are erased; the answer says so in the report's language (or {@code lang}).
 */
public final class WithdrawReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawReportHandler.class);
    private static final String OPERATION = "withdrawal";

    private final WithdrawReport withdrawReport;

    public WithdrawReportHandler() {
        this(Wiring.fromEnvironment());
    }

    public WithdrawReportHandler(Wiring wiring) {
        this(wiring.withdrawReport());
    }

    public WithdrawReportHandler(WithdrawReport withdrawReport) {
        this.withdrawReport = withdrawReport;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return AnonymousExchange.respond(event, LOG, OPERATION, Problem.unavailable(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage problemLanguage) {
        ReporterRequest reporter = ReporterRequest.readForStatus(request);
        return switch (withdrawReport.withdraw(reporter.reference(), reporter.receipt())) {
            case WithdrawReport.Outcome.Withdrawn withdrawn -> {
                LOG.info("report withdrawn reference={} finished={}", withdrawn.reference(), withdrawn.finished());
                Language language = reporter.lang().orElse(withdrawn.reportLanguage());
                String status = CaseStatus.WITHDRAWN_BY_REPORTER.code();
                ObjectNode body = HttpResponses.JSON.createObjectNode()
                        .put("reference", withdrawn.reference().value())
                        .put("status", status)
                        .put("statusText", Messages.text(language, "status." + status));
                yield HttpResponses.json(200, body);
            }
            case WithdrawReport.Outcome.NotFound notFound ->
                    AnonymousExchange.refused(LOG, OPERATION, Problem.notFound(), problemLanguage.get());
        };
    }
}
