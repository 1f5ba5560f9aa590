package kz.senim.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.Forbidden;
import kz.senim.cases.Failures;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.StorageUnavailable;
import kz.senim.http.BadRequest;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import org.slf4j.Logger;

/**
 * The frame of every endpoint for signed-in responders and coordinators: no caller, {@code 401}; a body that is not
 * JSON, {@code 415}; then one exchange, whose refusals and failures become localized problems ({@code 400} bad input,
 * {@code 413} a body too large, {@code 403} a role that may not, {@code 503} storage out of reach, {@code 500} a bug).
 * Logs the operation and outcome, never bodies.
 */
public final class StaffExchange {

    private static final Problem UNAVAILABLE = new Problem(503, "service_unavailable", "title.unavailable",
            "problem.casework_unavailable", null, List.of());
    private static final Problem FAILED = new Problem(500, "internal_error", "title.internal",
            "problem.casework_failed", null, List.of());

    /** The same {@code Idempotency-Key} came with another request: {@code 422}, nothing was stored. */
    public static final Problem KEY_REUSED = new Problem(422, "idempotency_key_reused", "title.key_reused",
            "problem.staff_key_reused", IdempotencyKey.HEADER, List.of());
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private StaffExchange() {
    }

    /**
     * The optional {@code Idempotency-Key} of a staff write that creates something.
     *
     * @throws InvalidInput if present but malformed (answered {@code 400} naming the header)
     */
    public static Optional<IdempotencyKey> idempotencyKey(HttpRequest request) {
        return request.header(IdempotencyKey.HEADER).map(IdempotencyKey::new);
    }

    /** {@code headers}, plus {@code Idempotent-Replayed: true} when the answer replays an earlier request's. */
    public static Map<String, String> replayed(boolean replayed, Map<String, String> headers) {
        if (!replayed) {
            return headers;
        }
        Map<String, String> all = new HashMap<>(headers);
        all.put(REPLAYED_HEADER, "true");
        return Map.copyOf(all);
    }

    /** Decode, call one use case, encode. May throw {@link BadRequest}, {@link InvalidInput} or {@link Forbidden}. */
    @FunctionalInterface
    public interface Exchange {
        APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language);
    }

    public static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Logger log, String operation,
            Exchange exchange) {
        return respond(event, log, operation, UNAVAILABLE, FAILED, exchange);
    }

    /** As above, answering an outage with {@code unavailable} and a bug with {@code failed}. */
    public static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Logger log, String operation,
            Problem unavailable, Problem failed, Exchange exchange) {
        HttpRequest request = new HttpRequest(event);
        Language language = request.acceptLanguage().orElse(Language.DEFAULT);
        Optional<Caller> caller = request.caller();
        if (caller.isEmpty()) {
            log.info("{}: no signed-in caller", operation);
            return HttpResponses.problem(Problem.unauthorized(), language);
        }
        try {
            request.refuseNonJsonBody();
            return exchange.answer(request, caller.get(), language);
        } catch (BadRequest bad) {
            return rejected(log, operation, bad.problem(), language);
        } catch (InvalidInput invalid) {
            return rejected(log, operation, "cursor".equals(invalid.field())
                    ? QueryParameters.invalidCursor() : Problem.invalid(invalid), language);
        } catch (Forbidden forbidden) {
            log.info("{}: forbidden for role {}", operation, caller.get().role().code());
            return HttpResponses.problem(Problem.forbidden(), language);
        } catch (StorageUnavailable outage) {
            log.warn("{}: storage unavailable", operation);
            return HttpResponses.problem(unavailable, language);
        } catch (RuntimeException bug) {
            log.error("{} failed: {}", operation, Failures.describe(bug));
            return HttpResponses.problem(failed, language);
        }
    }

    /** An expected refusal (not found, conflict), logged with its code. */
    public static APIGatewayV2HTTPResponse refused(Logger log, String operation, Problem problem, Language language) {
        log.info("{}: {}", operation, problem.code());
        return HttpResponses.problem(problem, language);
    }

    private static APIGatewayV2HTTPResponse rejected(Logger log, String operation, Problem problem,
            Language language) {
        log.info("{}: rejected {} {}", operation, problem.code(), problem.field());
        return HttpResponses.problem(problem, language);
    }
}
