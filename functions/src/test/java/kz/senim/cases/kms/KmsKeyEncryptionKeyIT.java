package kz.senim.cases.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.security.SecureRandom;
import java.time.Clock;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.KeyEncryptionKey;
import kz.senim.cases.Reference;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.local.engines.Engines;
import kz.senim.testing.InMemoryCaseKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@link KmsKeyEncryptionKey} against a real KMS API: LocalStack, which serves every service on the endpoint of its
 * DynamoDB ({@code -Dsenim.engine=localstack}, needs Docker). The embedded engines have no KMS, so with them this
 * test does not run: the local KEK ({@code LocalKeyEncryptionKey}) is what the runner and every other test use.
 * The client finds its endpoint through the SDK's standard setting ({@code AWS_ENDPOINT_URL_KMS}, here the system
 * property {@value #KMS_ENDPOINT}), as the Lambda's does.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class KmsKeyEncryptionKeyIT {

    static final String KMS_ENDPOINT = "aws.endpointUrlKms";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KmsClient kms;
    private String keyArn;

    @BeforeEach
    void aKmsKeyOnLocalStack(DynamoDbEngine engine) {
        assumeFalse(Engines.embedded(), "KMS runs on LocalStack only: -Dsenim.engine=localstack (Docker)");
        String previous = System.setProperty(KMS_ENDPOINT, engine.endpoint().toString());
        try {
            kms = KmsClient.builder().region(engine.region()).httpClient(UrlConnectionHttpClient.create()).build();
        } finally {
            if (previous == null) {
                System.clearProperty(KMS_ENDPOINT);
            } else {
                System.setProperty(KMS_ENDPOINT, previous);
            }
        }
        keyArn = kms.createKey(r -> r.description("senim KmsKeyEncryptionKeyIT")).keyMetadata().arn();
    }

    @Test
    void aDataKeyMadeForACaseUnwrapsForThatCaseOnly() {
        KeyEncryptionKey kek = new KmsKeyEncryptionKey(kms, keyArn);
        Reference reference = Reference.random(RANDOM);

        KeyEncryptionKey.DataKey made = kek.newDataKey(reference);
        byte[] plain = made.plain().clone();

        assertThat(plain).hasSize(32);
        assertThat(kek.unwrap(reference, made.wrapped())).isEqualTo(plain);
        assertThatThrownBy(() -> kek.unwrap(Reference.random(RANDOM), made.wrapped()))
                .as("another case's encryption context").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentSealedUnderKmsOpensAgainAndIsErasedWithItsKeys() {
        InMemoryCaseKeys keys = new InMemoryCaseKeys();
        CaseContent content = new CaseContent(new KmsKeyEncryptionKey(kms, keyArn), keys, RANDOM, Clock.systemUTC());
        Reference reference = Reference.random(RANDOM);
        CaseContent.Sealing sealing = content.sealing(reference);
        CaseText sealed = CaseText.stored(sealing.stored(CaseText.plain("Паспорт забрали.")).orElseThrow());
        keys.keep(sealing.newKey().orElseThrow());

        assertThat(content.opening(reference).open(sealed)).isEqualTo(CaseText.plain("Паспорт забрали."));
        keys.forget(reference);
        assertThat(content.opening(reference).open(sealed)).isEqualTo(new CaseText.Erased());
    }
}
