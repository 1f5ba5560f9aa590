package kz.senim.directory.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.Category;
import kz.senim.cases.RegionCode;
import kz.senim.directory.AlertCondition;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.EscalationPolicy;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;
import kz.senim.directory.ServiceType;
import kz.senim.i18n.Language;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import kz.senim.triage.Triage;
import kz.senim.triage.TriageDecision;
import kz.senim.triage.TriageFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The directory table, seeded from organisations.json and read back as triage reads it. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(60)
class DirectoryIT {

    private DynamoDbClient dynamoDb;
    private String table;
    private DirectorySeeder seeder;
    private DynamoDbDirectory directory;

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = TestTables.create(engine).directory();
        seeder = new DirectorySeeder(dynamoDb, table);
        directory = new DynamoDbDirectory(dynamoDb, table);
    }

    @Test
    void theSeededDirectoryReadsBackAsTheSeedFileSaysIt() {
        List<Organisation> seed = DirectoryData.seed();

        assertThat(seeder.seed(seed)).isEqualTo(seed.size());

        assertThat(directory.organisations()).containsExactlyInAnyOrderElementsOf(seed);
    }

    @Test
    void seedingTwiceChangesNothing() {
        seeder.seed(DirectoryData.seed());
        seeder.seed(DirectoryData.seed());

        assertThat(directory.organisations()).containsExactlyInAnyOrderElementsOf(DirectoryData.seed());
    }

    @Test
    void reseedingWithoutAnOrganisationDeletesIt() {
        seeder.seed(DirectoryData.seed());
        List<Organisation> fewer = DirectoryData.seed().stream()
                .filter(o -> !o.id().equals("ngo-shelter-kostanay"))
                .toList();

        seeder.seed(fewer);

        assertThat(directory.organisations()).containsExactlyInAnyOrderElementsOf(fewer);
        assertThat(directory.organisation("ngo-shelter-kostanay")).isEmpty();
    }

    @Test
    void anOrganisationEnteredByHandSurvivesAReseed() {
        seeder.seed(DirectoryData.seed());
        dynamoDb.putItem(r -> r.tableName(table).item(handEntered("ngo-hand-entered", List.of("KZ-75"))));

        seeder.seed(DirectoryData.seed());

        assertThat(directory.organisation("ngo-hand-entered")).hasValueSatisfying(o -> {
            assertThat(o.type()).isEqualTo(OrganisationType.NGO);
            assertThat(o.regions()).containsExactly(new RegionCode("KZ-75"));
            assertThat(o.categories()).isEmpty();
            assertThat(o.alertWhen()).isEqualTo(AlertCondition.ALWAYS);
            assertThat(o.name(Language.KK)).isEqualTo("Hand-entered NGO");
            assertThat(o.alertLanguage()).as("entered without one").isEqualTo(Organisation.DEFAULT_ALERT_LANGUAGE);
        });
        assertThat(directory.organisations()).hasSize(DirectoryData.seed().size() + 1);
    }

    @Test
    void triageOverTheTableRoutesAVictimInAlmatyToTheCommissionAndTheAlmatyShelter() {
        seeder.seed(DirectoryData.seed());

        TriageDecision decision = new Triage(directory).triage(TriageFacts.of(Submissions.victimInAlmaty()));

        assertThat(decision.recipients()).extracting(Organisation::id)
                .containsExactlyInAnyOrder("kz-75-commission", "ngo-shelter-almaty");
    }

    @Test
    void changingCoverageInTheTableChangesRoutingWithoutADeploy() {
        seeder.seed(DirectoryData.seed());
        Triage triage = new Triage(directory);

        // the Almaty shelter stops covering the city: a data change
        dynamoDb.updateItem(r -> r.tableName(table).key(orgKey("ngo-shelter-almaty"))
                .updateExpression("SET regions = :regions")
                .expressionAttributeValues(Map.of(":regions", list("KZ-19"))));
        assertThat(triage.triage(TriageFacts.of(Submissions.victimInAlmaty())).recipients())
                .extracting(Organisation::id).containsExactly("kz-75-commission");

        // an NGO entered by hand starts covering it
        dynamoDb.putItem(r -> r.tableName(table).item(handEntered("ngo-almaty-outreach", List.of("KZ-75"))));
        assertThat(triage.triage(TriageFacts.of(Submissions.victimInAlmaty())).recipients())
                .extracting(Organisation::id).containsExactlyInAnyOrder("kz-75-commission", "ngo-almaty-outreach");

        // with no regional commission left for the city, the national secretariat is alerted instead
        dynamoDb.deleteItem(r -> r.tableName(table).key(orgKey("kz-75-commission")));
        assertThat(triage.triage(TriageFacts.of(Submissions.victimInAlmaty())).recipients())
                .extracting(Organisation::id)
                .containsExactlyInAnyOrder("ngo-almaty-outreach", "national-secretariat");
    }

    @Test
    void categoriesServicesEscalationAndEverywhereSurviveTheRoundTrip() {
        Map<Language, String> names = new EnumMap<>(Language.class);
        names.put(Language.EN, "Labour inspectorate liaison");
        names.put(Language.RU, "Трудовая инспекция");
        Organisation narrow = new Organisation("labour-liaison", OrganisationType.NGO, names,
                Set.of(new RegionCode("KZ-75"), new RegionCode("KZ-19")), Set.of(Category.FORCED_LABOUR,
                Category.BEGGING), AlertCondition.FOREIGN_NATIONAL, Optional.empty(), Set.of(ServiceType.LEGAL),
                Optional.of(new EscalationPolicy(List.of(new EscalationPolicy.Step(Duration.ofMinutes(5),
                        "national-secretariat")), 2)), Language.UZ);
        Organisation everywhere = new Organisation("everywhere-ngo", OrganisationType.NGO, Map.of(Language.EN, "All"),
                Set.of(), Set.of(), AlertCondition.CHILD_INVOLVED, Optional.of("+7 700 000 00 00"), Set.of(),
                Optional.empty(), Language.KK);

        seeder.seed(List.of(narrow, everywhere));

        assertThat(directory.organisations()).containsExactlyInAnyOrder(narrow, everywhere);
    }

    private static Map<String, AttributeValue> orgKey(String id) {
        return Map.of("pk", s("DIRECTORY"), "sk", s("ORG#" + id));
    }

    /** An organisation put by an operator with the console: same shape, but no {@code source=seed}. */
    private static Map<String, AttributeValue> handEntered(String id, List<String> regions) {
        Map<String, AttributeValue> item = new HashMap<>(orgKey(id));
        item.put("id", s(id));
        item.put("type", s("ngo"));
        item.put("names", AttributeValue.fromM(Map.of("en", s("Hand-entered NGO"))));
        item.put("regions", list(regions.toArray(String[]::new)));
        item.put("categories", list("*"));
        item.put("alertWhen", s("always"));
        return item;
    }

    private static AttributeValue list(String... values) {
        List<AttributeValue> items = new ArrayList<>();
        for (String value : values) {
            items.add(s(value));
        }
        return AttributeValue.fromL(items);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
