package kz.senim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import kz.senim.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {

    private static HttpRequest request(String method, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(headers);
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return new HttpRequest(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON; CHARSET=UTF-8",
            "application/json;charset=utf-8", "application/json; charset=\"utf-8\"", " application/json "})
    void json_with_utf8_or_no_charset_is_json(String contentType) {
        assertThat(HttpRequest.isJson(contentType)).isTrue();
        assertThat(request("POST", contentType, "{}").body(16)).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "",
            "application/json; charset=latin1", "application/json; charset=utf8", "application/json; boundary=x",
            "application/json; charset", "application/problem+json", "application/jsonx", "text/json",
            "application/json, text/plain"})
    void anything_else_is_refused_with_415_naming_content_type(String contentType) {
        assertThat(HttpRequest.isJson(contentType)).isFalse();
        assertThatThrownBy(() -> request("POST", contentType, "{}").body(16))
                .isInstanceOfSatisfying(BadRequest.class, bad -> {
                    assertThat(bad.problem().status()).isEqualTo(415);
                    assertThat(bad.problem().code()).isEqualTo("unsupported_media_type");
                    assertThat(bad.problem().field()).isEqualTo("Content-Type");
                });
    }

    @Test
    void a_body_without_content_type_is_refused_even_before_it_is_read() {
        assertThatThrownBy(() -> request("POST", null, "{}").refuseNonJsonBody())
                .isInstanceOfSatisfying(BadRequest.class, bad -> assertThat(bad.problem().status()).isEqualTo(415));
        assertThatCode(() -> request("POST", "application/json", "{}").refuseNonJsonBody())
                .as("the same body as JSON").doesNotThrowAnyException();
    }

    @Test
    void a_request_without_a_body_or_a_get_passes_whatever_it_declares() {
        assertThatCode(() -> request("POST", "text/plain", null).refuseNonJsonBody()).doesNotThrowAnyException();
        assertThatCode(() -> request("POST", null, "").refuseNonJsonBody()).doesNotThrowAnyException();
        assertThatCode(() -> request("GET", "text/plain", "x").refuseNonJsonBody()).doesNotThrowAnyException();
        assertThatThrownBy(() -> request("PUT", "text/plain", "x").refuseNonJsonBody())
                .as("a PUT with the same body").isInstanceOf(BadRequest.class);
    }

    @Test
    void a_body_over_the_limit_is_413_and_one_at_the_limit_is_read() {
        assertThat(request("POST", "application/json", "{\"a\":1}").body(7)).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> request("POST", "application/json", "{\"a\":12}").body(7))
                .isInstanceOfSatisfying(BadRequest.class, bad -> {
                    assertThat(bad.problem().status()).isEqualTo(413);
                    assertThat(bad.problem().code()).isEqualTo("body_too_large");
                    assertThat(bad.problem().field()).isEqualTo("body");
                    assertThat(bad.problem().detail(Language.EN)).contains("7");
                });
    }

    @Test
    void an_accept_language_longer_than_the_contract_allows_is_ignored() {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("accept-language", "kk"));
        APIGatewayV2HTTPEvent longer = new APIGatewayV2HTTPEvent();
        longer.setHeaders(Map.of("accept-language", "kk, " + "x;q=0.1, ".repeat(40)));

        assertThat(new HttpRequest(event).acceptLanguage()).contains(Language.KK);
        assertThat(longer.getHeaders().get("accept-language")).hasSizeGreaterThan(HttpRequest.MAX_ACCEPT_LANGUAGE);
        assertThat(new HttpRequest(longer).acceptLanguage()).isEmpty();
    }
}
