package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput;
import kz.senim.handling.CaseTransition;
import kz.senim.handling.ChangeCaseStatus;
import kz.senim.http.HttpRequest;
import kz.senim.http.JsonObject;
import kz.senim.i18n.Language;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/cases/{reference}/transitions} {@code {"to", "outcome"?, "reason"?}} with {@code If-Match}: start
 * work, close with an outcome, reopen with a reason.
 */
public final class ChangeCaseStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeCaseStatusHandler.class);
    private static final String OPERATION = "change case status";

    private final ChangeCaseStatus changeCaseStatus;

    public ChangeCaseStatusHandler() {
        this(Wiring.fromEnvironment());
    }

    public ChangeCaseStatusHandler(Wiring wiring) {
        this(wiring.changeCaseStatus());
    }

    public ChangeCaseStatusHandler(ChangeCaseStatus changeCaseStatus) {
        this.changeCaseStatus = changeCaseStatus;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        JsonObject json = JsonObject.parse(request.body(MAX_BODY_BYTES)).allowOnly(Set.of("to", "outcome", "reason"));
        CaseTransition.Target to = json.code("to", CaseTransition.Target::fromCode,
                CaseQueueHandler.codes(CaseTransition.Target.values()));
        Optional<ClosingOutcome> outcome = json.optionalText("outcome").map(code -> ClosingOutcome.fromCode(code)
                .orElseThrow(() -> new InvalidInput("outcome", InvalidInput.Violation.NOT_ALLOWED_VALUE,
                        String.join(", ", CaseQueueHandler.codes(ClosingOutcome.values())))));
        CaseTransition transition = new CaseTransition(to, outcome, json.optionalText("reason"));
        long version = IfMatch.version(request);
        return CaseChangeResponses.of(
                changeCaseStatus.change(caller, request.path("reference").orElse(""), version, transition),
                LOG, OPERATION, language);
    }
}
