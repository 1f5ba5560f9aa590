package kz.senim.intake.secretsmanager;

import java.util.function.Supplier;
import kz.senim.cases.StorageUnavailable;
import kz.senim.intake.ReceiptKeys;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The receipt keys, read from a Secrets Manager secret whose SecretString is {@code {"v1": "<key>", ...}} (the
 * template generates {@code v1}). Read when the first receipt is hashed or checked, never while the function
 * initialises, so the keys stay out of SnapStart snapshots.
 */
public final class SecretsManagerReceiptKeys implements Supplier<ReceiptKeys> {

    private final SecretsManagerClient secretsManager;
    private final String secretArn;

    public SecretsManagerReceiptKeys(SecretsManagerClient secretsManager, String secretArn) {
        this.secretsManager = secretsManager;
        this.secretArn = secretArn;
    }

    @Override
    public ReceiptKeys get() {
        String secret;
        try {
            secret = secretsManager.getSecretValue(r -> r.secretId(secretArn)).secretString();
        } catch (SdkException e) {
            throw new StorageUnavailable("receipt keys unavailable", e);
        }
        return ReceiptKeys.parse(secret);
    }
}
