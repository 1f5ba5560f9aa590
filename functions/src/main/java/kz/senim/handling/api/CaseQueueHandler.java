package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import kz.senim.access.Caller;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Category;
import kz.senim.cases.Severity;
import kz.senim.handling.ListQueue;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;
import kz.senim.staff.CaseJson;
import kz.senim.staff.QueryParameters;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/cases?region=&status=&severity=&category=&limit=&cursor=}: a region's queue, oldest first. */
public final class CaseQueueHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseQueueHandler.class);
    private static final String OPERATION = "case queue";

    private final ListQueue listQueue;
    private final RegionCatalogue regions;

    public CaseQueueHandler() {
        this(Wiring.fromEnvironment());
    }

    public CaseQueueHandler(Wiring wiring) {
        this(wiring.listQueue(), wiring.regions());
    }

    public CaseQueueHandler(ListQueue listQueue, RegionCatalogue regions) {
        this.listQueue = listQueue;
        this.regions = regions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        QueueQuery query = new QueueQuery(
                QueryParameters.required(request, "region", regions::code, regions.codes()),
                QueryParameters.optional(request, "status", CaseStatus::fromCode, codes(CaseStatus.values())),
                QueryParameters.optional(request, "severity", Severity::fromCode, codes(Severity.values())),
                QueryParameters.optional(request, "category", Category::fromCode, codes(Category.values())),
                QueryParameters.limit(request, ListQueue.DEFAULT_LIMIT, ListQueue.MAX_LIMIT),
                QueryParameters.cursor(request));
        QueuePage page = listQueue.list(caller, query);
        LOG.info("{}: region={} cases={} more={}", OPERATION, query.region(), page.cases().size(),
                page.nextCursor().isPresent());
        ObjectNode body = HttpResponses.JSON.createObjectNode().put("region", query.region().value());
        ArrayNode cases = body.putArray("cases");
        page.cases().forEach(file -> cases.add(CaseJson.summary(file)));
        page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
        return HttpResponses.json(200, body);
    }

    static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
