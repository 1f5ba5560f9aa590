package kz.senim.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.ReportSubmission;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.SafetyInformation;
import kz.senim.intake.SubmissionOutcome;
import kz.senim.intake.SubmitReport;
import kz.senim.regions.RegionCatalogue;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/reports}: an anonymous report or tip. */
public final class SubmitReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SubmitReportHandler.class);
    private static final String OPERATION = "report";

    private final SubmitReport submitReport;
    private final RegionCatalogue regions;

    public SubmitReportHandler() {
        this(Wiring.fromEnvironment());
    }

    public SubmitReportHandler(Wiring wiring) {
        this(wiring.submitReport(), wiring.regions());
    }

    public SubmitReportHandler(SubmitReport submitReport, RegionCatalogue regions) {
        this.submitReport = submitReport;
        this.regions = regions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return AnonymousExchange.respond(event, LOG, OPERATION, Problem.unavailable(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage language) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES));
        languageOf(json).ifPresent(language::use);
        IdempotencyKey key = new IdempotencyKey(request.header(IdempotencyKey.HEADER).orElse(null));
        ReportSubmission submission = ReportRequest.decode(json, regions);
        return switch (submitReport.submit(key, submission)) {
            case SubmissionOutcome.Accepted accepted -> accepted(accepted);
            case SubmissionOutcome.KeyReused reused ->
                    AnonymousExchange.refused(LOG, OPERATION, Problem.keyReused(), language.get());
        };
    }

    private static Optional<Language> languageOf(JsonObject json) {
        try {
            return Optional.of(ReportRequest.language(json));
        } catch (InvalidInput notYet) {
            return Optional.empty();
        }
    }

    private static APIGatewayV2HTTPResponse accepted(SubmissionOutcome.Accepted accepted) {
        LOG.info("report accepted reference={} replayed={}", accepted.reference(), accepted.replayed());
        SafetyInformation safety = accepted.safety();
        ObjectNode body = HttpResponses.JSON.createObjectNode()
                .put("reference", accepted.reference().value())
                .put("receipt", accepted.receipt().value())
                .put("status", accepted.status().code())
                .put("statusText", Messages.text(safety.language(), "status." + accepted.status().code()));
        ObjectNode safetyNode = body.putObject("safety")
                .put("language", safety.language().code())
                .put("message", safety.message());
        ArrayNode contacts = safetyNode.putArray("contacts");
        safety.contacts().forEach(c -> contacts.addObject()
                .put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("number", c.number())
                .put("label", c.label()));
        Map<String, String> headers = new HashMap<>();
        headers.put("Location", "/v1/reports/" + accepted.reference().value());
        if (accepted.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return HttpResponses.json(201, body, headers);
    }
}
