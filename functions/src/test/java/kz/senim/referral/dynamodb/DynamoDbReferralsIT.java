package kz.senim.referral.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseReferrals.ReferralLine;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Severity;
import kz.senim.cases.StaffKey;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.directory.ServiceType;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.ReferralRequest;
import kz.senim.referral.Referrals.CreateOutcome;
import kz.senim.referral.Referrals.SaveOutcome;
import kz.senim.referral.ReferralTransition;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.MutableClock;
import kz.senim.testing.Racers;
import kz.senim.testing.StoredCases;
import kz.senim.testing.Submissions;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbReferrals} on DynamoDB Local, beyond what {@code ReferralsContract} says of every store: the items
 * it writes (documented attributes only, the provider index keys, a reason sealed with its key) and
 * {@link ReferToService} retried concurrently over it, on one clock.
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
    private CaseContent content;
    private String keysTable;
    private CaseFile file;

    @BeforeEach
    void aCaseInProgress(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        TestTables created = TestTables.create(engine);
        table = created.cases();
        keysTable = created.caseKeys();
        content = TestContent.content(dynamoDb, keysTable);
        referrals = new DynamoDbReferrals(dynamoDb, table, new ContentWrites(content, keysTable));
        cases = new DynamoDbCases(dynamoDb, table, ContentWrites.none());
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

    @Test
    void aReasonIsKeptSealedUnderAKeyOfItsOwnAlsoAfterTheReferralIsClosed() {
        Referral referral = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today().plusDays(3));
        referrals.create(referral, referred(file, referral), entry(file, "referral_created"));
        Referral rejected = changed(referral.apply(ReferralTransition.REJECTED, Optional.of("Нет мест"),
                clock.instant().plusSeconds(60)));
        referrals.save(rejected, entry(file, "referral_rejected"));
        Referral closed = changed(referrals.find(referral.id()).orElseThrow().apply(ReferralTransition.CLOSED,
                Optional.empty(), clock.instant().plusSeconds(120)));
        referrals.save(closed, entry(file, "referral_closed"));

        Referral found = referrals.find(referral.id()).orElseThrow();
        assertThat(found.reason()).containsInstanceOf(CaseText.Sealed.class);
        assertThat(found.line().withReason(content.opening(referral.reference())::open).reason())
                .contains(CaseText.plain("Нет мест"));
        assertThat(item("REFERRAL#" + referral.id().value()).get("statusReason").s())
                .startsWith(CaseText.Sealed.PREFIX);
        assertThat(dynamoDb.scanPaginator(r -> r.tableName(table)).items().stream().toList().toString())
                .as("the reason is kept sealed, also after the referral was closed").doesNotContain("Нет мест");
        assertThat(dynamoDb.scanPaginator(r -> r.tableName(keysTable)).items().stream()
                .filter(key -> key.get("pk").s().equals(CasesTable.casePartition(file.reference()))).toList())
                .as("the report's key and the rejection's; closing typed nothing").hasSize(2);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReferralLine.CALENDAR);
    }

    private Map<String, AttributeValue> item(String sortKey) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(file.reference())),
                CasesTable.SK, AttributeValue.fromS(sortKey)))).item();
    }

    @Test
    void theCaseKeepsEachOpenReferralAsAnAttributeOfItsOwnAndAStepMovesNotTheCasesVersion() {
        CaseFile file = aCase();
        Referral legal = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today().plusDays(9));
        CaseFile withLegal = referred(file, legal);
        referrals.create(legal, withLegal, entry(file, "referral_created"));
        Referral shelter = referral(file, "ngo-shelter-almaty", ServiceType.SHELTER, today().plusDays(3));
        CaseFile withBoth = referred(withLegal, shelter);
        referrals.create(shelter, withBoth, entry(file, "referral_created"));

        Referral accepted = changed(legal.apply(ReferralTransition.ACCEPTED, Optional.empty(), clock.instant().plusSeconds(60)));
        Referral rejected = changed(shelter.apply(ReferralTransition.REJECTED, Optional.of("full"),
                clock.instant().plusSeconds(61)));
        assertThat(referrals.save(accepted, entry(file, "referral_accepted"))).isEqualTo(new SaveOutcome.Saved());
        assertThat(referrals.save(rejected, entry(file, "referral_rejected"))).isEqualTo(new SaveOutcome.Saved());

        CaseFile found = cases.find(file.reference()).orElseThrow();
        assertThat(found.version()).as("two referrals made, two provider steps").isEqualTo(file.version() + 2);
        assertThat(found.openReferralCount()).isEqualTo(2);
        assertThat(found.nextReferralDueDate()).as("the rejected one waits for nobody").contains(today().plusDays(9));
        Map<String, AttributeValue> report = reportItem(file);
        assertThat(report.get("openReferral#" + legal.id().value()).m()).isEqualTo(Map.of(
                "providerId", AttributeValue.fromS("ngo-foreign-nationals"),
                "status", AttributeValue.fromS("accepted"),
                "dueDate", AttributeValue.fromS(today().plusDays(9).toString())));
        assertThat(report.get("involvedOrganisations").ss()).containsExactly("kz-75-commission");

        Referral closed = changed(rejected.apply(ReferralTransition.CLOSED, Optional.empty(), clock.instant().plusSeconds(120)));
        referrals.save(closed, entry(file, "referral_closed"));

        assertThat(reportItem(file)).doesNotContainKey("openReferral#" + shelter.id().value())
                .containsKey("openReferral#" + legal.id().value());
        assertThat(cases.find(file.reference()).orElseThrow().openReferralCount()).isEqualTo(1);
    }

    @Test
    void stepsOfTwoReferralsOfOneCaseAtOnceAreBothKept() throws Exception {
        CaseFile file = aCase();
        Referral legal = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today().plusDays(9));
        referrals.create(legal, referred(file, legal), entry(file, "referral_created"));
        CaseFile withLegal = cases.find(file.reference()).orElseThrow();
        Referral shelter = referral(file, "ngo-shelter-almaty", ServiceType.SHELTER, today().plusDays(3));
        referrals.create(shelter, referred(withLegal, shelter), entry(file, "referral_created"));
        Referral accepted = changed(legal.apply(ReferralTransition.ACCEPTED, Optional.empty(), clock.instant()));
        Referral alsoAccepted = changed(shelter.apply(ReferralTransition.ACCEPTED, Optional.empty(), clock.instant()));
        CountDownLatch start = new CountDownLatch(1);

        List<SaveOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<SaveOutcome>> futures = List.of(
                    pool.submit(() -> {
                        start.await();
                        return referrals.save(accepted, entry(file, "referral_accepted"));
                    }),
                    pool.submit(() -> {
                        start.await();
                        return referrals.save(alsoAccepted, entry(file, "referral_accepted"));
                    }));
            start.countDown();
            for (Future<SaveOutcome> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).containsOnly(new SaveOutcome.Saved());
        assertThat(cases.find(file.reference()).orElseThrow().openReferrals().values())
                .extracting(kz.senim.cases.OpenReferral::status).containsExactly("accepted", "accepted");
    }

    private CaseFile aCase() {
        return new StoredCases(dynamoDb, table, clock).store(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS,
                Severity.MEDIUM, clock.instant().minus(Duration.ofHours(1)), "kz-75-commission");
    }

    private Referral referral(CaseFile of, String provider, ServiceType service, LocalDate due) {
        return Referral.create(ReferralId.random(of.reference(), RANDOM), provider, service, due, clock.instant());
    }

    private AuditEntry entry(CaseFile of, String action) {
        return AuditEntry.of(of.reference(), clock.instant(), COORDINATOR, action);
    }

    /** The case as ReferToService changes it for a new referral: the next version, with the referral open on it. */
    private CaseFile referred(CaseFile of, Referral referral) {
        return of.referred(referral.onCase().orElseThrow(), clock.instant());
    }

    private static Referral changed(Referral.Change change) {
        assertThat(change).isInstanceOf(Referral.Change.Changed.class);
        return ((Referral.Change.Changed) change).referral();
    }

    private Map<String, AttributeValue> reportItem(CaseFile of) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(of.reference())),
                CasesTable.SK, AttributeValue.fromS("REPORT")))).item();
    }
}
