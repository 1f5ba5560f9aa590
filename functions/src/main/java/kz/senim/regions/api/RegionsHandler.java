package kz.senim.regions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import kz.senim.cases.RegionCode;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.regions.RegionCatalogue;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/regions?lang=}: the regions for the app's picker, "I don't know" last. */
public final class RegionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(RegionsHandler.class);

    private final RegionCatalogue regions;

    public RegionsHandler() {
        this(Wiring.fromEnvironment());
    }

    public RegionsHandler(Wiring wiring) {
        this(wiring.regions());
    }

    public RegionsHandler(RegionCatalogue regions) {
        this.regions = regions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return AnonymousExchange.respond(event, LOG, "regions", Problem.unavailable(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage problemLanguage) {
        Language language = request.lang().orElse(Language.DEFAULT);
        ObjectNode body = HttpResponses.JSON.createObjectNode().put("language", language.code());
        ArrayNode list = body.putArray("regions");
        regions.all().forEach(region -> list.addObject()
                .put("code", region.code().value())
                .put("kind", region.kind().name().toLowerCase(Locale.ROOT))
                .put("name", region.name(language))
                .put("centre", region.centre()));
        list.addObject()
                .put("code", RegionCode.UNKNOWN.value())
                .put("kind", "unknown")
                .put("name", Messages.text(language, "region.unknown"))
                .putNull("centre");
        return HttpResponses.json(200, body, Map.of());
    }
}
