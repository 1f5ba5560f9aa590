package kz.senim.directory.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.senim.directory.Organisation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the directory table say what the seed file says: puts every organisation of the file and deletes those an
 * earlier seed put that the file no longer has. Organisations entered by hand (not from the seed) are left alone.
 * Safe to run again and again.
 */
public final class DirectorySeeder {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DirectorySeeder(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** @return how many organisations the table holds from the seed afterwards */
    public int seed(List<Organisation> organisations) {
        organisations.forEach(o -> dynamoDb.putItem(r -> r.tableName(table).item(DirectoryItems.toItem(o))));
        Set<String> wanted = organisations.stream().map(o -> DirectoryItems.ORG_PREFIX + o.id())
                .collect(Collectors.toSet());
        dynamoDb.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .filterExpression("#source = :seed")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#source", DirectoryItems.SOURCE))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(DirectoryItems.PARTITION),
                                ":seed", AttributeValue.fromS(DirectoryItems.SOURCE_SEED))))
                .items().stream()
                .map(item -> item.get(DirectoryItems.SK).s())
                .filter(sk -> !wanted.contains(sk))
                .forEach(sk -> dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(
                        DirectoryItems.PK, AttributeValue.fromS(DirectoryItems.PARTITION),
                        DirectoryItems.SK, AttributeValue.fromS(sk)))));
        return organisations.size();
    }
}
