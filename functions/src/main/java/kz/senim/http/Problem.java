package kz.senim.http;

import java.util.ArrayList;
import java.util.List;
import kz.senim.cases.InvalidInput;
import kz.senim.i18n.Language;
import kz.senim.i18n.Messages;

/**
 * An answer that something went wrong, as RFC 9457 {@code application/problem+json}: a stable {@code code} for apps,
 * a localized {@code detail} for people that names the field at fault, and never an exception's own message.
 */
public record Problem(int status, String code, String titleKey, String detailKey, String field, List<Object> arguments) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    public static Problem invalid(InvalidInput invalid) {
        String field = invalid.field();
        boolean header = !field.isEmpty() && Character.isUpperCase(field.charAt(0));
        return switch (invalid.violation()) {
            case MISSING -> badRequest("missing_field", header ? "problem.missing_header" : "problem.missing_field",
                    field);
            case UNKNOWN -> badRequest("unknown_field", "problem.unknown_field", field);
            case MUST_BE_TEXT -> badRequest("invalid_field", "problem.must_be_text", field);
            case MUST_BE_BOOLEAN -> badRequest("invalid_field", "problem.must_be_boolean", field);
            case TOO_LONG -> badRequest("invalid_field", "problem.too_long", field, invalid.limit());
            case BLANK -> badRequest("invalid_field", "problem.blank", field);
            case NOT_ALLOWED_VALUE -> header
                    ? badRequest("invalid_field", "problem.invalid_header", field)
                    : badRequest("invalid_field", "problem.not_allowed_value", field, invalid.limit());
            case INVALID_TEXT -> badRequest("invalid_field", "problem.invalid_text", field);
            case BIDI_CONTROL -> badRequest("invalid_field", "problem.bidi_control", field);
        };
    }

    public static Problem invalidParameter(String parameter, String allowed) {
        return badRequest("invalid_field", "problem.invalid_parameter", parameter, allowed);
    }

    public static Problem badRequest(String code, String detailKey, String field, Object... arguments) {
        return new Problem(400, code, "title.bad_request", detailKey, field, List.of(arguments));
    }

    /** The body is larger than the route takes ({@code maxBytes}): {@code 413}, nothing was read further. */
    public static Problem bodyTooLarge(int maxBytes) {
        return new Problem(413, "body_too_large", "title.too_large", "problem.body_too_large", "body",
                List.of(maxBytes));
    }

    /** A JSON route was sent something else: {@code 415} naming {@code Content-Type}. */
    public static Problem unsupportedMediaType() {
        return new Problem(415, "unsupported_media_type", "title.unsupported_media_type",
                "problem.unsupported_media_type", HttpRequest.CONTENT_TYPE, List.of());
    }

    /** A route's throttle refused the request ({@code 429}); the answer carries {@code Retry-After}. */
    public static Problem tooManyRequests() {
        return new Problem(429, "too_many_requests", "title.too_many_requests", "problem.too_many_requests", null,
                List.of());
    }

    /** The path exists, but not with this method ({@code 405}); {@code allowed} as in the {@code Allow} header. */
    public static Problem methodNotAllowed(String allowed) {
        return new Problem(405, "method_not_allowed", "title.method_not_allowed", "problem.method_not_allowed", null,
                List.of(allowed));
    }

    public static Problem notFound() {
        return new Problem(404, "not_found", "title.not_found", "problem.not_found", null, List.of());
    }

    public static Problem keyReused() {
        return new Problem(422, "idempotency_key_reused", "title.key_reused", "problem.idempotency_key_reused",
                "Idempotency-Key", List.of());
    }

    public static Problem unauthorized() {
        return new Problem(401, "unauthorized", "title.unauthorized", "problem.unauthorized", null, List.of());
    }

    public static Problem forbidden() {
        return new Problem(403, "forbidden", "title.forbidden", "problem.forbidden", null, List.of());
    }

    /** Not found, or not in the caller's scope: deliberately the same answer. {@code what}: case, alert, referral. */
    public static Problem notFound(String what) {
        return new Problem(404, "not_found", "title.not_found", "problem." + what + "_not_found", null, List.of());
    }

    /** A change the current state does not allow; {@code reason} is the code (e.g. case_closed) and message key. */
    public static Problem conflict(String reason) {
        return new Problem(409, reason, "title.conflict", "problem." + reason, null, List.of());
    }

    /**
     * The request is well formed but names something the change cannot use (e.g. an assignee of another
     * organisation); {@code reason} is the code and message key.
     */
    public static Problem unprocessable(String reason) {
        return new Problem(422, reason, "title.unprocessable", "problem." + reason, null, List.of());
    }

    public static Problem linkUsed() {
        return new Problem(410, "link_used", "title.gone", "problem.link_used", null, List.of());
    }

    public static Problem linkInvalid() {
        return new Problem(410, "link_invalid", "title.gone", "problem.link_invalid", null, List.of());
    }

    public static Problem unavailable() {
        return new Problem(503, "service_unavailable", "title.unavailable", "problem.service_unavailable", null, List.of());
    }

    public static Problem internalError() {
        return new Problem(500, "internal_error", "title.internal", "problem.internal_error", null, List.of());
    }

    public String title(Language language) {
        return Messages.text(language, titleKey);
    }

    public String detail(Language language) {
        List<Object> all = new ArrayList<>();
        if (field != null) {
            all.add(field);
        }
        all.addAll(arguments);
        return Messages.text(language, detailKey, all.toArray());
    }

    @Override
    public String toString() {
        return "Problem[" + status + " " + code + (field == null ? "" : " " + field) + "]";
    }
}
