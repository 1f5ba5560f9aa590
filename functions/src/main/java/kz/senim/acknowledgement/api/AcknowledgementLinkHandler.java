package kz.senim.acknowledgement.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.FollowAcknowledgementLink;
import kz.senim.alerting.AlertWording;
import kz.senim.cases.Failures;
import kz.senim.cases.StorageUnavailable;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/ack/{token}} shows the alert with a button and changes nothing (link previews and mail scanners open
 * links by themselves); {@code POST /v1/ack/{token}} acknowledges, once. POST answers JSON, or a page when a browser
 * posted the form ({@code Accept: text/html}). Pages are in the alerted organisation's language, which the link
 * knows (else {@code Accept-Language}). The token is a credential: it is never logged.
 */
public final class AcknowledgementLinkHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementLinkHandler.class);
    private static final Map<String, String> NO_REFERRER = Map.of("Referrer-Policy", "no-referrer");

    private final FollowAcknowledgementLink followLink;
    private final AcknowledgementPage pages;

    public AcknowledgementLinkHandler() {
        this(Wiring.fromEnvironment());
    }

    public AcknowledgementLinkHandler(Wiring wiring) {
        this(wiring.followAcknowledgementLink(), wiring.alertWording());
    }

    public AcknowledgementLinkHandler(FollowAcknowledgementLink followLink, AlertWording wording) {
        this.followLink = followLink;
        this.pages = new AcknowledgementPage(wording);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        Language language = request.acceptLanguage().orElse(Language.DEFAULT);
        String token = request.path("token").orElse("");
        boolean post = "POST".equals(method(event));
        boolean html = !post || request.header("Accept").map(AcknowledgementLinkHandler::prefersHtml).orElse(false);
        try {
            return post ? acknowledge(token, language, html) : preview(token, language);
        } catch (StorageUnavailable unavailable) {
            LOG.warn("acknowledgement link failed: storage unavailable");
            return html
                    ? pages.message(503, language, "title.unavailable", "problem.acknowledgement_unavailable")
                    : AcknowledgementResponses.problem(AcknowledgementResponses.UNAVAILABLE, language, NO_REFERRER);
        } catch (RuntimeException bug) {
            LOG.error("acknowledgement link failed: {}", Failures.describe(bug));
            return html
                    ? pages.message(500, language, "title.internal", "problem.acknowledgement_failed")
                    : AcknowledgementResponses.problem(AcknowledgementResponses.FAILED, language, NO_REFERRER);
        }
    }

    private APIGatewayV2HTTPResponse preview(String token, Language requested) {
        return switch (followLink.preview(token)) {
            case FollowAcknowledgementLink.Preview.Ready ready -> ready.acknowledged()
                    ? pages.alreadyAcknowledged(ready.language().orElse(requested), ready.alert())
                    : pages.confirm(ready.language().orElse(requested), ready.alert());
            case FollowAcknowledgementLink.Preview.LinkInvalid invalid -> {
                LOG.info("acknowledgement link shown: invalid");
                yield pages.message(410, requested, "title.gone", "problem.link_invalid");
            }
            case FollowAcknowledgementLink.Preview.LinkUsed used -> {
                LOG.info("acknowledgement link shown: used");
                yield pages.message(410, used.language().orElse(requested), "title.gone", "problem.link_used");
            }
        };
    }

    private APIGatewayV2HTTPResponse acknowledge(String token, Language requested, boolean html) {
        FollowAcknowledgementLink.Used used = followLink.acknowledge(token);
        Language language = html ? used.language().orElse(requested) : requested;
        return switch (used.outcome()) {
            case AcknowledgeAlert.Outcome.Acknowledged done -> {
                LOG.info("alert acknowledged by link alertId={} organisation={} tookCase={}", done.alertId(),
                        done.acknowledgedBy(), done.tookCase());
                yield html ? pages.acknowledged(language, done.reference())
                        : HttpResponses.json(200, AcknowledgementResponses.acknowledged(done), NO_REFERRER);
            }
            case AcknowledgeAlert.Outcome.AlreadyAcknowledged already -> {
                LOG.info("alert already acknowledged, by link alertId={}", already.alertId());
                yield html ? pages.message(200, language, "ack.page.title", "ack.page.already")
                        : HttpResponses.json(200, AcknowledgementResponses.alreadyAcknowledged(already), NO_REFERRER);
            }
            case AcknowledgeAlert.Outcome.LinkUsed linkUsed -> {
                LOG.info("acknowledgement link refused: used");
                yield gone(Problem.linkUsed(), "problem.link_used", language, html);
            }
            case AcknowledgeAlert.Outcome.LinkInvalid invalid -> {
                LOG.info("acknowledgement link refused: invalid");
                yield gone(Problem.linkInvalid(), "problem.link_invalid", language, html);
            }
            case AcknowledgeAlert.Outcome.NotFound notFound -> {
                LOG.info("acknowledgement link refused: no such alert");
                yield gone(Problem.linkInvalid(), "problem.link_invalid", language, html);
            }
            case AcknowledgeAlert.Outcome.KeptChanging busy -> {
                LOG.warn("alert not acknowledged by link: case kept changing");
                yield html ? pages.message(409, language, "title.conflict", "problem.version_conflict")
                        : AcknowledgementResponses.problem(Problem.conflict("version_conflict"), language, NO_REFERRER);
            }
        };
    }

    private APIGatewayV2HTTPResponse gone(Problem problem, String messageKey, Language language, boolean html) {
        return html ? pages.message(410, language, "title.gone", messageKey)
                : AcknowledgementResponses.problem(problem, language, NO_REFERRER);
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod)
                .map(m -> m.toUpperCase(Locale.ROOT))
                .orElse("GET");
    }

    /** A browser's form post asks for HTML first; API clients ask for JSON. */
    private static boolean prefersHtml(String accept) {
        String lower = accept.toLowerCase(Locale.ROOT);
        int htmlAt = lower.indexOf("text/html");
        int jsonAt = lower.indexOf("application/json");
        return htmlAt >= 0 && (jsonAt < 0 || htmlAt < jsonAt);
    }
}
