package kz.senim.acknowledgement.secretsmanager;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The key that signs acknowledgement links, read from a Secrets Manager secret (its SecretString). Read when the first
 * link is made or checked, never while the function initialises, so it stays out of SnapStart snapshots.
 */
public final class SecretsManagerLinkKey implements Supplier<byte[]> {

    private final SecretsManagerClient secretsManager;
    private final String secretArn;

    public SecretsManagerLinkKey(SecretsManagerClient secretsManager, String secretArn) {
        this.secretsManager = secretsManager;
        this.secretArn = secretArn;
    }

    @Override
    public byte[] get() {
        try {
            return secretsManager.getSecretValue(r -> r.secretId(secretArn)).secretString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (SdkException e) {
            throw new StorageUnavailable("acknowledgement link key unavailable", e);
        }
    }
}
