package kz.senim.referral.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Arrays;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.referral.ChangeReferralStatus;
import kz.senim.referral.ReferralStatusChange;
import kz.senim.referral.ReferralTransition;
import kz.senim.staff.CaseJson;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/referrals/{referralId}/status} {@code {"to", "reason"?}} with {@code If-Match}: the provider
 * accepts, rejects or finishes a referral; coordinators revoke or close it.
 */
public final class ChangeReferralStatusHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeReferralStatusHandler.class);
    private static final String OPERATION = "change referral status";

    private final ChangeReferralStatus changeReferralStatus;

    public ChangeReferralStatusHandler() {
        this(Wiring.fromEnvironment());
    }

    public ChangeReferralStatusHandler(Wiring wiring) {
        this(wiring.changeReferralStatus());
    }

    public ChangeReferralStatusHandler(ChangeReferralStatus changeReferralStatus) {
        this.changeReferralStatus = changeReferralStatus;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(Set.of("to", "reason"));
        ReferralStatusChange change = new ReferralStatusChange(
                json.code("to", ReferralTransition::fromCode,
                        Arrays.stream(ReferralTransition.values()).map(ReferralTransition::code).toList()),
                json.optionalText("reason"));
        long version = IfMatch.version(request);
        return switch (changeReferralStatus.change(caller, request.path("referralId").orElse(""), version, change)) {
            case ChangeReferralStatus.Outcome.Changed changed -> {
                LOG.info("{}: {} referralId={} version={}", OPERATION, change.to().code(), changed.referral().id(),
                        changed.referral().version());
                yield HttpResponses.json(200, CaseJson.referral(changed.referral().line(), changed.today()),
                        IfMatch.etag(changed.referral().version()));
            }
            case ChangeReferralStatus.Outcome.NotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("referral"), language);
            case ChangeReferralStatus.Outcome.VersionConflict conflict ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("version_conflict"), language);
            case ChangeReferralStatus.Outcome.Illegal illegal ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("referral_transition"), language);
        };
    }
}
