package kz.senim.cases.dynamodb;

import java.util.Map;
import java.util.Optional;
import kz.senim.cases.CaseKey;
import kz.senim.cases.CaseKeyring;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The case keys table: the wrapped data keys of cases, {@code pk=CASE#<reference>}, {@code sk=KEY#<keyId>},
 * {@code wrappedKey} (B), {@code createdAt}. Nothing else is kept there, and the table has no point-in-time recovery
 * and no backups: deleting a case's items here makes every copy of its sealed texts unreadable, in the cases table's
 * backups too. A key is put in the transaction that writes what it seals ({@link #putNew}).
 */
public final class CaseKeysTable implements CaseKeyring {

    static final String SK_PREFIX = "KEY#";
    static final String WRAPPED_KEY = "wrappedKey";
    static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public CaseKeysTable(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** The put of a new key, to go in the transaction of what it seals. */
    public static TransactWriteItem putNew(String table, CaseKey key) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of(
                        CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(key.reference())),
                        CasesTable.SK, AttributeValue.fromS(SK_PREFIX + key.keyId()),
                        WRAPPED_KEY, AttributeValue.fromB(SdkBytes.fromByteArray(key.wrapped())),
                        CREATED_AT, AttributeValue.fromS(key.createdAt().toString())))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK)).build()).build();
    }

    @Override
    public Optional<byte[]> wrapped(Reference reference, String keyId) {
        return CasesTable.item(dynamoDb, table, CasesTable.key(reference, SK_PREFIX + keyId))
                .map(item -> item.get(WRAPPED_KEY).b().asByteArray());
    }

    @Override
    public void forget(Reference reference) {
        try {
            dynamoDb.queryPaginator(r -> r.tableName(table).consistentRead(true)
                            .keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", CasesTable.PK))
                            .expressionAttributeValues(Map.of(":pk",
                                    AttributeValue.fromS(CasesTable.casePartition(reference))))
                            .projectionExpression("#pk, sk"))
                    .items()
                    .forEach(item -> dynamoDb.deleteItem(r -> r.tableName(table)
                            .key(Map.of(CasesTable.PK, item.get(CasesTable.PK), CasesTable.SK, item.get(CasesTable.SK)))));
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("case keys table unavailable", e);
        }
    }
}
