package kz.senim.referral.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseText;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.InvalidInput;
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
import kz.senim.referral.ReferralStatus;
import kz.senim.referral.ReferralTransition;
import kz.senim.referral.Referrals.CreateOutcome;
import kz.senim.referral.Referrals.ProviderPage;
import kz.senim.referral.Referrals.ProviderQuery;
import kz.senim.referral.Referrals.SaveOutcome;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.MutableClock;
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

/** {@link DynamoDbReferrals} on DynamoDB Local: referral, case and audit line in one transaction; ProviderIndex. */
@ExtendWith(DynamoDbLocalExtension.class)
@Timeout(120)
class DynamoDbReferralsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Actor.Person COORDINATOR = new Actor.Person("person-dana", "kz-75-commission", "coordinator");
    /** The attributes ARCHITECTURE.md documents for a referral item (plus kind, reference and timestamps). */
    private static final Set<String> REFERRAL_ATTRIBUTES = Set.of("pk", "sk", "kind", "referralId", "reference",
            "providerId", "service", "status", "consentGiven", "consentRecordedAt", "dueDate", "statusReason",
            "version", "createdAt", "updatedAt", "closedAt", "gsi3pk", "gsi3sk");

    private DynamoDbClient dynamoDb;
    private String table;
    private DynamoDbReferrals referrals;
    private DynamoDbCases cases;
    private DynamoDbAuditTrail audit;
    private StoredCases tables;
    private CaseContent content;
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final LocalDate today = LocalDate.parse("2026-11-23");

    @BeforeEach
    void freshTables(DynamoDbEngine engine) {
        dynamoDb = engine.client();
        TestTables created = TestTables.create(engine);
        table = created.cases();
        content = TestContent.content(dynamoDb, created.caseKeys());
        referrals = new DynamoDbReferrals(dynamoDb, table, new ContentWrites(content, created.caseKeys()));
        cases = new DynamoDbCases(dynamoDb, table, ContentWrites.none());
        audit = new DynamoDbAuditTrail(dynamoDb, table);
        tables = new StoredCases(dynamoDb, table, created.caseKeys());
    }

    private CaseFile aCase() {
        return tables.store(Submissions.victimInAlmaty(), CaseStatus.IN_PROGRESS, Severity.MEDIUM, now,
                "kz-75-commission");
    }

    private Referral referral(CaseFile file, String provider, ServiceType service, LocalDate due) {
        return Referral.create(ReferralId.random(file.reference(), RANDOM), provider, service, due, now);
    }

    private AuditEntry entry(CaseFile file, String action) {
        return new AuditEntry(file.reference(), now, COORDINATOR, action, Map.of("k", "v"));
    }

    /** Stores a new referral the way ReferToService does: with its case changed and an audit line. */
    private Referral created(String provider, ServiceType service, LocalDate due) {
        CaseFile file = aCase();
        Referral referral = referral(file, provider, service, due);
        assertThat(referrals.create(referral, file.involving(provider, now), entry(file, "referral_created")))
                .isEqualTo(new CreateOutcome.Created());
        return referral;
    }

    @Test
    void aNewReferralIsStoredWithItsCaseChangeAndAuditLine() {
        CaseFile file = aCase();
        Referral referral = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(14));
        CaseFile involving = file.involving("ngo-foreign-nationals", now);

        assertThat(referrals.create(referral, involving, entry(file, "referral_created")))
                .isEqualTo(new CreateOutcome.Created());

        assertThat(referrals.find(referral.id())).contains(referral);
        assertThat(referrals.of(file.reference())).containsExactly(referral);
        assertThat(referrals.openCount(file.reference())).isEqualTo(1);
        assertThat(cases.find(file.reference())).contains(involving);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action).containsExactly("referral_created");
        Map<String, AttributeValue> item = item(referral.id());
        assertThat(REFERRAL_ATTRIBUTES).containsAll(item.keySet());
        assertThat(item.get("kind").s()).isEqualTo("REFERRAL");
        assertThat(item.get("consentGiven").bool()).isTrue();
        assertThat(item.get("gsi3pk").s()).isEqualTo("PROVIDER#ngo-foreign-nationals");
        assertThat(item.get("gsi3sk").s()).isEqualTo(today.plusDays(14) + "#" + referral.id().value());
    }

    @Test
    void overAStaleCaseNothingOfTheReferralIsWritten() {
        CaseFile file = aCase();
        CaseFile movedOn = file.assign("person-aigerim", now) instanceof CaseFile.Change.Changed c ? c.file() : null;
        assertThat(cases.save(movedOn, entry(file, "case_assigned"))).isEqualTo(
                new kz.senim.cases.Cases.SaveOutcome.Saved());
        Referral referral = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today);

        assertThat(referrals.create(referral, file.involving("ngo-foreign-nationals", now),
                entry(file, "referral_created"))).isEqualTo(new CreateOutcome.CaseChanged());

        assertThat(referrals.find(referral.id())).isEmpty();
        assertThat(cases.find(file.reference())).contains(movedOn);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action).containsExactly("case_assigned");
    }

    @Test
    void aTakenIdWritesNothingEither() {
        CaseFile file = aCase();
        Referral first = referral(file, "ngo-foreign-nationals", ServiceType.LEGAL, today);
        CaseFile involving = file.involving("ngo-foreign-nationals", now);
        referrals.create(first, involving, entry(file, "referral_created"));
        Referral clash = new Referral(first.id(), "ngo-shelter-almaty", ServiceType.SHELTER, ReferralStatus.IN_PROGRESS,
                today.plusDays(1), now, Optional.empty(), 1, now, now, Optional.empty());

        assertThat(referrals.create(clash, involving.involving("ngo-shelter-almaty", now),
                entry(file, "referral_created"))).isEqualTo(new CreateOutcome.IdTaken());

        assertThat(referrals.find(first.id())).contains(first);
        assertThat(cases.find(file.reference())).contains(involving);
        assertThat(audit.entries(file.reference())).hasSize(1);
    }

    @Test
    void aChangeIsStoredOverItsVersionWithItsAuditLineAndAStaleOneIsAConflict() {
        Referral referral = created("ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(3));
        Referral accepted = changed(referral.apply(ReferralTransition.ACCEPTED, Optional.empty(), now.plusSeconds(60)));
        Referral rejected = changed(referral.apply(ReferralTransition.REJECTED, Optional.of("full"),
                now.plusSeconds(61)));

        assertThat(referrals.save(accepted, entry(aCaseOf(referral), "referral_accepted")))
                .isEqualTo(new SaveOutcome.Saved());
        assertThat(referrals.save(rejected, entry(aCaseOf(referral), "referral_rejected")))
                .isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(referrals.find(referral.id())).contains(accepted);
        assertThat(audit.entries(referral.reference())).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("referral_created", "referral_accepted");
    }

    @Test
    void closingKeepsTheStatusAndStopsCountingTheReferralAsOpen() {
        Referral referral = created("ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(3));
        Referral rejected = changed(referral.apply(ReferralTransition.REJECTED, Optional.of("Нет мест"),
                now.plusSeconds(60)));
        Referral closed = changed(rejected.apply(ReferralTransition.CLOSED, Optional.empty(), now.plusSeconds(120)));
        referrals.save(rejected, entry(aCaseOf(referral), "referral_rejected"));
        referrals.save(closed, entry(aCaseOf(referral), "referral_closed"));

        Referral found = referrals.find(referral.id()).orElseThrow();
        assertThat(found.reason()).containsInstanceOf(CaseText.Sealed.class);
        assertThat(found.line().withReason(content.opening(referral.reference())::open))
                .isEqualTo(closed.line());
        assertThat(found.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(found.line().withReason(content.opening(referral.reference())::open).reason())
                .contains(CaseText.plain("Нет мест"));
        assertThat(dynamoDb.scanPaginator(r -> r.tableName(table)).items().stream().toList().toString())
                .as("the reason is kept sealed, also after the referral was closed").doesNotContain("Нет мест");
        assertThat(found.closedAt()).contains(now.plusSeconds(120));
        assertThat(referrals.openCount(referral.reference())).isZero();
    }

    @Test
    void aProviderListsItsReferralsSoonestDueFirstAcrossPagesAndByStatus() {
        List<Referral> expected = new ArrayList<>();
        for (int day : new int[] {9, 2, 30, 5, 1, 14, 7}) {
            expected.add(created("ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(day)));
        }
        created("ngo-shelter-almaty", ServiceType.SHELTER, today);
        expected.sort(java.util.Comparator.comparing(Referral::dueDate));
        Referral accepted = changed(expected.get(2).apply(ReferralTransition.ACCEPTED, Optional.empty(), now));
        referrals.save(accepted, entry(aCaseOf(accepted), "referral_accepted"));
        expected.set(2, accepted);

        List<Referral> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ProviderPage page = referrals.forProvider(new ProviderQuery("ngo-foreign-nationals", Optional.empty(), 3,
                    cursor));
            assertThat(page.referrals()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.referrals());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        ProviderPage onlyAccepted = referrals.forProvider(new ProviderQuery("ngo-foreign-nationals",
                Optional.of(ReferralStatus.ACCEPTED), 2, Optional.empty()));

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(onlyAccepted.referrals()).containsExactly(accepted);
    }

    @Test
    void aProvidersCursorIsRefusedForAnotherProvider() {
        created("ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(1));
        created("ngo-foreign-nationals", ServiceType.LEGAL, today.plusDays(2));
        String cursor = referrals.forProvider(new ProviderQuery("ngo-foreign-nationals", Optional.empty(), 1,
                Optional.empty())).nextCursor().orElseThrow();

        assertThatThrownBy(() -> referrals.forProvider(new ProviderQuery("ngo-shelter-almaty", Optional.empty(), 1,
                Optional.of(cursor)))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void aKeyedReferralStoresItsKeyInTheSameTransactionAndTheKeyIsTakenOnce() {
        CaseFile file = aCase();
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h1", 0), "ngo-foreign-nationals",
                ServiceType.LEGAL, today.plusDays(3), now);
        CaseFile involving = file.involving("ngo-foreign-nationals", now);
        StaffKey key = new StaffKey("h1", "r1", referral.id().value(), now);

        assertThat(referrals.create(referral, involving, entry(file, "referral_created"), key))
                .isEqualTo(new CreateOutcome.Created());
        Referral other = Referral.create(ReferralId.forKey(file.reference(), "h1", 1), "ngo-foreign-nationals",
                ServiceType.LEGAL, today.plusDays(3), now);
        assertThat(referrals.create(other, involving.involving("ngo-shelter-almaty", now),
                entry(file, "referral_created"), key)).isEqualTo(new CreateOutcome.KeyTaken());

        assertThat(referrals.staffKey(file.reference(), "h1")).contains(key);
        assertThat(referrals.staffKey(file.reference(), "h2")).isEmpty();
        assertThat(referrals.of(file.reference())).containsExactly(referral);
        assertThat(cases.find(file.reference())).contains(involving);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action).containsExactly("referral_created");
        Map<String, AttributeValue> keyItem = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(file.reference())),
                CasesTable.SK, AttributeValue.fromS("STAFFKEY#h1")))).item();
        assertThat(keyItem.keySet()).containsExactlyInAnyOrder("pk", "sk", "kind", "reference", "createdId", "at",
                "requestHash");
        assertThat(keyItem.get("createdId").s()).isEqualTo(referral.id().value());
    }

    @Test
    void overAStaleCaseAKeyedReferralWritesNeitherReferralNorKey() {
        CaseFile file = aCase();
        CaseFile movedOn = file.assign("person-aigerim", now) instanceof CaseFile.Change.Changed c ? c.file() : null;
        cases.save(movedOn, entry(file, "case_assigned"));
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h3", 0), "ngo-foreign-nationals",
                ServiceType.LEGAL, today, now);

        assertThat(referrals.create(referral, file.involving("ngo-foreign-nationals", now),
                entry(file, "referral_created"), new StaffKey("h3", "r3", referral.id().value(), now)))
                .isEqualTo(new CreateOutcome.CaseChanged());

        assertThat(referrals.find(referral.id())).isEmpty();
        assertThat(referrals.staffKey(file.reference(), "h3")).isEmpty();
    }

    @Test
    void eightConcurrentRetriesOfAKeyedReferralCreateOneReferralKeyAndAuditEntry() throws Exception {
        CaseFile file = aCase();
        Caller coordinator = new Caller("person-dana", "kz-75-commission", Role.COORDINATOR);
        ReferToService referToService = new ReferToService(cases, referrals, FixedDirectory.seeded(),
                new CaseAccess(FixedDirectory.seeded()), RANDOM, new MutableClock(now));
        ReferralRequest request = new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true,
                today.plusDays(7));
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ReferToService.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            calls.add(() -> {
                start.await();
                return referToService.refer(coordinator, file.reference().value(), request,
                        Optional.of(new IdempotencyKey("it-referral-concurrent-1")));
            });
        }
        List<ReferToService.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            List<Future<ReferToService.Outcome>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<ReferToService.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ReferToService.Outcome.Referred.class));
        assertThat(outcomes.stream().map(o -> ((ReferToService.Outcome.Referred) o).referral()).distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> !((ReferToService.Outcome.Referred) o).replayed())).hasSize(1);
        assertThat(referrals.of(file.reference())).hasSize(1);
        assertThat(cases.find(file.reference()).orElseThrow().version()).isEqualTo(file.version() + 1);
        assertThat(audit.entries(file.reference())).extracting(AuditEntry::action).containsExactly("referral_created");

        assertThat(referToService.refer(coordinator, file.reference().value(), new ReferralRequest(
                "ngo-foreign-nationals", ServiceType.LEGAL, true, today.plusDays(8)),
                Optional.of(new IdempotencyKey("it-referral-concurrent-1"))))
                .isEqualTo(new ReferToService.Outcome.KeyReused());
        assertThat(referrals.of(file.reference())).hasSize(1);
        assertThat(audit.entries(file.reference())).hasSize(1);
    }

    private CaseFile aCaseOf(Referral referral) {
        return cases.find(referral.reference()).orElseThrow();
    }

    private static Referral changed(Referral.Change change) {
        assertThat(change).isInstanceOf(Referral.Change.Changed.class);
        return ((Referral.Change.Changed) change).referral();
    }

    private Map<String, AttributeValue> item(ReferralId id) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                CasesTable.PK, AttributeValue.fromS(CasesTable.casePartition(id.reference())),
                CasesTable.SK, AttributeValue.fromS("REFERRAL#" + id.value())))).item();
    }
}
