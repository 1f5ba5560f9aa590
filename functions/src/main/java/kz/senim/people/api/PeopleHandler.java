package kz.senim.people.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.access.Caller;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.people.ListPeople;
import kz.senim.staff.QueryParameters;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /v1/people?organisationId=}: the people of an organisation, for coordinators assigning cases. */
public final class PeopleHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleHandler.class);
    private static final String OPERATION = "list people";
    private static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final ListPeople listPeople;

    public PeopleHandler() {
        this(Wiring.fromEnvironment());
    }

    public PeopleHandler(Wiring wiring) {
        this(wiring.listPeople());
    }

    public PeopleHandler(ListPeople listPeople) {
        this.listPeople = listPeople;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        String organisationId = QueryParameters.required(request, "organisationId",
                text -> Optional.of(text).filter(id -> ORGANISATION_ID.matcher(id).matches()),
                List.of("[a-z0-9][a-z0-9-]{1,62}"));
        return switch (listPeople.list(caller, organisationId)) {
            case ListPeople.Outcome.Found found -> {
                LOG.info("{}: organisation={} people={}", OPERATION, organisationId, found.people().size());
                ObjectNode body = HttpResponses.JSON.createObjectNode().put("organisationId", organisationId);
                ArrayNode people = body.putArray("people");
                found.people().forEach(person -> people.addObject()
                        .put("personId", person.personId())
                        .put("name", person.name())
                        .put("role", person.role().code()));
                yield HttpResponses.json(200, body);
            }
            case ListPeople.Outcome.UnknownOrganisation unknown ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("organisation"), language);
        };
    }
}
