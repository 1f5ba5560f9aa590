package kz.senim.alerting.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kz.senim.alerting.PagingWindows;
import kz.senim.cases.Alert;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.directory.PagingLimit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Paging windows in the cases table, in the partition {@code PAGING#<organisation>}: one item per window
 * ({@code sk=WINDOW#<start, epoch ms>}: {@code pages}, {@code reports}, {@code regions}, {@code digestAlertId}; gone
 * by TTL two days after the window) and the organisation's storm ({@code sk=STATE}: {@code stormSince},
 * {@code acknowledgedAt}, epoch ms). A page is counted by a conditional {@code ADD} that only succeeds below the limit
 * and before the window has a digest; the digest is taken by {@code if_not_exists}, so exactly one alert carries it.
 */
public final class DynamoDbPagingWindows implements PagingWindows {

    static final String PARTITION_PREFIX = "PAGING#";
    static final String WINDOW_PREFIX = "WINDOW#";
    static final String STATE = "STATE";
    static final String PAGES = "pages";
    static final String REPORTS = "reports";
    static final String REGIONS = "regions";
    static final String DIGEST = "digestAlertId";
    static final String STORM_SINCE = "stormSince";
    static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    static final String EXPIRES_AT = "expiresAt";
    private static final long KEPT_AFTER_WINDOW_SECONDS = 2 * 24 * 3600;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPagingWindows(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<Decision> decideAll(List<Alert> alerts, Function<String, PagingLimit> limits, Instant now) {
        Map<String, Boolean> storms = storms(alerts.stream().map(Alert::organisationId)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        List<Decision> decisions = new ArrayList<>();
        for (Alert alert : alerts) {
            PagingLimit limit = limits.apply(alert.organisationId());
            Instant start = PagingWindows.windowStart(now, limit.window());
            boolean storm = storms.getOrDefault(alert.organisationId(), false);
            Decision decision = storm ? null : page(alert, limit, start);
            if (decision == null) {
                decision = digestOrCoalesced(alert, limit, start);
                if (decision instanceof Decision.Digest && !storm) {
                    startStorm(alert.organisationId(), now);
                    storms.put(alert.organisationId(), true);
                }
            }
            decisions.add(decision);
        }
        return decisions;
    }

    /** A page of its own if the window is below the limit and has no digest yet; else null. */
    private Decision page(Alert alert, PagingLimit limit, Instant start) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(windowKey(alert.organisationId(), start))
                    .updateExpression("SET #expiresAt = if_not_exists(#expiresAt, :expires)"
                            + " ADD #pages :one, #reports :one, #regions :region")
                    .conditionExpression("(attribute_not_exists(#pages) OR #pages < :limit)"
                            + " AND attribute_not_exists(#digest)")
                    .expressionAttributeNames(Map.of("#pages", PAGES, "#reports", REPORTS, "#regions", REGIONS,
                            "#digest", DIGEST, "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit.individualPages()),
                            ":region", AttributeValue.fromSs(List.of(alert.region().value())),
                            ":expires", n(expiry(start, limit)))));
            return new Decision.Page(start);
        } catch (ConditionalCheckFailedException full) {
            return null;
        }
    }

    private Decision digestOrCoalesced(Alert alert, PagingLimit limit, Instant start) {
        UpdateItemResponse window = dynamoDb.updateItem(r -> r.tableName(table)
                .key(windowKey(alert.organisationId(), start))
                .updateExpression("SET #digest = if_not_exists(#digest, :me),"
                        + " #expiresAt = if_not_exists(#expiresAt, :expires) ADD #reports :one, #regions :region")
                .expressionAttributeNames(Map.of("#reports", REPORTS, "#regions", REGIONS, "#digest", DIGEST,
                        "#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", n(1), ":me", s(alert.alertId()),
                        ":region", AttributeValue.fromSs(List.of(alert.region().value())),
                        ":expires", n(expiry(start, limit))))
                .returnValues(ReturnValue.ALL_NEW));
        Map<String, AttributeValue> item = window.attributes();
        String digest = item.get(DIGEST).s();
        if (!digest.equals(alert.alertId())) {
            return new Decision.Coalesced(digest, start);
        }
        return new Decision.Digest(Integer.parseInt(item.get(REPORTS).n()), new TreeSet<>(item.get(REGIONS).ss()),
                start);
    }

    /** Which of the organisations are in a storm: a digest went out since the last acknowledgement. */
    private Map<String, Boolean> storms(Set<String> organisations) {
        Map<String, Boolean> storms = new HashMap<>();
        if (organisations.isEmpty()) {
            return storms;
        }
        List<Map<String, AttributeValue>> keys = organisations.stream().map(DynamoDbPagingWindows::stateKey).toList();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        for (int attempt = 0; attempt < 3 && !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> asked = request;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                String organisation = item.get(CasesTable.PK).s().substring(PARTITION_PREFIX.length());
                long since = item.containsKey(STORM_SINCE) ? Long.parseLong(item.get(STORM_SINCE).n()) : -1;
                long acknowledged = item.containsKey(ACKNOWLEDGED_AT)
                        ? Long.parseLong(item.get(ACKNOWLEDGED_AT).n()) : -1;
                storms.put(organisation, since >= 0 && acknowledged < since);
            });
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return storms;
    }

    private void startStorm(String organisationId, Instant now) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(stateKey(organisationId))
                    .updateExpression("SET #since = :now")
                    .conditionExpression("attribute_not_exists(#since) OR (attribute_exists(#ack) AND #since <= #ack)")
                    .expressionAttributeNames(Map.of("#since", STORM_SINCE, "#ack", ACKNOWLEDGED_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
        } catch (ConditionalCheckFailedException alreadyInAStorm) {
            // another dispatcher started it
        }
    }

    @Override
    public void undo(Alert alert, Decision decision) {
        String expression = switch (decision) {
            case Decision.Page p -> "ADD #pages :minusOne, #reports :minusOne";
            case Decision.Digest d -> "ADD #reports :minusOne";
            case Decision.Coalesced c -> null;
        };
        if (expression == null) {
            return;
        }
        Instant start = switch (decision) {
            case Decision.Page p -> p.windowStart();
            case Decision.Digest d -> d.windowStart();
            case Decision.Coalesced c -> c.windowStart();
        };
        Map<String, String> names = expression.contains("#pages")
                ? Map.of("#pages", PAGES, "#reports", REPORTS) : Map.of("#reports", REPORTS);
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(windowKey(alert.organisationId(), start))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#reports)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":minusOne", n(-1))));
        } catch (SdkException ignored) {
            // a page counted that never went out only makes the window's digest come one page sooner
        }
    }

    @Override
    public void acknowledged(String organisationId, Instant at) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(stateKey(organisationId))
                    .updateExpression("SET #ack = :at")
                    .conditionExpression("attribute_not_exists(#ack) OR #ack < :at")
                    .expressionAttributeNames(Map.of("#ack", ACKNOWLEDGED_AT))
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))));
        } catch (ConditionalCheckFailedException later) {
            // a later acknowledgement is already recorded
        }
    }

    private static Map<String, AttributeValue> windowKey(String organisationId, Instant start) {
        return Map.of(CasesTable.PK, s(PARTITION_PREFIX + organisationId),
                CasesTable.SK, s(WINDOW_PREFIX + start.toEpochMilli()));
    }

    private static Map<String, AttributeValue> stateKey(String organisationId) {
        return Map.of(CasesTable.PK, s(PARTITION_PREFIX + organisationId), CasesTable.SK, s(STATE));
    }

    private static long expiry(Instant start, PagingLimit limit) {
        return start.plus(limit.window()).getEpochSecond() + KEPT_AFTER_WINDOW_SECONDS;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
