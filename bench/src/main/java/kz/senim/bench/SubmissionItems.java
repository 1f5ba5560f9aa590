package kz.senim.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The items one real submission stored in the cases table, read back from it: the report, one alert per recipient
 * and the idempotency record. {@link #fresh()} makes the same items for another reference and key, so the floor
 * writes exactly what Senim writes.
 */
record SubmissionItems(Map<String, AttributeValue> report, List<Map<String, AttributeValue>> alerts,
                       Map<String, AttributeValue> idempotency, String reference, String keyHash) {

    /** What the dispatcher adds to an alert after the submission; not part of what a submission writes. */
    private static final Set<String> DISPATCH_ATTRIBUTES = Set.of("claimedUntil", "publishedAt", "messageId");
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads back what submitting {@code reference} under {@code idempotencyKey} stored. */
    static SubmissionItems capture(DynamoDbClient dynamoDb, String table, String reference, String idempotencyKey) {
        String keyHash = sha256Hex(idempotencyKey);
        Map<String, AttributeValue> report = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key("CASE#" + reference, "REPORT"))).item();
        Map<String, AttributeValue> idempotency = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key("IDEMPOTENCY#" + keyHash, "IDEMPOTENCY"))).item();
        List<Map<String, AttributeValue>> alerts = new ArrayList<>();
        dynamoDb.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :alert)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#" + reference),
                                ":alert", AttributeValue.fromS("ALERT#"))))
                .items().forEach(item -> {
                    Map<String, AttributeValue> alert = new HashMap<>(item);
                    alert.keySet().removeAll(DISPATCH_ATTRIBUTES);
                    alerts.add(alert);
                });
        if (report == null || report.isEmpty() || idempotency == null || idempotency.isEmpty() || alerts.isEmpty()) {
            throw new IllegalStateException("the submission of " + reference + " is not in " + table
                    + " as expected (report, alerts, idempotency record)");
        }
        return new SubmissionItems(Map.copyOf(report), List.copyOf(alerts), Map.copyOf(idempotency), reference,
                keyHash);
    }

    /** The same items for a new random reference and key hash (same lengths, so the same sizes). */
    SubmissionItems fresh() {
        String newReference = reference.length() == 17
                ? "SN-" + random(4) + "-" + random(4) + "-" + random(4)
                : "SN-" + random(reference.length() - 3);
        byte[] hash = new byte[keyHash.length() / 2];
        RANDOM.nextBytes(hash);
        String newKeyHash = HexFormat.of().formatHex(hash);
        return new SubmissionItems(replace(report, newReference, newKeyHash),
                alerts.stream().map(alert -> replace(alert, newReference, newKeyHash)).toList(),
                replace(idempotency, newReference, newKeyHash), newReference, newKeyHash);
    }

    /** Every item, report first. */
    List<Map<String, AttributeValue>> all() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        all.add(report);
        all.addAll(alerts);
        all.add(idempotency);
        return all;
    }

    int size() {
        return alerts.size() + 2;
    }

    /**
     * One {@code TransactWriteItems} as {@code DynamoDbReports.saveNew} writes it: each put with its condition (new
     * report and alerts; an idempotency record that is new or expired).
     */
    List<TransactWriteItem> transaction(String table, long nowEpochSecond) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(table, report, "attribute_not_exists(#pk)", Map.of()));
        alerts.forEach(alert -> writes.add(put(table, alert, "attribute_not_exists(#pk)", Map.of())));
        writes.add(put(table, idempotency, "attribute_not_exists(#pk) OR #expiresAt <= :now",
                Map.of(":now", AttributeValue.fromN(Long.toString(nowEpochSecond)))));
        return writes;
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition,
                                         Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", "pk"));
        if (condition.contains("#expiresAt")) {
            names.put("#expiresAt", "expiresAt");
        }
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private Map<String, AttributeValue> replace(Map<String, AttributeValue> item, String newReference,
                                                String newKeyHash) {
        Map<String, AttributeValue> copy = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                copy.put(name, AttributeValue.fromS(value.s().replace(reference, newReference)
                        .replace(keyHash, newKeyHash)));
            } else if (value.hasSs()) {
                copy.put(name, AttributeValue.fromSs(value.ss().stream()
                        .map(s -> s.replace(reference, newReference).replace(keyHash, newKeyHash)).toList()));
            } else {
                copy.put(name, value);
            }
        });
        return Map.copyOf(copy);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
