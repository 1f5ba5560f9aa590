package kz.senim.messaging.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import kz.senim.cases.IdempotencyKey;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.http.ReporterRequest;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.MessageText;
import kz.senim.messaging.ReplyAsReporter;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/reports/{reference}/messages} with {@code X-Receipt} and {@code Idempotency-Key}: the reporter
 * answers the responders, or writes again after the case was closed.
 */
public final class ReporterReplyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterReplyHandler.class);
    private static final String OPERATION = "reply";
    static final Problem KEY_REUSED = new Problem(422, "idempotency_key_reused", "title.key_reused",
            "problem.reply_key_reused", IdempotencyKey.HEADER, List.of());
    static final Problem UNAVAILABLE = new Problem(503, "service_unavailable", "title.unavailable",
            "problem.reply_unavailable", null, List.of());

    private final ReplyAsReporter replyAsReporter;

    public ReporterReplyHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReporterReplyHandler(Wiring wiring) {
        this(wiring.replyAsReporter());
    }

    public ReporterReplyHandler(ReplyAsReporter replyAsReporter) {
        this.replyAsReporter = replyAsReporter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return AnonymousExchange.respond(event, LOG, OPERATION, UNAVAILABLE, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage language) {
        String reference = ReporterRequest.reference(request);
        String receipt = ReporterRequest.receipt(request);
        IdempotencyKey key = new IdempotencyKey(request.header(IdempotencyKey.HEADER).orElse(null));
        MessageText text = MessageRequests.reply(request);
        return switch (replyAsReporter.reply(reference, receipt, key, text)) {
            case ReplyAsReporter.Outcome.Accepted accepted -> accepted(accepted);
            case ReplyAsReporter.Outcome.NotFound notFound ->
                    AnonymousExchange.refused(LOG, OPERATION, Problem.notFound(), language.get());
            case ReplyAsReporter.Outcome.KeyReused reused ->
                    AnonymousExchange.refused(LOG, OPERATION, KEY_REUSED, language.get());
        };
    }

    private static APIGatewayV2HTTPResponse accepted(ReplyAsReporter.Outcome.Accepted accepted) {
        LOG.info("reply stored messageId={} replayed={}", accepted.messageId(), accepted.replayed());
        Map<String, String> headers = accepted.replayed() ? Map.of("Idempotent-Replayed", "true") : Map.of();
        return HttpResponses.json(201,
                MessageRequests.created(accepted.messageId(), CaseMessage.format(accepted.at())), headers);
    }

}
