package kz.senim.cases.kms;

import java.util.Map;
import kz.senim.cases.KeyEncryptionKey;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DependencyTimeoutException;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;

/**
 * The KEK as a customer-managed KMS key: {@code GenerateDataKey} (AES-256) for writers, {@code Decrypt} for the paths
 * that show a case, both with the encryption context {@code {"reference": "<reference>"}}, which the key policy
 * requires and CloudTrail records. The key policy and each function's role decide who may do which.
 */
public final class KmsKeyEncryptionKey implements KeyEncryptionKey {

    /** The encryption context key; its value is the case's reference. */
    public static final String CONTEXT_KEY = "reference";

    private final KmsClient kms;
    private final String keyArn;

    public KmsKeyEncryptionKey(KmsClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public DataKey newDataKey(Reference reference) {
        try {
            GenerateDataKeyResponse made = kms.generateDataKey(r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(context(reference)));
            return new DataKey(made.plaintext().asByteArray(), made.ciphertextBlob().asByteArray());
        } catch (SdkClientException unavailable) {
            throw new StorageUnavailable("content key unavailable", unavailable);
        } catch (KmsException refused) {
            throw translated(refused);
        }
    }

    @Override
    public byte[] unwrap(Reference reference, byte[] wrapped) {
        try {
            DecryptResponse opened = kms.decrypt(r -> r.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context(reference)));
            return opened.plaintext().asByteArray();
        } catch (SdkClientException unavailable) {
            throw new StorageUnavailable("content key unavailable", unavailable);
        } catch (KmsException refused) {
            throw translated(refused);
        }
    }

    /**
     * KMS throttled or out of order: the caller may retry. Anything else (access denied, a key wrapped for another
     * case, a disabled key) is no outage but a fault to fix, and must not look like one.
     */
    private static RuntimeException translated(KmsException e) {
        boolean outage = e.isThrottlingException() || e.statusCode() >= 500 || e instanceof KeyUnavailableException
                || e instanceof DependencyTimeoutException || e instanceof KmsInternalException;
        return outage ? new StorageUnavailable("content key unavailable", e)
                : new IllegalStateException("the content key refused: " + e.getClass().getSimpleName(), e);
    }

    private static Map<String, String> context(Reference reference) {
        return Map.of(CONTEXT_KEY, reference.value());
    }
}
