package kz.senim.directory.dynamodb;

import java.util.List;
import java.util.Map;
import kz.senim.cases.StorageUnavailable;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The directory table, read with one paginated query of its single partition. */
public final class DynamoDbDirectory implements Directory {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDirectory(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<Organisation> organisations() {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :org)")
                            .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#sk", DirectoryItems.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", AttributeValue.fromS(DirectoryItems.PARTITION),
                                    ":org", AttributeValue.fromS(DirectoryItems.ORG_PREFIX))))
                    .items().stream()
                    .map(DirectoryItems::fromItem)
                    .toList();
        } catch (SdkClientException | DynamoDbException unavailable) {
            throw new StorageUnavailable("directory table unavailable", unavailable);
        }
    }
}
