package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.cases.StorageUnavailable;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/alerts/{alertId}/acknowledgement}: a signed-in member of the alerted organisation (or a national
 * coordinator) acknowledges an alert or an escalation page. Repeating it is harmless.
 */
public final class AcknowledgeAlertHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeAlertHandler.class);

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
        HttpRequest request = new HttpRequest(event);
        Language language = request.acceptLanguage().orElse(Language.DEFAULT);
        Optional<Caller> caller = request.caller();
        if (caller.isEmpty()) {
            return HttpResponses.problem(Problem.unauthorized(), language);
        }
        String alertId = request.path("alertId").orElse("");
        try {
            return switch (acknowledgeAlert.byCaller(alertId, caller.get())) {
                case AcknowledgeAlert.Outcome.Acknowledged done -> {
                    LOG.info("alert acknowledged alertId={} organisation={} tookCase={}", done.alertId(),
                            done.acknowledgedBy(), done.tookCase());
                    yield HttpResponses.json(200, AcknowledgementResponses.acknowledged(done));
                }
                case AcknowledgeAlert.Outcome.AlreadyAcknowledged already -> {
                    LOG.info("alert already acknowledged alertId={}", already.alertId());
                    yield HttpResponses.json(200, AcknowledgementResponses.alreadyAcknowledged(already));
                }
                case AcknowledgeAlert.Outcome.KeptChanging busy -> {
                    LOG.warn("alert not acknowledged: case kept changing");
                    yield HttpResponses.problem(Problem.conflict("version_conflict"), language);
                }
                case AcknowledgeAlert.Outcome.NotFound notFound -> notFound(language);
                case AcknowledgeAlert.Outcome.LinkInvalid invalid -> notFound(language);
                case AcknowledgeAlert.Outcome.LinkUsed used -> notFound(language);
            };
        } catch (StorageUnavailable unavailable) {
            LOG.warn("alert not acknowledged: storage unavailable");
            return HttpResponses.problem(AcknowledgementResponses.UNAVAILABLE, language);
        } catch (RuntimeException bug) {
            LOG.error("alert not acknowledged: {}", bug.getClass().getName());
            return HttpResponses.problem(AcknowledgementResponses.FAILED, language);
        }
    }

    private static APIGatewayV2HTTPResponse notFound(Language language) {
        LOG.info("alert acknowledgement: no such alert in scope");
        return HttpResponses.problem(Problem.notFound("alert"), language);
    }
}
