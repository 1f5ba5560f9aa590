package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.access.Caller;
import kz.senim.handling.ReadCase;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.staff.CaseJson;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/cases/{reference}}: the whole case for someone in scope, its organisations named in the caller's
 * language; every opening is audited.
 */
public final class ReadCaseHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadCaseHandler.class);
    private static final String OPERATION = "read case";

    private final ReadCase readCase;

    public ReadCaseHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReadCaseHandler(Wiring wiring) {
        this(wiring.readCase());
    }

    public ReadCaseHandler(ReadCase readCase) {
        this.readCase = readCase;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        return switch (readCase.read(caller, request.path("reference").orElse(""))) {
            case ReadCase.Outcome.Found found -> {
                LOG.info("{}: reference={}", OPERATION, found.details().file().reference());
                yield HttpResponses.json(200, CaseJson.details(found.details(), found.names(), language),
                        IfMatch.etag(found.details().file().version()));
            }
            case ReadCase.Outcome.NotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("case"), language);
        };
    }
}
