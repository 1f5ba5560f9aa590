package kz.senim.people.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.Forbidden;
import kz.senim.cases.RegionCode;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;
import kz.senim.people.DescribeCaller;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/me}: who the signed-in caller is, with their organisation's name in the caller's language. */
public final class MeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(MeHandler.class);
    private static final String OPERATION = "describe caller";

    private final DescribeCaller describeCaller;

    public MeHandler() {
        this(Wiring.fromEnvironment());
    }

    public MeHandler(Wiring wiring) {
        this(wiring.describeCaller());
    }

    public MeHandler(DescribeCaller describeCaller) {
        this.describeCaller = describeCaller;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        Optional<DescribeCaller.Profile> found = describeCaller.describe(caller);
        if (found.isEmpty()) {
            throw new Forbidden("use Senim for an organisation that is not in the directory");
        }
        DescribeCaller.Profile profile = found.get();
        LOG.info("{}: organisation={} role={} national={}", OPERATION, caller.organisationId(), caller.role().code(),
                profile.national());
        ObjectNode body = HttpResponses.JSON.createObjectNode()
                .put("personId", caller.personId())
                .put("name", profile.name())
                .put("organisationId", profile.organisation().id())
                .put("organisationName", profile.organisation().name(language))
                .put("organisationType", profile.organisation().type().code())
                .put("role", caller.role().code())
                .put("national", profile.national());
        ArrayNode regions = body.putArray("regions");
        profile.regions().stream().map(RegionCode::value).forEach(regions::add);
        return HttpResponses.json(200, body);
    }
}
