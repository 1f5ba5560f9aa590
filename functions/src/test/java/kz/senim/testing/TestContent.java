package kz.senim.testing;

import java.security.SecureRandom;
import java.time.Clock;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseKeyring;
import kz.senim.cases.LocalKeyEncryptionKey;
import kz.senim.cases.dynamodb.CaseKeysTable;
import kz.senim.cases.dynamodb.ContentWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Case content sealed as deployed (AES-256-GCM, data keys wrapped by a KEK), under a fixed test KEK. */
public final class TestContent {

    /** What {@code CONTENT_KEK} holds in tests: 32 bytes, base64. */
    public static final String KEK = "c2VuaW0tdGVzdC1rZWstMDEyMzQ1Njc4OWFiY2RlZjA=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestContent() {
    }

    public static LocalKeyEncryptionKey kek() {
        return new LocalKeyEncryptionKey(LocalKeyEncryptionKey.fixedKey(KEK), RANDOM);
    }

    public static CaseContent content(CaseKeyring keyring) {
        return new CaseContent(kek(), keyring, RANDOM, Clock.systemUTC());
    }

    /** Sealing and opening with the keys in {@code keysTable}. */
    public static CaseContent content(DynamoDbClient dynamoDb, String keysTable) {
        return content(new CaseKeysTable(dynamoDb, keysTable));
    }

    /** Writes that seal their texts, each key put in {@code keysTable} with its write. */
    public static ContentWrites writes(DynamoDbClient dynamoDb, String keysTable) {
        return new ContentWrites(content(dynamoDb, keysTable), keysTable);
    }
}
