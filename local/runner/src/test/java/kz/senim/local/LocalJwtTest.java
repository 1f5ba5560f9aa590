package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ISSUER = LocalJwt.ISSUER;
    private static final People.Person AIGERIM = new People.Person("aigerim.responder.almaty", "Aigerim",
            "kz-75-commission", Role.RESPONDER);

    private final MutableClock clock = new MutableClock(NOW);
    private final LocalJwt jwt = new LocalJwt(ISSUER, CraftedTokens.RUNNER_KEY, clock);

    @TempDir
    Path otherDataDir;

    private ObjectNode claims() {
        return CraftedTokens.validClaims(clock.instant());
    }

    @Test
    void aTokenItIssuedPassesWithItsClaimsAsStrings() {
        String token = jwt.idToken(AIGERIM);

        LocalJwt.Verified verified = jwt.verify("Bearer " + token).orElseThrow();

        assertThat(verified.claims())
                .containsEntry("sub", "aigerim.responder.almaty")
                .containsEntry("cognito:username", "aigerim.responder.almaty")
                .containsEntry("custom:organisationId", "kz-75-commission")
                .containsEntry("custom:role", "responder")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", "senim-local-responder-app")
                .containsEntry("token_use", "id")
                .containsEntry("exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        assertThat(verified.scopes()).isNull();
        assertThat(jwt.verify(token)).as("without the Bearer prefix").isPresent();
    }

    @Test
    void aHandMadeTokenWithTheRightClaimsPassesSoEveryRefusalBelowIsForTheOneThingChanged() {
        LocalJwt.Verified verified = jwt.verify(CraftedTokens.signed(claims().put("scope", "openid profile")))
                .orElseThrow();

        assertThat(verified.claims()).containsEntry("custom:role", "coordinator");
        assertThat(verified.scopes()).containsExactly("openid", "profile");
        ObjectNode severalAudiences = claims();
        severalAudiences.putArray("aud").add("another-app").add(LocalJwt.AUDIENCE);
        assertThat(jwt.verify(CraftedTokens.signed(severalAudiences)).orElseThrow().claims())
                .as("an audience among several").containsEntry("aud", "[another-app senim-local-responder-app]");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = jwt.idToken(AIGERIM);
        assertThat(jwt.verify(token)).isPresent();

        clock.advance(LocalJwt.VALIDITY.plus(Duration.ofMinutes(5)));

        assertThat(jwt.verify(token)).isEmpty();
    }

    @Test
    void aTokenNotValidYetIsRefusedUntilItsTimeComes() {
        String token = CraftedTokens.signed(claims().put("nbf", NOW.plus(Duration.ofMinutes(5)).getEpochSecond()));

        assertThat(jwt.verify(token)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(jwt.verify(token)).isPresent();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("iat", NOW.plus(Duration.ofMinutes(5))
                .getEpochSecond())))).isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("iat", NOW.plusSeconds(10).getEpochSecond()))))
                .as("within the clock skew").isPresent();
    }

    @Test
    void datesThatAreNotNumbersAreRefused() {
        long later = NOW.plus(Duration.ofHours(1)).getEpochSecond();
        long earlier = NOW.minus(Duration.ofMinutes(1)).getEpochSecond();

        assertThat(jwt.verify(CraftedTokens.signed(claims().put("exp", Long.toString(later))))).as("exp").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("nbf", Long.toString(earlier))))).as("nbf").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("iat", Long.toString(earlier))))).as("iat").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("exp", "never")))).as("exp: never").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("nbf", earlier)))).as("nbf as a number").isPresent();
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        ObjectNode claims = claims();
        claims.remove("exp");

        assertThat(jwt.verify(CraftedTokens.signed(claims))).isEmpty();
    }

    @Test
    void aClaimGivenTwiceIsRefusedWhicheverValueAParserWouldKeep() {
        ObjectNode claims = claims();

        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.withSecond(claims, "custom:role",
                "\"national_coordinator\"")))).as("role").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.withSecond(claims, "custom:organisationId",
                "\"national-secretariat\"")))).as("organisation").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.withSecond(claims, "exp",
                Long.toString(NOW.plus(Duration.ofDays(365)).getEpochSecond()))))).as("exp").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.withSecond(claims, "custom:role", "\"coordinator\""))))
                .as("even with the same value").isEmpty();
    }

    @Test
    void onlyIdTokensPass() {
        ObjectNode withoutUse = claims();
        withoutUse.remove("token_use");

        assertThat(jwt.verify(CraftedTokens.signed(claims().put("token_use", "access")))).as("access").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("token_use", "ID")))).as("ID").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(withoutUse))).as("no token_use").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("token_use", "id")))).as("id").isPresent();
    }

    @Test
    void onlyRs256SignaturesWithTheRunnersKeyIdPass() throws Exception {
        String payload = claims().toString();
        RSASSASigner runnerKey = new RSASSASigner(CraftedTokens.RUNNER_KEY.getPrivate());

        assertThat(jwt.verify(CraftedTokens.unsigned(claims()))).as("alg none").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(LocalJwt.KEY_ID)
                .build(), payload, new MACSigner(CraftedTokens.RUNNER_KEY.getPublic().getEncoded()))))
                .as("HS256 keyed with the public key").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(LocalJwt.KEY_ID)
                .build(), payload, runnerKey))).as("RS512").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(LocalJwt.KEY_ID)
                .build(), payload, runnerKey))).as("PS256").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.runnerHeader().keyID("senim-local-2").build(),
                payload, runnerKey))).as("another key id").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), payload,
                runnerKey))).as("no key id").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(CraftedTokens.runnerHeader().build(), payload, runnerKey)))
                .as("RS256 with the key id").isPresent();
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIsRefused() {
        ObjectNode noAudience = claims();
        noAudience.remove("aud");

        assertThat(jwt.verify(CraftedTokens.signed(claims().put("iss", "https://elsewhere")))).isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("aud", "another-app")))).isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(noAudience))).as("no audience at all").isEmpty();
        assertThat(jwt.verify(CraftedTokens.signed(noAudience.deepCopy().put("client_id", LocalJwt.AUDIENCE))))
                .as("client_id stands for a missing aud, as API Gateway reads it").isPresent();
        assertThat(jwt.verify(CraftedTokens.signed(claims().put("aud", "another-app")
                .put("client_id", LocalJwt.AUDIENCE)))).as("but not for another aud").isEmpty();
    }

    @Test
    void aBrokenSignatureAnotherRunnersKeyOrNoTokenAtAllIsRefused() {
        String valid = CraftedTokens.signed(claims());
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA"
                + valid.substring(valid.lastIndexOf('.') + 5);
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + CraftedTokens.signed(claims().put("custom:role", "national_coordinator"))
                .split("\\.")[1] + "." + parts[2];

        assertThat(jwt.verify(valid)).isPresent();
        assertThat(jwt.verify(tampered)).isEmpty();
        assertThat(jwt.verify(forged)).as("other claims under the signature of these").isEmpty();
        assertThat(jwt.verify("Bearer not-a-token")).isEmpty();
        assertThat(jwt.verify("Bearer ")).isEmpty();
        assertThat(jwt.verify(null)).isEmpty();
        assertThat(new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.of(otherDataDir)), clock).verify(valid))
                .as("signed by another runner's key").isEmpty();
    }

    @Test
    void aSeededPersonsTokenCarriesTheClaimsOfACognitoIdTokenValidForAnHour() {
        People.Person dana = People.load().find("dana.coordinator.almaty").orElseThrow();

        Map<String, String> claims = jwt.verify(jwt.idToken(dana)).orElseThrow().claims();

        assertThat(claims)
                .containsEntry("sub", "dana.coordinator.almaty")
                .containsEntry("custom:organisationId", "kz-75-commission")
                .containsEntry("custom:role", "coordinator")
                .containsEntry("iss", "urn:senim:local-user-pool")
                .containsEntry("aud", "senim-local-responder-app")
                .containsEntry("token_use", "id")
                .containsEntry("iat", Long.toString(NOW.getEpochSecond()))
                .containsEntry("exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
    }

    @Test
    void theKeyKeptInTheDataDirectoryVerifiesAfterARestartWhatWasSignedBeforeIt(@TempDir Path dataDir) {
        String before = new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.of(dataDir)), clock)
                .idToken(AIGERIM);

        LocalJwt afterRestart = new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.of(dataDir)), clock);

        assertThat(afterRestart.verify(before)).isPresent();
        assertThat(dataDir.resolve(LocalSecrets.JWT_SIGNING_KEY_FILE)).isRegularFile();
        assertThat(jwt.verify(before)).as("the in-memory runners' key is another").isEmpty();
    }
}
