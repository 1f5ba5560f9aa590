package kz.senim.messaging.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.senim.http.AnonymousExchange;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.http.ReporterRequest;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;
import kz.senim.messaging.CaseMessage;
import kz.senim.messaging.ReadReporterMessages;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/reports/{reference}/messages} with the receipt in {@code X-Receipt}: where my report stands and
 * what responders asked or told me. Who wrote is never shown beyond "responder" or "you"; a message whose text was
 * erased is not shown at all.
 */
public final class ReporterMessagesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterMessagesHandler.class);
    private static final String OPERATION = "reporter messages";

    private final ReadReporterMessages readReporterMessages;

    public ReporterMessagesHandler() {
        this(Wiring.fromEnvironment());
    }

    public ReporterMessagesHandler(Wiring wiring) {
        this(wiring.readReporterMessages());
    }

    public ReporterMessagesHandler(ReadReporterMessages readReporterMessages) {
        this.readReporterMessages = readReporterMessages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return AnonymousExchange.respond(event, LOG, OPERATION, Problem.unavailable(), this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, AnonymousExchange.ProblemLanguage problemLanguage) {
        ReporterRequest reporter = ReporterRequest.read(request);
        return switch (readReporterMessages.read(reporter.reference(), reporter.receipt())) {
            case ReadReporterMessages.Outcome.Found found ->
                    found(found, reporter.lang().orElse(found.reportLanguage()));
            case ReadReporterMessages.Outcome.NotFound notFound ->
                    AnonymousExchange.refused(LOG, OPERATION, Problem.notFound(), problemLanguage.get());
        };
    }

    private static APIGatewayV2HTTPResponse found(ReadReporterMessages.Outcome.Found found, Language language) {
        LOG.info("reporter messages read count={}", found.messages().size());
        ObjectNode body = HttpResponses.JSON.createObjectNode()
                .put("reference", found.reference().value())
                .put("status", found.status().code())
                .put("statusText", Messages.text(language, "status." + found.status().code()));
        ArrayNode messages = body.putArray("messages");
        for (CaseMessage message : found.messages()) {
            message.text().readable().ifPresent(text -> messages.addObject()
                    .put("messageId", message.messageId().value())
                    .put("at", message.timestamp())
                    .put("from", message.isFromReporter() ? "you" : "responder")
                    .put("kind", message.kind().code())
                    .put("text", text));
        }
        return HttpResponses.json(200, body);
    }
}
