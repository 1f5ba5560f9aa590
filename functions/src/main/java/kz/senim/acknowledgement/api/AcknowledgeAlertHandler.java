package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.access.Caller;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/alerts/{alertId}/acknowledgement}: a signed-in member of the alerted organisation (or a national
 * coordinator) acknowledges an alert or an escalation page. Repeating it is harmless.
 */
public final class AcknowledgeAlertHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeAlertHandler.class);
    private static final String OPERATION = "acknowledge alert";

    private final AcknowledgeAlert acknowledgeAlert;

    public AcknowledgeAlertHandler() {
        this(Wiring.fromEnvironment());
    }

    public AcknowledgeAlertHandler(Wiring wiring) {
        this(wiring.acknowledgeAlert());
    }

    public AcknowledgeAlertHandler(AcknowledgeAlert acknowledgeAlert) {
        this.acknowledgeAlert = acknowledgeAlert;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, AcknowledgementResponses.UNAVAILABLE,
                AcknowledgementResponses.FAILED, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        return switch (acknowledgeAlert.byCaller(request.path("alertId").orElse(""), caller)) {
            case AcknowledgeAlert.Outcome.Acknowledged done -> {
                LOG.info("alert acknowledged alertId={} organisation={} tookCase={}", done.alertId(),
                        done.acknowledgedBy(), done.tookCase());
                yield HttpResponses.json(200, AcknowledgementResponses.acknowledged(done));
            }
            case AcknowledgeAlert.Outcome.AlreadyAcknowledged already -> {
                LOG.info("alert already acknowledged alertId={}", already.alertId());
                yield HttpResponses.json(200, AcknowledgementResponses.alreadyAcknowledged(already));
            }
            case AcknowledgeAlert.Outcome.KeptChanging busy ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("version_conflict"), language);
            case AcknowledgeAlert.Outcome.NotFound notFound -> notFound(language);
            case AcknowledgeAlert.Outcome.LinkInvalid invalid -> notFound(language);
            case AcknowledgeAlert.Outcome.LinkUsed used -> notFound(language);
        };
    }

    private static APIGatewayV2HTTPResponse notFound(Language language) {
        return StaffExchange.refused(LOG, OPERATION, Problem.notFound("alert"), language);
    }
}
