package kz.senim.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.cases.Failures;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.StorageUnavailable;
import kz.senim.i18n.Language;
import org.slf4j.Logger;

/**
 * The frame of a route anyone may call without signing in (the app, the reporter with a receipt): decode, call one use
 * case, encode. A body that is not JSON is a {@code 415} before anything else is read, one too large a {@code 413}, bad
 * input a {@code 400} that names the field, an outage a {@code 503} the app may retry, a bug a {@code 500}; each in the
 * caller's language and logged by its code only, never with what was sent.
 */
public final class AnonymousExchange {

    private AnonymousExchange() {
    }

    /** Decode, call one use case, encode. May throw {@link BadRequest} or {@link InvalidInput}. */
    @FunctionalInterface
    public interface Exchange {
        APIGatewayV2HTTPResponse answer(HttpRequest request, ProblemLanguage language);
    }

    /**
     * The language a refusal is given in: {@code lang} if Senim serves it, else {@code Accept-Language}, else the
     * default. A route that learns the reporter's language from the body says so with {@link #use}.
     */
    public static final class ProblemLanguage {
        private Language language;

        private ProblemLanguage(Language language) {
            this.language = language;
        }

        public void use(Language reportersLanguage) {
            this.language = reportersLanguage;
        }

        public Language get() {
            return language;
        }
    }

    public static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Logger log, String operation,
            Problem unavailable, Exchange exchange) {
        HttpRequest request = new HttpRequest(event);
        ProblemLanguage language = new ProblemLanguage(request.language());
        try {
            request.refuseNonJsonBody();
            return exchange.answer(request, language);
        } catch (BadRequest bad) {
            return refused(log, operation, bad.problem(), language.get());
        } catch (InvalidInput invalid) {
            return refused(log, operation, Problem.invalid(invalid), language.get());
        } catch (StorageUnavailable outage) {
            log.warn("{} failed: storage unavailable", operation);
            return HttpResponses.problem(unavailable, language.get());
        } catch (RuntimeException bug) {
            log.error("{} failed: {}", operation, Failures.describe(bug));
            return HttpResponses.problem(Problem.internalError(), language.get());
        }
    }

    /** An expected refusal (bad input, no match, a reused key), logged with its code and field. */
    public static APIGatewayV2HTTPResponse refused(Logger log, String operation, Problem problem, Language language) {
        log.info("{} refused: {}{}", operation, problem.code(), problem.field() == null ? "" : " " + problem.field());
        return HttpResponses.problem(problem, language);
    }
}
