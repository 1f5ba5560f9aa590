package kz.senim.overview.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.senim.access.Caller;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;
import kz.senim.overview.ShowOverview;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/overview}: every region's open cases and unacknowledged alerts, for national coordinators. */
public final class OverviewHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewHandler.class);
    private static final String OPERATION = "national overview";

    private final ShowOverview showOverview;

    public OverviewHandler() {
        this(Wiring.fromEnvironment());
    }

    public OverviewHandler(Wiring wiring) {
        this(wiring.showOverview());
    }

    public OverviewHandler(ShowOverview showOverview) {
        this.showOverview = showOverview;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        ShowOverview.Overview overview = showOverview.show(caller);
        LOG.info("{}: regions={}", OPERATION, overview.regions().size());
        ObjectNode body = HttpResponses.JSON.createObjectNode().put("generatedAt", overview.generatedAt().toString());
        ArrayNode regions = body.putArray("regions");
        overview.regions().forEach(figures -> {
            ObjectNode region = regions.addObject()
                    .put("region", figures.region().value())
                    .put("openCases", figures.openCases())
                    .put("unacknowledgedAlerts", figures.unacknowledgedAlerts());
            figures.oldestUnacknowledgedAt().ifPresentOrElse(at -> region.put("oldestUnacknowledgedAt", at.toString()),
                    () -> region.putNull("oldestUnacknowledgedAt"));
        });
        return HttpResponses.json(200, body);
    }
}
