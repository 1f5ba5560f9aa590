package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRouteTest {

    @Test
    void aPathParameterTakesOneDecodedSegment() {
        HttpRoute route = new HttpRoute("GET", "/v1/reports/{reference}", Optional.empty(), Optional.empty(), null);

        assertThat(route.match("GET", "/v1/reports/SN-7Q2K-9M4D-XW3P")).contains(Map.of("reference", "SN-7Q2K-9M4D-XW3P"));
        assertThat(route.match("GET", "/v1/reports/a%20b+c")).contains(Map.of("reference", "a b+c"));
        assertThat(route.match("POST", "/v1/reports/SN-7Q2K-9M4D-XW3P")).isEmpty();
        assertThat(route.match("GET", "/v1/reports/")).isEmpty();
        assertThat(route.match("GET", "/v1/reports/a/b")).isEmpty();
        assertThat(route.match("GET", "/v1/reports")).isEmpty();
    }

    @Test
    void aGreedyParameterTakesTheRestAndAnyMatchesEveryMethod() {
        HttpRoute route = new HttpRoute("ANY", "/files/{proxy+}", Optional.empty(), Optional.empty(), null);

        assertThat(route.match("DELETE", "/files/a/b/c")).contains(Map.of("proxy", "a/b/c"));
        assertThat(route.match("GET", "/files")).isEmpty();
    }

    @Test
    void aPathMatchesWhateverTheMethodSoAWrongMethodCanBeTold() {
        HttpRoute route = new HttpRoute("POST", "/v1/reports", Optional.empty(), Optional.empty(), null);

        assertThat(route.match("DELETE", "/v1/reports")).isEmpty();
        assertThat(route.matchPath("/v1/reports")).contains(Map.of());
        assertThat(route.matchPath("/v1/regions")).isEmpty();
    }

    @Test
    void theMostSpecificRouteComesFirst() {
        List<HttpRoute> routes = List.of(
                new HttpRoute("ANY", "/v1/{proxy+}", Optional.empty(), Optional.empty(), null),
                new HttpRoute("GET", "/v1/reports/{reference}", Optional.empty(), Optional.empty(), null),
                new HttpRoute("GET", "/v1/reports/latest", Optional.empty(), Optional.empty(), null))
                .stream().sorted(HttpRoute.MOST_SPECIFIC_FIRST).toList();

        assertThat(routes).extracting(HttpRoute::routeKey)
                .containsExactly("GET /v1/reports/latest", "GET /v1/reports/{reference}", "ANY /v1/{proxy+}");
    }
}
