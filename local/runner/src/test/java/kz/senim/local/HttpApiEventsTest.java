package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58.123Z");

    private static HttpApiEvents.Request request(List<Map.Entry<String, String>> headers, String rawQuery, byte[] body) {
        return new HttpApiEvents.Request("GET", "/v1/reports/SN-7Q2K-9M4D-XW3P", rawQuery, headers, body,
                "192.0.2.10", 8080);
    }

    @Test
    void theEventCarriesTheCallerAsApiGatewayGivesItToTheFunction() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request(List.of(
                        Map.entry("Host", "localhost:8080"),
                        Map.entry("User-Agent", "SenimApp/1.0"),
                        Map.entry("X-Forwarded-For", "203.0.113.77"),
                        Map.entry("Accept", "application/json"),
                        Map.entry("Accept", "text/plain"),
                        Map.entry("Cookie", "a=1; b=2")), "lang=ru&x=1&x=2&y=a%20b", null),
                "GET /v1/reports/{reference}", Map.of("reference", "SN-7Q2K-9M4D-XW3P"), "req-1", NOW);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /v1/reports/{reference}");
        assertThat(event.getRawPath()).isEqualTo("/v1/reports/SN-7Q2K-9M4D-XW3P");
        assertThat(event.getRawQueryString()).isEqualTo("lang=ru&x=1&x=2&y=a%20b");
        assertThat(event.getQueryStringParameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("lang", "ru", "x", "1,2", "y", "a b"));
        assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("reference", "SN-7Q2K-9M4D-XW3P"));
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getHeaders()).containsEntry("accept", "application/json,text/plain")
                .containsEntry("user-agent", "SenimApp/1.0")
                .containsEntry("host", "localhost:8080")
                .containsEntry("x-forwarded-for", "203.0.113.77, 192.0.2.10")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "8080")
                .containsKey("x-amzn-trace-id")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getHttp().getSourceIp()).isEqualTo("192.0.2.10");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("SenimApp/1.0");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/v1/reports/SN-7Q2K-9M4D-XW3P");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRouteKey()).isEqualTo("GET /v1/reports/{reference}");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getDomainName()).isEqualTo("localhost");
        assertThat(context.getTime()).isEqualTo("12/Mar/2026:19:03:58 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void aTextBodyIsPassedAsTextAndAnythingElseInBase64() {
        byte[] json = "{\"narrative\":\"Паспорт забрали\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xC3, 0x28, (byte) 0xFF};

        APIGatewayV2HTTPEvent text = HttpApiEvents.toEvent(request(List.of(), null, json), "POST /v1/reports",
                Map.of(), "r", NOW);
        APIGatewayV2HTTPEvent bytes = HttpApiEvents.toEvent(request(List.of(), null, binary), "POST /v1/reports",
                Map.of(), "r", NOW);

        assertThat(text.getBody()).isEqualTo("{\"narrative\":\"Паспорт забрали\"}");
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(bytes.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(bytes.getBody())).isEqualTo(binary);
        assertThat(text.getRawQueryString()).isEmpty();
        assertThat(text.getQueryStringParameters()).isNull();
    }

    @Test
    void theFunctionsAnswerBecomesTheHttpResponse() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept-Language", "Origin")))
                .withCookies(List.of("c=1"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .withIsBase64Encoded(true)
                .build();

        HttpApiEvents.Reply reply = HttpApiEvents.toReply(response, "req-2");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).containsExactly(1, 2, 3);
        assertThat(reply.headers()).contains(Map.entry("Content-Type", "application/json"),
                Map.entry("Vary", "Accept-Language"), Map.entry("Vary", "Origin"), Map.entry("Set-Cookie", "c=1"),
                Map.entry("apigw-requestid", "req-2"));
    }

    @Test
    void aFunctionAnswerWithoutAStatusIsAnInternalServerError() {
        HttpApiEvents.Reply reply = HttpApiEvents.toReply(new APIGatewayV2HTTPResponse(), "req-3");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
    @Test
    void theGatewaysOwnRefusalIsAProblemInTheLanguageTheFunctionsWouldChoose() {
        HttpApiEvents.Reply byLang = HttpApiEvents.problem(kz.senim.http.Problem.tooManyRequests(),
                request(List.of(Map.entry("Accept-Language", "ru")), "lang=kk", null), "req-2", NOW,
                List.of(Map.entry("Retry-After", "3")));
        HttpApiEvents.Reply byHeader = HttpApiEvents.problem(kz.senim.http.Problem.tooManyRequests(),
                request(List.of(Map.entry("Accept-Language", "uz-Latn, ru;q=0.5")), null, null), "req-3", NOW,
                List.of());
        HttpApiEvents.Reply byDefault = HttpApiEvents.problem(kz.senim.http.Problem.bodyTooLarge(10),
                request(List.of(), null, new byte[0]), "req-4", NOW, List.of());

        assertThat(byLang.status()).isEqualTo(429);
        assertThat(byLang.headers()).contains(Map.entry("Content-Language", "kk"), Map.entry("Retry-After", "3"),
                Map.entry("Cache-Control", "no-store"), Map.entry("apigw-requestid", "req-2"));
        assertThat(new String(byLang.body(), StandardCharsets.UTF_8)).contains("\"code\":\"too_many_requests\"");
        assertThat(byHeader.headers()).contains(Map.entry("Content-Language", "uz"));
        assertThat(byHeader.headers()).extracting(Map.Entry::getKey).doesNotContain("Retry-After");
        assertThat(byDefault.status()).isEqualTo(413);
        assertThat(byDefault.headers()).contains(Map.entry("Content-Language", "en"),
                Map.entry("Content-Type", "application/problem+json; charset=utf-8"));
    }
}
