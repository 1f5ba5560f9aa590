package kz.senim.casework.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.alerting.dynamodb.AlertItems;
import kz.senim.audit.AuditEntry;
import kz.senim.audit.dynamodb.AuditItems;
import kz.senim.casework.CaseFile;
import kz.senim.casework.Cases;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.intake.dynamodb.ReportItems;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

public final class DynamoDbCases implements Cases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUERIES_PER_PAGE = 10;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCases(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<CaseFile> find(Reference reference) {
        try {
            GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(CaseItems.key(reference)));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(CaseItems.fromItem(response.item())) : Optional.empty();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    @Override
    public QueuePage queue(QueueQuery query) {
        Map<String, String> names = new HashMap<>(Map.of("#queue", ReportItems.QUEUE_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":queue",
                AttributeValue.fromS(ReportItems.queuePartition(query.region()))));
        List<String> filters = new ArrayList<>();
        query.status().ifPresent(s -> filter("status", s.code(), names, values, filters));
        query.severity().ifPresent(s -> filter("severity", s.code(), names, values, filters));
        query.category().ifPresent(c -> filter("category", c.code(), names, values, filters));
        Map<String, AttributeValue> startKey = query.cursor().map(DynamoDbCases::decodeCursor).orElse(null);
        List<CaseFile> found = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_QUERIES_PER_PAGE && found.size() < query.limit(); i++) {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                        .indexName(ReportItems.QUEUE_INDEX)
                        .keyConditionExpression("#queue = :queue")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(true)
                        .limit(query.limit() - found.size());
                if (!filters.isEmpty()) {
                    request.filterExpression(String.join(" AND ", filters));
                }
                if (startKey != null) {
                    request.exclusiveStartKey(startKey);
                }
                QueryResponse response = dynamoDb.query(request.build());
                response.items().stream().map(CaseItems::fromItem).forEach(found::add);
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                if (startKey == null) {
                    break;
                }
            }
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
        return new QueuePage(found, Optional.ofNullable(startKey).map(DynamoDbCases::encodeCursor));
    }

    @Override
    public SaveOutcome save(CaseFile changed, AuditEntry entry) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(CaseItems.update(table, changed),
                    AuditItems.put(table, entry)));
            return new SaveOutcome.Saved();
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.hasCancellationReasons() && !cancelled.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().getFirst().code())) {
                return new SaveOutcome.VersionConflict();
            }
            throw new StorageUnavailable("case change not stored", cancelled);
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("cases table unavailable", e);
        }
    }

    private static void filter(String attribute, String value, Map<String, String> names,
            Map<String, AttributeValue> values, List<String> filters) {
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, AttributeValue.fromS(value));
        filters.add("#" + attribute + " = :" + attribute);
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        Map<String, String> plain = new HashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        try {
            Map<String, String> plain = JSON.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            boolean wellFormed = plain.keySet().equals(java.util.Set.of(AlertItems.PK, AlertItems.SK,
                    ReportItems.QUEUE_PK, ReportItems.QUEUE_SK)) && plain.values().stream().allMatch(v -> v != null
                    && v.length() < 200);
            if (!wellFormed) {
                throw new InvalidInput("cursor", InvalidInput.Violation.NOT_ALLOWED_VALUE, "a cursor from a page");
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidInput("cursor", InvalidInput.Violation.NOT_ALLOWED_VALUE, "a cursor from a page");
        }
    }

}
