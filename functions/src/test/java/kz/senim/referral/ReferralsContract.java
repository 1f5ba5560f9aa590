package kz.senim.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseText;
import kz.senim.cases.Cases;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Reference;
import kz.senim.cases.StaffKey;
import kz.senim.directory.ServiceType;
import kz.senim.referral.Referrals.CreateOutcome;
import kz.senim.referral.Referrals.ProviderPage;
import kz.senim.referral.Referrals.ProviderQuery;
import kz.senim.referral.Referrals.SaveOutcome;
import kz.senim.testing.CaseFiles;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.Racers;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Referrals} store does, run against the in-memory fake ({@code InMemoryReferralsContractTest}) and
 * the DynamoDB adapter on DynamoDB Local ({@code DynamoDbReferralsContractIT}): a new referral only with its case
 * change (over the case's version), its audit entry and its key, all or nothing; a change only over the referral's
 * version; a case's referrals oldest first; a provider's soonest due first, paged by cursors of that provider. A
 * reason (rejection, revocation) comes back as typed once opened; the adapter keeps it sealed.
 */
public abstract class ReferralsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Actor.Person DANA = new Actor.Person("person-dana", "kz-75-commission", "coordinator");
    private static final String MIGRANTS = "ngo-foreign-nationals";
    private static final String SHELTER = "ngo-shelter-almaty";

    /** The cases table the store under test keeps its items in; the store is {@code table().referrals()}. */
    protected abstract CasesTableFixture table();

    private Referrals referrals() {
        return table().referrals();
    }

    private Cases cases() {
        return table().cases();
    }

    private AuditTrail audit() {
        return table().audit();
    }

    private void store(CaseFile file) {
        table().store(file);
    }

    /** The referral as found, its reason opened as the case view opens it (the adapter keeps it sealed). */
    private Optional<Referral> found(ReferralId id) {
        return referrals().find(id).map(this::opened);
    }

    /** The case's referrals, their reasons opened. */
    private List<Referral> listed(Reference reference) {
        return referrals().of(reference).stream().map(this::opened).toList();
    }

    /** The case as found, its texts opened. */
    private Optional<CaseFile> foundCase(Reference reference) {
        return cases().find(reference).map(file -> file.withTexts(table().content().opening(reference)::open));
    }

    private Referral opened(Referral referral) {
        return new Referral(referral.id(), referral.providerId(), referral.service(), referral.status(),
                referral.dueDate(), referral.consentRecordedAt(),
                referral.reason().map(table().content().opening(referral.reference())::open), referral.version(),
                referral.createdAt(), referral.updatedAt(), referral.closedAt());
    }

    /** The case as a referral changes it (what ReferToService stores with it): the next version, the referral open. */
    private static CaseFile referredTo(CaseFile file, Referral referral) {
        return file.referred(referral.onCase().orElseThrow(), NOON);
    }

    // --- create -----------------------------------------------------------------------------------------------------

    @Test
    void a_new_referral_is_stored_with_its_case_change_and_audit_entry() {
        CaseFile file = aCase();
        Referral referral = referral(file, MIGRANTS, TODAY.plusDays(14));
        CaseFile involving = referredTo(file, referral);

        assertThat(referrals().create(referral, involving, created(referral))).isEqualTo(new CreateOutcome.Created());

        assertThat(found(referral.id())).contains(referral);
        assertThat(listed(file.reference())).containsExactly(referral);
        assertThat(referrals().ofCase(file.reference())).containsExactly(referral.line());
        assertThat(referrals().openCount(file.reference())).isEqualTo(1);
        assertThat(foundCase(file.reference())).contains(involving);
        assertThat(audit().entries(file.reference())).containsExactly(created(referral));
    }

    @Test
    void over_a_stale_or_missing_case_nothing_of_the_referral_is_written() {
        CaseFile file = aCase();
        CaseFile movedOn = file.involving(SHELTER, NOON);
        cases().save(movedOn, AuditEntry.of(file.reference(), NOON, DANA, "case_touched"));
        Referral stale = referral(file, MIGRANTS, TODAY);
        CaseFile missing = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON);
        Referral nowhere = referral(missing, MIGRANTS, TODAY);

        assertThat(referrals().create(stale, referredTo(file, stale), created(stale)))
                .isEqualTo(new CreateOutcome.CaseChanged());
        assertThat(referrals().create(nowhere, referredTo(missing, nowhere), created(nowhere)))
                .isEqualTo(new CreateOutcome.CaseChanged());

        assertThat(found(stale.id())).isEmpty();
        assertThat(found(nowhere.id())).isEmpty();
        assertThat(foundCase(file.reference())).contains(movedOn);
        assertThat(foundCase(missing.reference())).isEmpty();
        assertThat(audit().entries(file.reference())).extracting(AuditEntry::action).containsExactly("case_touched");
        assertThat(audit().entries(missing.reference())).isEmpty();
        assertThat(found(createdIn(file, MIGRANTS, TODAY).id())).as("over the case as it is").isPresent();
    }

    @Test
    void a_taken_id_is_told_before_a_stale_case_and_nothing_is_written() {
        CaseFile file = aCase();
        Referral first = referral(file, MIGRANTS, TODAY);
        CaseFile involving = referredTo(file, first);
        referrals().create(first, involving, created(first));
        Referral clash = Referral.create(first.id(), SHELTER, ServiceType.SHELTER, TODAY.plusDays(1), NOON);

        assertThat(referrals().create(clash, referredTo(involving, clash), created(clash)))
                .isEqualTo(new CreateOutcome.IdTaken());
        assertThat(referrals().create(clash, referredTo(file, clash), created(clash)))
                .isEqualTo(new CreateOutcome.IdTaken());

        assertThat(found(first.id())).contains(first);
        assertThat(foundCase(file.reference())).contains(involving);
        assertThat(audit().entries(file.reference())).containsExactly(created(first));
    }

    @Test
    void a_keyed_referral_stores_its_key_with_it_and_the_key_is_taken_once() {
        CaseFile file = aCase();
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h1", 0), MIGRANTS,
                ServiceType.LEGAL, TODAY.plusDays(3), NOON);
        CaseFile involving = referredTo(file, referral);
        StaffKey key = new StaffKey("h1", "r1", referral.id().value(), NOON);
        Referral other = Referral.create(ReferralId.forKey(file.reference(), "h1", 1), MIGRANTS, ServiceType.LEGAL,
                TODAY.plusDays(3), NOON);

        assertThat(referrals().create(referral, involving, created(referral), key))
                .isEqualTo(new CreateOutcome.Created());
        assertThat(referrals().create(other, referredTo(involving, other), created(other),
                new StaffKey("h1", "r2", other.id().value(), NOON))).isEqualTo(new CreateOutcome.KeyTaken());

        assertThat(referrals().staffKey(file.reference(), "h1")).contains(key);
        assertThat(referrals().staffKey(file.reference(), "h2")).isEmpty();
        assertThat(referrals().staffKey(aCase().reference(), "h1")).isEmpty();
        assertThat(listed(file.reference())).containsExactly(referral);
        assertThat(foundCase(file.reference())).contains(involving);
        assertThat(audit().entries(file.reference())).containsExactly(created(referral));
    }

    @Test
    void a_keyed_referral_over_a_stale_case_writes_neither_referral_nor_key() {
        CaseFile file = aCase();
        cases().save(file.involving(SHELTER, NOON), AuditEntry.of(file.reference(), NOON, DANA, "case_touched"));
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h3", 0), MIGRANTS,
                ServiceType.LEGAL, TODAY, NOON);

        assertThat(referrals().create(referral, referredTo(file, referral), created(referral),
                new StaffKey("h3", "r3", referral.id().value(), NOON))).isEqualTo(new CreateOutcome.CaseChanged());

        assertThat(found(referral.id())).isEmpty();
        assertThat(referrals().staffKey(file.reference(), "h3")).isEmpty();
        assertThat(audit().entries(file.reference())).extracting(AuditEntry::action).containsExactly("case_touched");
        CaseFile current = cases().find(file.reference()).orElseThrow();
        assertThat(referrals().create(referral, referredTo(current, referral), created(referral),
                new StaffKey("h3", "r3", referral.id().value(), NOON))).as("the key is not spent")
                .isEqualTo(new CreateOutcome.Created());
        assertThat(referrals().staffKey(file.reference(), "h3")).isPresent();
    }

    @Test
    void of_retries_racing_under_one_key_exactly_one_creates_the_referral() throws Exception {
        CaseFile file = aCase();
        Referral referral = Referral.create(ReferralId.forKey(file.reference(), "h4", 0), MIGRANTS,
                ServiceType.LEGAL, TODAY.plusDays(7), NOON);
        CaseFile involving = referredTo(file, referral);

        List<CreateOutcome> outcomes = Racers.race(6, () -> referrals().create(referral, involving,
                created(referral), new StaffKey("h4", "r4", referral.id().value(), NOON)));

        assertThat(outcomes).filteredOn(o -> o instanceof CreateOutcome.Created).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof CreateOutcome.KeyTaken).hasSize(5);
        assertThat(listed(file.reference())).containsExactly(referral);
        assertThat(foundCase(file.reference())).contains(involving);
        assertThat(audit().entries(file.reference())).containsExactly(created(referral));
    }

    // --- save -------------------------------------------------------------------------------------------------------

    @Test
    void a_change_is_stored_over_its_version_with_its_audit_entry_and_a_stale_one_is_a_conflict() {
        Referral referral = createdIn(aCase(), MIGRANTS, TODAY.plusDays(3));
        Referral accepted = changed(referral.apply(ReferralTransition.ACCEPTED, Optional.empty(),
                NOON.plusSeconds(60)));
        Referral rejected = changed(referral.apply(ReferralTransition.REJECTED, Optional.of("full"),
                NOON.plusSeconds(61)));

        assertThat(referrals().save(accepted, entry(accepted, "referral_accepted")))
                .isEqualTo(new SaveOutcome.Saved());
        assertThat(referrals().save(rejected, entry(rejected, "referral_rejected")))
                .isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(found(referral.id())).contains(accepted);
        assertThat(audit().entries(referral.reference())).extracting(AuditEntry::action)
                .containsExactly("referral_created", "referral_accepted");
    }

    @Test
    void a_change_to_a_referral_nobody_stored_is_a_conflict_and_creates_nothing() {
        CaseFile file = aCase();
        Referral never = referral(file, MIGRANTS, TODAY);
        Referral accepted = changed(never.apply(ReferralTransition.ACCEPTED, Optional.empty(), NOON));

        assertThat(referrals().save(accepted, entry(accepted, "referral_accepted")))
                .isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(found(never.id())).isEmpty();
        assertThat(listed(file.reference())).isEmpty();
        assertThat(audit().entries(file.reference())).isEmpty();
        Referral stored = createdIn(file, MIGRANTS, TODAY);
        assertThat(listed(file.reference())).as("a stored one").containsExactly(stored);
    }

    @Test
    void closing_keeps_the_status_and_the_referral_no_longer_counts_as_open() {
        Referral referral = createdIn(aCase(), MIGRANTS, TODAY.plusDays(3));
        Referral rejected = changed(referral.apply(ReferralTransition.REJECTED, Optional.of("Нет мест"),
                NOON.plusSeconds(60)));
        Referral closed = changed(rejected.apply(ReferralTransition.CLOSED, Optional.empty(),
                NOON.plusSeconds(120)));
        referrals().save(rejected, entry(rejected, "referral_rejected"));
        assertThat(referrals().openCount(referral.reference())).isEqualTo(1);

        assertThat(referrals().save(closed, entry(closed, "referral_closed"))).isEqualTo(new SaveOutcome.Saved());

        Referral found = found(referral.id()).orElseThrow();
        assertThat(found).isEqualTo(closed);
        assertThat(found.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(found.reason()).contains(CaseText.plain("Нет мест"));
        assertThat(found.closedAt()).contains(NOON.plusSeconds(120));
        assertThat(referrals().openCount(referral.reference())).isZero();
    }

    // --- reads ------------------------------------------------------------------------------------------------------

    @Test
    void a_cases_referrals_are_oldest_first_and_only_its_own() {
        CaseFile file = aCase();
        CaseFile other = aCase();
        Referral later = createdIn(file, MIGRANTS, TODAY, NOON.plusSeconds(60));
        Referral first = createdIn(file, SHELTER, TODAY.plusDays(9), NOON);
        Referral elsewhere = createdIn(other, SHELTER, TODAY, NOON.minusSeconds(60));

        assertThat(listed(file.reference())).containsExactly(first, later);
        assertThat(listed(other.reference())).containsExactly(elsewhere);
        assertThat(listed(Reference.random(RANDOM))).isEmpty();
    }

    @Test
    void a_provider_lists_its_referrals_soonest_due_first_across_pages_and_by_status() {
        List<Referral> expected = new ArrayList<>();
        for (int day : new int[] {9, 2, 30, 5, 1, 14, 7}) {
            expected.add(createdIn(aCase(), MIGRANTS, TODAY.plusDays(day)));
        }
        createdIn(aCase(), SHELTER, TODAY);
        expected.sort(Comparator.comparing(Referral::dueDate));
        Referral accepted = changed(expected.get(2).apply(ReferralTransition.ACCEPTED, Optional.empty(), NOON));
        referrals().save(accepted, entry(accepted, "referral_accepted"));
        expected.set(2, accepted);

        List<Referral> all = allPages(MIGRANTS, Optional.empty(), 3);
        List<Referral> onlyAccepted = allPages(MIGRANTS, Optional.of(ReferralStatus.ACCEPTED), 2);

        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(onlyAccepted).containsExactly(accepted);
    }

    @Test
    void a_full_provider_page_carries_a_cursor_even_when_nothing_follows() {
        Referral first = createdIn(aCase(), MIGRANTS, TODAY.plusDays(1));
        Referral second = createdIn(aCase(), MIGRANTS, TODAY.plusDays(2));

        ProviderPage full = referrals().forProvider(new ProviderQuery(MIGRANTS, Optional.empty(), 2,
                Optional.empty()));
        ProviderPage after = referrals().forProvider(new ProviderQuery(MIGRANTS, Optional.empty(), 2,
                full.nextCursor()));
        ProviderPage roomy = referrals().forProvider(new ProviderQuery(MIGRANTS, Optional.empty(), 3,
                Optional.empty()));

        assertThat(full.referrals()).containsExactly(first, second);
        assertThat(full.nextCursor()).isPresent();
        assertThat(after.referrals()).isEmpty();
        assertThat(after.nextCursor()).isEmpty();
        assertThat(roomy.referrals()).containsExactly(first, second);
        assertThat(roomy.nextCursor()).isEmpty();
    }

    @Test
    void a_providers_cursor_is_taken_back_only_for_that_provider_and_only_whole() {
        createdIn(aCase(), MIGRANTS, TODAY.plusDays(1));
        createdIn(aCase(), MIGRANTS, TODAY.plusDays(2));
        createdIn(aCase(), SHELTER, TODAY.plusDays(2));
        String cursor = referrals().forProvider(new ProviderQuery(MIGRANTS, Optional.empty(), 1,
                Optional.empty())).nextCursor().orElseThrow();

        assertThat(referrals().forProvider(new ProviderQuery(MIGRANTS, Optional.empty(), 1, Optional.of(cursor)))
                .referrals()).hasSize(1);
        for (String refused : List.of(cursor, "not-base64!", "e30", cursor.substring(0, cursor.length() - 4))) {
            String provider = refused.equals(cursor) ? SHELTER : MIGRANTS;
            assertThatThrownBy(() -> referrals().forProvider(new ProviderQuery(provider, Optional.empty(), 1,
                    Optional.of(refused)))).as(refused)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A victim's case in Almaty, stored. */
    private CaseFile aCase() {
        CaseFile file = CaseFiles.receivedInAlmaty(Reference.random(RANDOM).value(), NOON.minusSeconds(3600));
        store(file);
        return file;
    }

    private static Referral referral(CaseFile file, String provider, LocalDate due) {
        return Referral.create(ReferralId.random(file.reference(), RANDOM), provider, ServiceType.LEGAL, due, NOON);
    }

    private Referral createdIn(CaseFile file, String provider, LocalDate due) {
        return createdIn(file, provider, due, NOON);
    }

    /** A referral of the case as it stands now, created as {@code ReferToService} creates one. */
    private Referral createdIn(CaseFile file, String provider, LocalDate due, Instant at) {
        CaseFile current = cases().find(file.reference()).orElseThrow();
        Referral referral = Referral.create(ReferralId.random(file.reference(), RANDOM), provider,
                ServiceType.LEGAL, due, at);
        assertThat(referrals().create(referral, current.referred(referral.onCase().orElseThrow(), at), created(referral)))
                .isEqualTo(new CreateOutcome.Created());
        return referral;
    }

    private List<Referral> allPages(String provider, Optional<ReferralStatus> status, int limit) {
        List<Referral> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            ProviderPage page = referrals().forProvider(new ProviderQuery(provider, status, limit, cursor));
            assertThat(page.referrals()).hasSizeLessThanOrEqualTo(limit);
            page.referrals().stream().map(this::opened).forEach(seen::add);
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(50);
        } while (cursor.isPresent());
        return seen;
    }

    private static Referral changed(Referral.Change change) {
        assertThat(change).isInstanceOf(Referral.Change.Changed.class);
        return ((Referral.Change.Changed) change).referral();
    }

    private static AuditEntry created(Referral referral) {
        return entry(referral, "referral_created");
    }

    private static AuditEntry entry(Referral referral, String action) {
        return new AuditEntry(referral.reference(), referral.updatedAt(), DANA, action,
                Map.of("referralId", referral.id().value()));
    }
}
