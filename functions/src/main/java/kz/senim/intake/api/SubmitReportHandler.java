package kz.senim.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import kz.senim.cases.InvalidInput;
import kz.senim.http.BadRequest;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.intake.IdempotencyKey;
import kz.senim.intake.ReportSubmission;
import kz.senim.intake.SafetyInformation;
import kz.senim.cases.StorageUnavailable;
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
        HttpRequest request = new HttpRequest(event);
        Language language = request.acceptLanguage().orElse(Language.DEFAULT);
        try {
            JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES));
            language = languageOf(json).orElse(language);
            IdempotencyKey key = new IdempotencyKey(request.header(IdempotencyKey.HEADER).orElse(null));
            ReportSubmission submission = ReportRequest.decode(json, regions);
            return switch (submitReport.submit(key, submission)) {
                case SubmissionOutcome.Accepted accepted -> accepted(accepted);
                case SubmissionOutcome.KeyReused reused -> {
                    LOG.info("report refused: idempotency key reused");
                    yield HttpResponses.problem(Problem.keyReused(), language);
                }
            };
        } catch (BadRequest bad) {
            return rejected(bad.problem(), language);
        } catch (InvalidInput invalid) {
            return rejected(Problem.invalid(invalid), language);
        } catch (StorageUnavailable unavailable) {
            LOG.warn("report not stored: storage unavailable");
            return HttpResponses.problem(Problem.unavailable(), language);
        } catch (RuntimeException bug) {
            LOG.error("report not stored: {}", bug.getClass().getName());
            return HttpResponses.problem(Problem.internalError(), language);
        }
    }

    private static java.util.Optional<Language> languageOf(JsonObject json) {
        try {
            return java.util.Optional.of(ReportRequest.language(json));
        } catch (InvalidInput notYet) {
            return java.util.Optional.empty();
        }
    }

    private static APIGatewayV2HTTPResponse rejected(Problem problem, Language language) {
        LOG.info("report rejected: {} {}", problem.code(), problem.field());
        return HttpResponses.problem(problem, language);
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
