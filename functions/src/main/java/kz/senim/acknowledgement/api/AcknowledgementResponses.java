package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AlertStatus;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;

/** The JSON both acknowledgement routes answer with. */
final class AcknowledgementResponses {

    static final Problem UNAVAILABLE = new Problem(503, "service_unavailable", "title.unavailable",
            "problem.acknowledgement_unavailable", null, List.of());
    static final Problem FAILED = new Problem(500, "internal_error", "title.internal",
            "problem.acknowledgement_failed", null, List.of());

    private AcknowledgementResponses() {
    }

    /** {@code 200}: the alert is acknowledged, by this request or an earlier one. */
    static ObjectNode acknowledged(AcknowledgeAlert.Outcome.Acknowledged done) {
        return HttpResponses.JSON.createObjectNode()
                .put("alertId", done.alertId())
                .put("reference", done.reference().value())
                .put("status", AlertStatus.ACKNOWLEDGED.code())
                .put("acknowledgedAt", done.acknowledgedAt().toString())
                .put("acknowledgedBy", done.acknowledgedBy())
                .put("alreadyAcknowledged", false);
    }

    static ObjectNode alreadyAcknowledged(AcknowledgeAlert.Outcome.AlreadyAcknowledged already) {
        ObjectNode body = HttpResponses.JSON.createObjectNode()
                .put("alertId", already.alertId())
                .put("reference", already.reference().value())
                .put("status", AlertStatus.ACKNOWLEDGED.code());
        already.acknowledgedAt().ifPresent(at -> body.put("acknowledgedAt", at.toString()));
        already.acknowledgedBy().ifPresent(by -> body.put("acknowledgedBy", by));
        return body.put("alreadyAcknowledged", true);
    }

    static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse response, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.putAll(extra);
        response.setHeaders(headers);
        return response;
    }

    static APIGatewayV2HTTPResponse problem(Problem problem, Language language, Map<String, String> extra) {
        return withHeaders(HttpResponses.problem(problem, language), extra);
    }
}
