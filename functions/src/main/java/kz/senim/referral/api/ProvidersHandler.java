package kz.senim.referral.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import kz.senim.access.Caller;
import kz.senim.cases.RegionCode;
import kz.senim.directory.Organisation;
import kz.senim.directory.ServiceType;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.i18n.Language;
import kz.senim.referral.FindProviders;
import kz.senim.regions.RegionCatalogue;
import kz.senim.staff.QueryParameters;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/providers?service=&region=}: whom a case of {@code region} can be referred to for {@code service},
 * names in the caller's language.
 */
public final class ProvidersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ProvidersHandler.class);
    private static final String OPERATION = "find providers";

    private final FindProviders findProviders;
    private final RegionCatalogue regions;

    public ProvidersHandler() {
        this(Wiring.fromEnvironment());
    }

    public ProvidersHandler(Wiring wiring) {
        this(wiring.findProviders(), wiring.regions());
    }

    public ProvidersHandler(FindProviders findProviders, RegionCatalogue regions) {
        this.findProviders = findProviders;
        this.regions = regions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        ServiceType service = QueryParameters.required(request, "service", ServiceType::fromCode,
                Arrays.stream(ServiceType.values()).map(ServiceType::code).toList());
        RegionCode region = QueryParameters.required(request, "region", regions::code, regions.codes());
        List<Organisation> providers = findProviders.find(service, region, language);
        LOG.info("{}: service={} region={} providers={}", OPERATION, service.code(), region, providers.size());
        ObjectNode body = HttpResponses.JSON.createObjectNode().put("service", service.code())
                .put("region", region.value());
        ArrayNode list = body.putArray("providers");
        providers.forEach(provider -> {
            ObjectNode json = list.addObject()
                    .put("organisationId", provider.id())
                    .put("name", provider.name(language));
            ArrayNode services = json.putArray("services");
            provider.services().stream().map(ServiceType::code).sorted().forEach(services::add);
            json.put("national", provider.national());
        });
        return HttpResponses.json(200, body);
    }
}
