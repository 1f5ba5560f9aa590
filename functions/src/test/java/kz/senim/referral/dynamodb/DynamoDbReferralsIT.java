package kz.senim.referral.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Severity;
import kz.senim.cases.StaffKey;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.directory.ServiceType;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.ReferralRequest;
import kz.senim.referral.Referrals.CreateOutcome;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Racers;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbReferrals} on DynamoDB Local, beyond what {@code ReferralsContract} says of every store: the items
 * it writes (documented attributes only, the provider index keys) and {@link ReferToService} retried concurrently over
 * it, on one clock.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbReferralsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Actor.Person COORDINATOR = new Actor.Person("person-dana", "kz-75-commission", "coordinator");
    /** The attributes ARCHITECTURE.md documents for a referral item (plus kind, reference and timestamps). */
    private static final Set<String> REFERRAL_ATTRIBUTES = Set.of("pk", "sk", "kind", "referralId", "reference",
            "providerId", "service", "status", "consentGiven", "consentRecordedAt", "dueDate", "statusReason",
            "version", "createdAt", "updatedAt", "closedAt", "gsi3pk", "gsi3sk");

    private final MutableClock clock = MutableClock.atNoon();
    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbReferrals referrals;
    private DynamoDbCases cases;
    private DynamoDbAuditTrail audit;
    private CaseFile file;

    @BeforeEach
    void aCaseInProgress(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        table = TestTables.create(engine).cases();
        referrals = new DynamoDbReferrals(dynamoDb, table);
        cases = new DynamoDbCases(dynamoDb, table);
        audit = new DynamoDbAuditTrail(dynamoDb, table);
        file = new StoredCases(dynamoDb, table, clock).store(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS,
                Severity.MEDIUM, clock.instant().minus(Duration.ofHours(1)), "kz-75-commission");
    }

    @Test
    void aKeyedReferralIsAnItemWithItsProviderIndexKeysBesideItsKeyItem() {
        LocalDate due = today().plusDays(14);
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h1", 0), "ngo-foreign-nationals",
                ServiceType.LEGAL, due, clock.instant());

        assertThat(referrals.create(referral, file.involving("ngo-foreign-nationals", clock.instant()),
                AuditEntry.of(file.reference(), clock.instant(), COORDINATOR, "referral_created"),
                new StaffKey("h1", "r1", referral.id().value(), clock.instant())))
                .isEqualTo(new CreateOutcome.Created());

        Map<String, AttributeValue> item = item("REFERRAL#" + referral.id().value());
        assertThat(REFERRAL_ATTRIBUTES).containsAll(item.keySet());
        assertThat(item.get("kind").s()).isEqualTo("REFERRAL");
        assertThat(item.get("consentGiven").bool()).isTrue();
        assertThat(item.get("gsi3pk").s()).isEqualTo("PROVIDER#ngo-foreign-nationals");
        assertThat(item.get("gsi3sk").s()).isEqualTo(due + "#" + referral.id().value());
        Map<String, AttributeValue> keyItem = item("STAFFKEY#h1");
        assertThat(keyItem.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "reference", "createdId", "at",
                "requestHash");
        assertThat(keyItem.get("createdId").s()).isEqualTo(referral.id().value());
    }

    @Test
    void eightConcurrentRetriesOfAKeyedReferralCreateOneReferralKeyAndAuditEntry() throws Exception {
        Caller coordinator = new Caller("person-dana", "kz-75-commission", Role.COORDINATOR);
        ReferToService referToService = new ReferToService(cases, referrals, FixedDirectory.seeded(),
                new CaseAccess(FixedDirectory.seeded()), RANDOM, clock);
        ReferralRequest request = new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true,
                today().plusDays(7));
        IdempotencyKey key = new IdempotencyKey("it-referral-concurrent-1");

        List<ReferToService.Outcome> outcomes = Racers.race(8, () -> referToService.refer(coordinator,
                file.reference().value(), request, Optional.of(key)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ReferToService.Outcome.Referred.class));
        assertThat(outcomes.stream().map(o -> ((ReferToService.Outcome.Referred) o).referral()).distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> !((ReferToService.Outcome.Referred) o).replayed())).hasSize(1);
        assertThat(referrals.of(file.reference())).hasSize(1);
        assertThat(cases.find(file.reference()).orElseThrow().version()).isEqualTo(file.version() + 1);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action).containsExactly("referral_created");

        assertThat(referToService.refer(coordinator, file.reference().value(), new ReferralRequest(
                "ngo-foreign-nationals", ServiceType.LEGAL, true, today().plusDays(8)), Optional.of(key)))
                .isEqualTo(new ReferToService.Outcome.KeyReused());
        assertThat(referrals.of(file.reference())).hasSize(1);
        assertThat(audit.entries(file.reference())).hasSize(1);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReferralLine.CALENDAR);
    }

    private Map<String, AttributeValue> item(String sortKey) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(file.reference())),
                CasesTable.SK, AttributeValue.fromS(sortKey)))).item();
    }
}
