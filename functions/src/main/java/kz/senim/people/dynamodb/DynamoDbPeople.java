package kz.senim.people.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Role;
import kz.senim.cases.StorageUnavailable;
import kz.senim.people.People;
import kz.senim.people.Person;
import kz.senim.people.PersonId;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Person items of the directory table, one partition per organisation: {@code pk=PEOPLE#<organisationId>},
 * {@code sk=PERSON#<personId>}, with {@code personId}, {@code organisationId}, {@code role}, {@code name} and
 * {@code recordedAt} (the sign-in that wrote it). The organisations' own partition ({@code DIRECTORY}) is untouched,
 * so seeding the organisations never removes a person. An organisation's people are one query.
 */
public final class DynamoDbPeople implements People {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String PARTITION_PREFIX = "PEOPLE#";
    static final String SK_PREFIX = "PERSON#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPeople(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(Person person, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(person.organisationId(), person.id()));
        item.put("kind", s("PERSON"));
        item.put("personId", s(person.personId()));
        item.put("organisationId", s(person.organisationId()));
        item.put("role", s(person.role().code()));
        item.put("name", s(person.name()));
        item.put("recordedAt", s(at.toString()));
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item));
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("directory table unavailable", e);
        }
    }

    @Override
    public Optional<Person> find(String organisationId, PersonId id) {
        try {
            GetItemResponse response = dynamoDb.getItem(r -> r.tableName(table).key(key(organisationId, id)));
            return response.hasItem() && !response.item().isEmpty() ? person(response.item()) : Optional.empty();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("directory table unavailable", e);
        }
    }

    @Override
    public List<Person> of(String organisationId) {
        try {
            return dynamoDb.queryPaginator(r -> r.tableName(table)
                            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :person)")
                            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", s(PARTITION_PREFIX + organisationId),
                                    ":person", s(SK_PREFIX))))
                    .items().stream()
                    .flatMap(item -> person(item).stream())
                    .toList();
        } catch (SdkClientException | DynamoDbException e) {
            throw new StorageUnavailable("directory table unavailable", e);
        }
    }

    private static Map<String, AttributeValue> key(String organisationId, PersonId id) {
        return Map.of(PK, s(PARTITION_PREFIX + organisationId), SK, s(SK_PREFIX + id.value()));
    }

    /** A person item; one whose role is no longer known is left out rather than failing the whole list. */
    private static Optional<Person> person(Map<String, AttributeValue> item) {
        return Role.fromCode(item.get("role").s()).map(role -> new Person(new PersonId(item.get("personId").s()),
                item.get("organisationId").s(), role, item.get("name").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
