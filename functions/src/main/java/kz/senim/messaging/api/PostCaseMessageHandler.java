package kz.senim.messaging.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.cases.IdempotencyKey;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.PostCaseMessage;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/cases/{reference}/messages}, optionally with {@code Idempotency-Key}: a responder asks the reporter
 * a question or gives an update.
 */
public final class PostCaseMessageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PostCaseMessageHandler.class);
    private static final String OPERATION = "post message";
    static final Problem UNAVAILABLE = new Problem(503, "service_unavailable", "title.unavailable",
            "problem.message_unavailable", null, List.of());

    private final PostCaseMessage postCaseMessage;

    public PostCaseMessageHandler() {
        this(Wiring.fromEnvironment());
    }

    public PostCaseMessageHandler(Wiring wiring) {
        this(wiring.postCaseMessage());
    }

    public PostCaseMessageHandler(PostCaseMessage postCaseMessage) {
        this.postCaseMessage = postCaseMessage;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, UNAVAILABLE, Problem.internalError(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        Optional<IdempotencyKey> key = StaffExchange.idempotencyKey(request);
        MessageRequests.ResponderMessage message = MessageRequests.responderMessage(request);
        return switch (postCaseMessage.post(caller, request.path(MessageRequests.REFERENCE).orElse(""),
                message.kind(), message.text(), key)) {
            case PostCaseMessage.Outcome.Posted posted -> posted(posted.message(), posted.replayed());
            case PostCaseMessage.Outcome.NotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("case"), language);
            case PostCaseMessage.Outcome.CaseClosed closed ->
                    StaffExchange.refused(LOG, OPERATION, Problem.conflict("case_closed"), language);
            case PostCaseMessage.Outcome.KeyReused reused ->
                    StaffExchange.refused(LOG, OPERATION, StaffExchange.KEY_REUSED, language);
        };
    }

    private static APIGatewayV2HTTPResponse posted(CaseMessage message, boolean replayed) {
        LOG.info("message posted reference={} messageId={} kind={} replayed={}", message.reference(),
                message.messageId(), message.kind().code(), replayed);
        return HttpResponses.json(201, MessageRequests.created(message.messageId(), message.timestamp()),
                StaffExchange.replayed(replayed, Map.of()));
    }
}
