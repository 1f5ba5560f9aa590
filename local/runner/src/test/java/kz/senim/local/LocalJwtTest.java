package kz.senim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ISSUER = LocalJwt.ISSUER;

    private final MutableClock clock = new MutableClock(NOW);
    private final LocalJwt jwt = new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.empty()), clock);

    @TempDir
    Path otherDataDir;

    @Test
    void aTokenItIssuedPassesWithItsClaimsAsStrings() {
        String token = jwt.idToken("person-1", "kz-75-commission", "responder", Optional.of("a@example.org"));

        LocalJwt.Verified verified = jwt.verify("Bearer " + token).orElseThrow();

        assertThat(verified.claims())
                .containsEntry("sub", "person-1")
                .containsEntry("custom:organisationId", "kz-75-commission")
                .containsEntry("custom:role", "responder")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", LocalJwt.AUDIENCE)
                .containsEntry("token_use", "id")
                .containsEntry("email_verified", "true")
                .containsEntry("exp", Long.toString(NOW.plus(LocalJwt.VALIDITY).getEpochSecond()));
        assertThat(verified.scopes()).isNull();
        assertThat(jwt.verify(token)).as("without the Bearer prefix").isPresent();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = jwt.idToken("person-1", "kz-75-commission", "responder", Optional.empty());
        assertThat(jwt.verify(token)).isPresent();

        clock.advance(LocalJwt.VALIDITY.plus(Duration.ofMinutes(5)));

        assertThat(jwt.verify(token)).isEmpty();
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceOrWithABrokenSignatureIsRefused() {
        ObjectNode claims = LocalApi.JSON.createObjectNode().put("sub", "x").put("iss", "https://elsewhere")
                .put("aud", LocalJwt.AUDIENCE).put("exp", NOW.plusSeconds(600).getEpochSecond());
        String otherIssuer = jwt.sign(claims);
        String otherAudience = jwt.sign(claims.put("iss", ISSUER).put("aud", "another-app"));
        String valid = jwt.sign(claims.put("aud", LocalJwt.AUDIENCE));
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";

        assertThat(jwt.verify(valid)).isPresent();
        assertThat(jwt.verify(otherIssuer)).isEmpty();
        assertThat(jwt.verify(otherAudience)).isEmpty();
        assertThat(jwt.verify(tampered)).isEmpty();
        assertThat(jwt.verify(unsigned)).isEmpty();
        assertThat(jwt.verify("Bearer not-a-token")).isEmpty();
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
                .containsEntry("iss", LocalJwt.ISSUER)
                .containsEntry("aud", LocalJwt.AUDIENCE)
                .containsEntry("token_use", "id")
                .containsEntry("iat", Long.toString(NOW.getEpochSecond()))
                .containsEntry("exp", Long.toString(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
    }

    @Test
    void theKeyKeptInTheDataDirectoryVerifiesAfterARestartWhatWasSignedBeforeIt(@TempDir Path dataDir) {
        String before = new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.of(dataDir)), clock)
                .idToken("person-1", "kz-75-commission", "responder", Optional.empty());

        LocalJwt afterRestart = new LocalJwt(ISSUER, LocalSecrets.jwtSigningKey(Optional.of(dataDir)), clock);

        assertThat(afterRestart.verify(before)).isPresent();
        assertThat(dataDir.resolve(LocalSecrets.JWT_SIGNING_KEY_FILE)).isRegularFile();
        assertThat(jwt.verify(before)).as("the in-memory runners' key is another").isEmpty();
    }
}
