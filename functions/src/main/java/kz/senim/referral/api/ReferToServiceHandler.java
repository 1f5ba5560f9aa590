package kz.senim.referral.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.cases.IdempotencyKey;
import kz.senim.directory.ServiceType;
import kz.senim.http.BadRequest;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.referral.ReferToService;
import kz.senim.referral.ReferralRequest;
import kz.senim.staff.CaseJson;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/cases/{reference}/referrals} {@code {"providerId", "service", "consentGiven", "dueDate"}}:
 * coordinators refer the person to a provider's service, with consent; optionally with {@code Idempotency-Key}.
 */
public final class ReferToServiceHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_BODY_BYTES = 4 * 1024;
    static final Set<String> FIELDS = Set.of("providerId", "service", "consentGiven", "dueDate");
    private static final Logger LOG = LoggerFactory.getLogger(ReferToServiceHandler.class);
    private static final String OPERATION = "refer to service";

    private final ReferToService referToService;

    public ReferToServiceHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReferToServiceHandler(Wiring wiring) {
        this(wiring.referToService());
    }

    public ReferToServiceHandler(ReferToService referToService) {
        this.referToService = referToService;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        Optional<IdempotencyKey> key = StaffExchange.idempotencyKey(request);
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(FIELDS);
        ReferralRequest referral = new ReferralRequest(
                json.text("providerId"),
                json.code("service", ServiceType::fromCode,
                        Arrays.stream(ServiceType.values()).map(ServiceType::code).toList()),
                json.bool("consentGiven"),
                date(json.text("dueDate")));
        return switch (referToService.refer(caller, request.path("reference").orElse(""), referral, key)) {
            case ReferToService.Outcome.Referred referred -> {
                LOG.info("{}: referred referralId={} provider={} replayed={}", OPERATION, referred.referral().id(),
                        referred.referral().providerId(), referred.replayed());
                yield HttpResponses.json(201, CaseJson.referral(referred.referral().line(), referred.today()),
                        StaffExchange.replayed(referred.replayed(), IfMatch.etag(referred.referral().version())));
            }
            case ReferToService.Outcome.CaseNotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("case"), language);
            case ReferToService.Outcome.ProviderNotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("provider"), language);
            case ReferToService.Outcome.ProviderNotInRegion outside ->
                    StaffExchange.refused(LOG, OPERATION, Problem.unprocessable("provider_not_in_region"), language);
            case ReferToService.Outcome.ConsentRequired noConsent ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("consent_required"), language);
            case ReferToService.Outcome.DueDateOutOfRange outOfRange ->
                    StaffExchange.refused(LOG, OPERATION, dueDateProblem(), language);
            case ReferToService.Outcome.CaseClosed closed ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("case_closed"), language);
            case ReferToService.Outcome.VersionConflict conflict ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("version_conflict"), language);
            case ReferToService.Outcome.KeyReused reused ->
                    StaffExchange.refused(LOG, OPERATION, StaffExchange.KEY_REUSED, language);
        };
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(dueDateProblem());
        }
    }

    private static Problem dueDateProblem() {
        return Problem.badRequest("invalid_field", "problem.due_date", "dueDate");
    }
}
