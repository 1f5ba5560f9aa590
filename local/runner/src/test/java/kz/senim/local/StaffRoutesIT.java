package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routes behind the API's JWT authorizer: as in AWS, a request without a valid ID token never reaches a function;
 * with a token of the local issuer (what signing in to Cognito gives a responder) it does, with the verified claims.
 */
class StaffRoutesIT {

    private static SenimLocal senim;
    private static LocalApi api;

    @BeforeAll
    static void startSenim() {
        senim = SenimLocal.start(Options.forTests());
        api = new LocalApi(senim);
    }

    @AfterAll
    static void stopSenim() {
        senim.close();
    }

    @Test
    void withoutATokenTheGatewayRefusesAsTheJwtAuthorizerDoes() {
        LocalApi.Answer none = api.sendUnchecked("GET", "/v1/cases?region=KZ-75", Map.of(), null);
        LocalApi.Answer forged = api.sendUnchecked("GET", "/v1/cases?region=KZ-75",
                Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), null);

        for (LocalApi.Answer answer : java.util.List.of(none, forged)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json()).isEqualTo(LocalApi.JSON.createObjectNode().put("message", "Unauthorized"));
        }
    }

    @Test
    void aResponderWithATokenSeesTheQueueOfTheirRegion() {
        String reference = api.submit(ReportBodies.newKey(), ReportBodies.victimInAlmatyInDanger().toString()).json()
                .path("reference").asText();
        String token = api.tokenFor("aigerim.responder.almaty"); // a responder of the Almaty commission

        LocalApi.Answer queue = api.get("/v1/cases?region=KZ-75", Map.of("Authorization", "Bearer " + token));

        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().path("cases").findValuesAsText("reference")).contains(reference);
        assertThat(queue.body()).doesNotContain(ReportBodies.victimInAlmatyInDanger().path("narrative").asText());
    }

    @Test
    void aResponderIsRefusedTheQueueOfAnotherRegionByTheFunction() {
        LocalApi.Answer queue = api.get("/v1/cases?region=KZ-71",
                LocalApi.bearer(api.tokenFor("aigerim.responder.almaty")));

        assertThat(queue.status()).isEqualTo(403);
    }
}
