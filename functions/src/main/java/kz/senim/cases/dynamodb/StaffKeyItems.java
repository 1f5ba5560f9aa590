package kz.senim.cases.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The record of a staff write's {@code Idempotency-Key}, in the case's partition:
 * {@code sk=STAFFKEY#<sha256(key)>}, with the created id and the request's hash. Put with
 * {@code attribute_not_exists} in the transaction that creates the message or referral, so concurrent retries
 * create it once.
 */
public final class StaffKeyItems {

    static final String SK_PREFIX = "STAFFKEY#";
    static final String KIND = "STAFF_KEY";
    static final String REFERENCE = "reference";
    static final String CREATED_ID = "createdId";
    static final String AT = "at";
    static final String REQUEST_HASH = "requestHash";

    private StaffKeyItems() {
    }

    public static Map<String, AttributeValue> key(Reference reference, String keyHash) {
        return Map.of(CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(reference)),
                CasesTable.SK, AttributeValue.fromS(SK_PREFIX + keyHash));
    }

    public static Map<String, AttributeValue> toItem(Reference reference, StaffKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(reference, key.keyHash()));
        item.put(CasesTable.KIND, AttributeValue.fromS(KIND));
        item.put(REFERENCE, AttributeValue.fromS(reference.value()));
        item.put(CREATED_ID, AttributeValue.fromS(key.createdId()));
        item.put(AT, AttributeValue.fromS(key.at().toString()));
        item.put(REQUEST_HASH, AttributeValue.fromS(key.requestHash()));
        return item;
    }

    /** The key item, written only if no request took the key first. */
    public static TransactWriteItem putNew(String table, Reference reference, StaffKey key) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(reference, key))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", CasesTable.PK)).build()).build();
    }

    /** The key's record in the case, read consistently. */
    public static Optional<StaffKey> find(DynamoDbClient dynamoDb, String table, Reference reference,
            String keyHash) {
        return CasesTable.item(dynamoDb, table, key(reference, keyHash)).map(item -> new StaffKey(keyHash,
                item.get(REQUEST_HASH).s(), item.get(CREATED_ID).s(), Instant.parse(item.get(AT).s())));
    }
}
