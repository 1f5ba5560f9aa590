package kz.senim.referral.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;
import kz.senim.referral.ProviderReferrals;
import kz.senim.referral.ReferralStatus;
import kz.senim.staff.CaseJson;
import kz.senim.staff.QueryParameters;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/referrals?status=&limit=&cursor=}: the referrals made to the caller's organisation, soonest due first. */
public final class ProviderReferralsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderReferralsHandler.class);
    private static final String OPERATION = "provider referrals";

    private final ProviderReferrals providerReferrals;

    public ProviderReferralsHandler() {
        this(Wiring.fromEnvironment());
    }

    public ProviderReferralsHandler(Wiring wiring) {
        this(wiring.providerReferrals());
    }

    public ProviderReferralsHandler(ProviderReferrals providerReferrals) {
        this.providerReferrals = providerReferrals;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        Optional<ReferralStatus> status = QueryParameters.optional(request, "status", ReferralStatus::fromCode,
                Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList());
        int limit = QueryParameters.limit(request, ProviderReferrals.DEFAULT_LIMIT, ProviderReferrals.MAX_LIMIT);
        ProviderReferrals.Page page = providerReferrals.list(caller, status, limit, QueryParameters.cursor(request));
        LOG.info("{}: provider={} referrals={} more={}", OPERATION, caller.organisationId(), page.referrals().size(),
                page.nextCursor().isPresent());
        ObjectNode body = HttpResponses.JSON.createObjectNode().put("providerId", caller.organisationId());
        ArrayNode referrals = body.putArray("referrals");
        page.referrals().forEach(referral -> referrals.add(CaseJson.referral(referral.line(), page.today())));
        page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
        return HttpResponses.json(200, body);
    }
}
