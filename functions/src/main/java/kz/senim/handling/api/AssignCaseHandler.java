package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.handling.AssignCase;
import kz.senim.http.HttpRequest;
import kz.senim.http.JsonObject;
import kz.senim.i18n.Language;
import kz.senim.people.PersonId;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code PUT /v1/cases/{reference}/assignee} {@code {"personId"}} with {@code If-Match}: coordinators assign a case. */
public final class AssignCaseHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_BODY_BYTES = 4 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AssignCaseHandler.class);
    private static final String OPERATION = "assign case";

    private final AssignCase assignCase;

    public AssignCaseHandler() {
        this(Wiring.fromEnvironment());
    }

    public AssignCaseHandler(Wiring wiring) {
        this(wiring.assignCase());
    }

    public AssignCaseHandler(AssignCase assignCase) {
        this.assignCase = assignCase;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(Set.of("personId"));
        PersonId assignee = new PersonId(json.text("personId"));
        long version = IfMatch.version(request);
        return CaseChangeResponses.of(
                assignCase.assign(caller, request.path("reference").orElse(""), version, assignee),
                LOG, OPERATION, language);
    }
}
