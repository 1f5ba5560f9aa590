package kz.senim.people.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import kz.senim.access.Role;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.directory.dynamodb.DynamoDbDirectory;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.people.People;
import kz.senim.people.PeopleContract;
import kz.senim.people.Person;
import kz.senim.people.PersonId;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The people directory in the directory table on DynamoDB Local: the promises of {@link PeopleContract}, and more. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DynamoDbPeopleIT extends PeopleContract {

    private DynamoDbEngine engine;
    private String table;

    @BeforeEach
    void engine(DynamoDbEngine engine) {
        this.engine = engine;
    }

    @Override
    protected People empty() {
        table = TestTables.create(engine).directory();
        return new DynamoDbPeople(engine.client(), table);
    }

    @Test
    void a_person_item_holds_the_documented_attributes_and_nothing_else() {
        People people = empty();
        Instant at = Instant.parse("2026-11-23T07:00:00Z");

        people.record(new Person(new PersonId("dana"), "kz-75-commission", Role.COORDINATOR, "Dana Serikovna"), at);

        Map<String, AttributeValue> item = engine.client().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("PEOPLE#kz-75-commission"),
                        "sk", AttributeValue.fromS("PERSON#dana")))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "personId", "organisationId", "role",
                "name", "recordedAt");
        assertThat(item.get("kind").s()).isEqualTo("PERSON");
        assertThat(item.get("recordedAt").s()).isEqualTo(at.toString());
    }

    @Test
    void reseeding_the_organisations_leaves_the_people_alone_and_the_directory_reads_organisations_only() {
        People people = empty();
        DirectorySeeder seeder = new DirectorySeeder(engine.client(), table);
        seeder.seed(DirectoryData.seed());
        people.record(new Person(new PersonId("dana"), "kz-75-commission", Role.COORDINATOR, "Dana"), Instant.EPOCH);

        seeder.seed(DirectoryData.seed());

        assertThat(people.of("kz-75-commission")).hasSize(1);
        assertThat(new DynamoDbDirectory(engine.client(), table).organisations())
                .hasSize(DirectoryData.seed().size());
    }
}
