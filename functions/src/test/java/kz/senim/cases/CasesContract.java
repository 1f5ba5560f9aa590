package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import kz.senim.audit.AuditTrail;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases.SaveOutcome;
import kz.senim.i18n.Language;
import kz.senim.testing.CasesTableFixture;
import kz.senim.testing.Racers;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Cases} store does, run against the in-memory fake ({@code InMemoryCasesContractTest}) and the
 * DynamoDB adapter on DynamoDB Local ({@code DynamoDbCasesContractIT}): a case is found as stored; a region's queue
 * is oldest first, filtered, paged by cursors that belong to their queue; a change is stored with its audit entry
 * only over the version it was made from, and otherwise nothing is written. What people typed (narrative, locality,
 * a reason) comes back as typed once opened ({@link CaseContent}; the adapter keeps it sealed, the fake as written),
 * and a text erased stays erased.
 */
public abstract class CasesContract {

    protected static final SecureRandom RANDOM = new SecureRandom();
    protected static final RegionCode ALMATY = new RegionCode("KZ-75");
    protected static final RegionCode ASTANA = new RegionCode("KZ-71");
    protected static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    protected static final Actor.Person COORDINATOR = new Actor.Person("person-dana", "kz-75-commission",
            "coordinator");

    /** The cases table the store under test keeps its items in; the store is {@code table().cases()}. */
    protected abstract CasesTableFixture table();

    private Cases cases() {
        return table().cases();
    }

    private AuditTrail audit() {
        return table().audit();
    }

    private void store(CaseFile file) {
        table().store(file);
    }

    /** The case as found, its texts opened as the paths that show a case open them (the adapter keeps them sealed). */
    private Optional<CaseFile> found(Reference reference) {
        return cases().find(reference).map(this::opened);
    }

    /** A page of the queue, its cases' texts opened. */
    private QueuePage queue(QueueQuery query) {
        QueuePage page = cases().queue(query);
        return new QueuePage(page.cases().stream().map(this::opened).toList(), page.nextCursor());
    }

    private CaseFile opened(CaseFile file) {
        return file.withTexts(table().content().opening(file.reference())::open);
    }

    // --- find -------------------------------------------------------------------------------------------------------

    @Test
    void a_case_is_found_as_stored_with_every_field() {
        ReportSubmission everything = ReportSubmission.of(ReporterRole.VICTIM, Category.SEXUAL_EXPLOITATION,
                new RegionCode("KZ-79"), Optional.of("Шымкент, рынок «Айна» — 2-й ряд"), true, true, true, true,
                "Мені сатып жіберді. They keep 6 of us;\nпаспорт забрали.\t\"quotes\"", Language.KK);
        CaseFile full = stored(new CaseFile(Reference.random(RANDOM), everything, Severity.CRITICAL,
                CaseStatus.CLOSED, 7, Optional.of("kz-79-commission"), Optional.of("person-aigerim"),
                Set.of("kz-79-commission", "ngo-children", "police-att-liaison"),
                Optional.of(ClosingOutcome.REFERRED_TO_POLICE_WITH_CONSENT), Optional.of(CaseText.plain("Причина")),
                NOON.minusSeconds(3600), NOON));
        CaseFile bare = stored(new CaseFile(Reference.random(RANDOM),
                Submissions.witnessTip(RegionCode.UNKNOWN, Category.OTHER), Severity.LOW, CaseStatus.RECEIVED, 1,
                Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), NOON, NOON));

        assertThat(found(full.reference())).contains(full);
        assertThat(found(bare.reference())).contains(bare);
    }

    @Test
    void an_unknown_case_is_not_found() {
        CaseFile known = almaty(NOON, CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);

        assertThat(found(known.reference())).contains(known);
        assertThat(found(Reference.random(RANDOM))).isEmpty();
    }

    @Test
    void texts_erased_with_the_cases_content_come_back_erased_and_the_facts_stay() {
        ReportSubmission tip = Submissions.witnessTip(ALMATY, Category.FORCED_LABOUR);
        ReportSubmission erased = new ReportSubmission(tip.reporterRole(), tip.category(), tip.region(),
                Optional.empty(), tip.immediateDanger(), tip.policeConsent(), tip.childInvolved(),
                tip.foreignNational(), new CaseText.Erased(), tip.language());
        CaseFile withdrawn = stored(new CaseFile(Reference.random(RANDOM), erased, Severity.HIGH,
                CaseStatus.WITHDRAWN_BY_REPORTER, 3, Optional.of("kz-75-commission"), Optional.empty(),
                Set.of("kz-75-commission"), Optional.empty(), Optional.empty(), NOON.minusSeconds(60), NOON));
        CaseFile typed = almaty(NOON, CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);

        CaseFile found = cases().find(withdrawn.reference()).orElseThrow();
        assertThat(found.submission().narrative()).isEqualTo(new CaseText.Erased());
        assertThat(found.submission().locality()).isEmpty();
        assertThat(found.status()).isEqualTo(CaseStatus.WITHDRAWN_BY_REPORTER);
        assertThat(found.severity()).isEqualTo(Severity.HIGH);
        assertThat(found.submission().category()).isEqualTo(Category.FORCED_LABOUR);
        assertThat(found(typed.reference()).orElseThrow().submission().narrative()).as("guard: a typed one reads")
                .isEqualTo(typed.submission().narrative());
    }

    // --- queue ------------------------------------------------------------------------------------------------------

    @Test
    void the_queue_is_one_region_oldest_first_across_pages_even_within_one_second() {
        List<Instant> times = List.of(NOON.plusSeconds(60), NOON, NOON.plusMillis(250), NOON.plusNanos(100_000),
                NOON.plusSeconds(1), NOON.minusSeconds(3600), NOON.plusMillis(250), NOON.plusNanos(1));
        List<CaseFile> almaty = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            almaty.add(almaty(times.get(i), CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR));
            if (i % 3 == 0) {
                astana(times.get(i));
            }
        }
        almaty.sort(Comparator.comparing(CaseFile::submittedAt).thenComparing(file -> file.reference().value()));

        List<CaseFile> seen = allPages(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 3));

        assertThat(seen).containsExactlyElementsOf(almaty);
    }

    @Test
    void a_page_that_is_not_full_is_the_last_and_an_empty_region_has_an_empty_queue() {
        CaseFile first = almaty(NOON, CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile second = almaty(NOON.plusSeconds(1), CaseStatus.ACKNOWLEDGED, Severity.HIGH, Category.BEGGING);

        QueuePage page = queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 3));
        QueuePage empty = queue(query(ASTANA, Optional.empty(), Optional.empty(), Optional.empty(), 3));

        assertThat(page.cases()).containsExactly(first, second);
        assertThat(page.nextCursor()).isEmpty();
        assertThat(empty.cases()).isEmpty();
        assertThat(empty.nextCursor()).isEmpty();
    }

    /** A store cannot tell a full last page from one with more behind it without reading on: it hands a cursor. */
    @Test
    void a_full_page_carries_a_cursor_even_when_nothing_follows_and_the_page_after_it_is_empty() {
        CaseFile first = almaty(NOON, CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile second = almaty(NOON.plusSeconds(1), CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);

        QueuePage full = queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 2));
        QueuePage after = queue(new QueueQuery(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(),
                2, full.nextCursor()));

        assertThat(full.cases()).containsExactly(first, second);
        assertThat(full.nextCursor()).isPresent();
        assertThat(after.cases()).isEmpty();
        assertThat(after.nextCursor()).isEmpty();
    }

    @Test
    void filters_keep_the_order_and_paging_reaches_every_match() {
        List<CaseFile> highLabour = new ArrayList<>();
        List<CaseFile> begging = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean match = i % 4 == 1;
            CaseFile file = almaty(NOON.plusSeconds(60L * i), match ? CaseStatus.IN_PROGRESS : CaseStatus.RECEIVED,
                    match ? Severity.HIGH : Severity.LOW, match ? Category.FORCED_LABOUR : Category.BEGGING);
            (match ? highLabour : begging).add(file);
        }
        almaty(NOON.plusSeconds(5), CaseStatus.IN_PROGRESS, Severity.LOW, Category.FORCED_LABOUR);
        almaty(NOON.plusSeconds(6), CaseStatus.RECEIVED, Severity.HIGH, Category.FORCED_LABOUR);

        List<CaseFile> seen = allPages(query(ALMATY, Optional.of(CaseStatus.IN_PROGRESS), Optional.of(Severity.HIGH),
                Optional.of(Category.FORCED_LABOUR), 2));
        List<CaseFile> byCategory = allPages(query(ALMATY, Optional.empty(), Optional.empty(),
                Optional.of(Category.BEGGING), 4));

        assertThat(seen).containsExactlyElementsOf(highLabour);
        assertThat(byCategory).containsExactlyElementsOf(begging);
    }

    @Test
    void a_cursor_is_taken_back_only_for_the_queue_it_came_from_and_only_whole() {
        for (int i = 0; i < 3; i++) {
            almaty(NOON.plusSeconds(i), CaseStatus.RECEIVED, Severity.MEDIUM, Category.FORCED_LABOUR);
        }
        astana(NOON);
        astana(NOON.plusSeconds(1));
        String cursor = queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 1))
                .nextCursor().orElseThrow();

        assertThat(queue(new QueueQuery(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 1,
                Optional.of(cursor))).cases()).hasSize(1);
        assertThatThrownBy(() -> queue(new QueueQuery(ASTANA, Optional.empty(), Optional.empty(),
                Optional.empty(), 1, Optional.of(cursor)))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("cursor"));
        for (String garbage : List.of("not-base64!", "e30", cursor.substring(0, cursor.length() - 4),
                "x".repeat(2000))) {
            assertThatThrownBy(() -> queue(new QueueQuery(ALMATY, Optional.empty(), Optional.empty(),
                    Optional.empty(), 1, Optional.of(garbage)))).as(garbage)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void a_change_moves_the_case_between_filtered_queues() {
        CaseFile file = almaty(NOON, CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile working = changed(file.startWork(NOON.plusSeconds(60)));

        assertThat(cases().save(working, entry(working, "case_work_started"))).isEqualTo(new SaveOutcome.Saved());

        assertThat(queue(query(ALMATY, Optional.of(CaseStatus.IN_PROGRESS), Optional.empty(),
                Optional.empty(), 5)).cases()).containsExactly(working);
        assertThat(queue(query(ALMATY, Optional.of(CaseStatus.ACKNOWLEDGED), Optional.empty(),
                Optional.empty(), 5)).cases()).isEmpty();
    }

    // --- save -------------------------------------------------------------------------------------------------------

    @Test
    void a_change_is_stored_with_its_audit_entry_only_over_the_version_it_was_made_from() {
        CaseFile file = almaty(NOON, CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile assigned = changed(file.assign("person-aigerim", NOON.plusSeconds(1)));
        CaseFile working = changed(assigned.startWork(NOON.plusSeconds(2)));

        assertThat(cases().save(assigned, entry(assigned, "case_assigned"))).isEqualTo(new SaveOutcome.Saved());
        assertThat(cases().save(working, entry(working, "case_work_started"))).isEqualTo(new SaveOutcome.Saved());

        assertThat(found(file.reference())).contains(working);
        assertThat(audit().entries(file.reference())).containsExactly(entry(assigned, "case_assigned"),
                entry(working, "case_work_started"));
    }

    @Test
    void a_change_over_another_version_is_a_conflict_and_writes_nothing() {
        CaseFile file = almaty(NOON, CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile assigned = changed(file.assign("person-aigerim", NOON.plusSeconds(1)));
        cases().save(assigned, entry(assigned, "case_assigned"));
        CaseFile stale = changed(file.assign("person-saule", NOON.plusSeconds(2)));
        CaseFile skipping = changed(changed(assigned.startWork(NOON.plusSeconds(3))).assign("person-saule",
                NOON.plusSeconds(3)));

        assertThat(cases().save(stale, entry(stale, "case_assigned"))).isEqualTo(new SaveOutcome.VersionConflict());
        assertThat(cases().save(skipping, entry(skipping, "case_assigned")))
                .isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(found(file.reference())).contains(assigned);
        assertThat(audit().entries(file.reference())).containsExactly(entry(assigned, "case_assigned"));
    }

    @Test
    void a_change_to_a_case_nobody_stored_is_a_conflict_and_creates_nothing() {
        CaseFile stored = almaty(NOON, CaseStatus.ACKNOWLEDGED, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile never = new CaseFile(Reference.random(RANDOM), stored.submission(), stored.severity(),
                stored.status(), 1, stored.takenBy(), Optional.empty(), stored.involvedOrganisations(),
                Optional.empty(), Optional.empty(), NOON, NOON);
        CaseFile neverAssigned = changed(never.assign("person-aigerim", NOON.plusSeconds(1)));

        assertThat(cases().save(neverAssigned, entry(neverAssigned, "case_assigned")))
                .isEqualTo(new SaveOutcome.VersionConflict());

        assertThat(found(never.reference())).isEmpty();
        assertThat(audit().entries(never.reference())).isEmpty();
        assertThat(queue(query(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), 5)).cases())
                .containsExactly(stored);
        CaseFile storedAssigned = changed(stored.assign("person-aigerim", NOON.plusSeconds(1)));
        assertThat(cases().save(storedAssigned, entry(storedAssigned, "case_assigned")))
                .as("the stored one").isEqualTo(new SaveOutcome.Saved());
        assertThat(audit().entries(stored.reference())).containsExactly(entry(storedAssigned, "case_assigned"));
    }

    @Test
    void closing_and_reopening_round_trip_every_working_field() {
        CaseFile file = almaty(NOON, CaseStatus.IN_PROGRESS, Severity.MEDIUM, Category.FORCED_LABOUR);
        CaseFile involving = file.involving("ngo-foreign-nationals", NOON.plusSeconds(1));
        CaseFile assigned = changed(involving.assign("person-aigerim", NOON.plusSeconds(2)));
        CaseFile closed = changed(assigned.close(ClosingOutcome.REFERRED_TO_POLICE_WITH_CONSENT, false,
                NOON.plusSeconds(3)));
        CaseFile reopened = changed(closed.reopen("Новые сведения от сообщившего", NOON.plusSeconds(4)));

        for (CaseFile step : List.of(involving, assigned, closed, reopened)) {
            assertThat(cases().save(step, entry(step, "step"))).isEqualTo(new SaveOutcome.Saved());
            assertThat(found(file.reference())).contains(step);
        }

        CaseFile found = found(file.reference()).orElseThrow();
        assertThat(found.version()).isEqualTo(5);
        assertThat(found.outcome()).isEmpty();
        assertThat(found.assignee()).contains("person-aigerim");
        assertThat(found.statusReason()).contains(CaseText.plain("Новые сведения от сообщившего"));
        assertThat(found.involvedOrganisations()).containsExactlyInAnyOrder("kz-75-commission",
                "ngo-foreign-nationals");
    }

    @Test
    void of_two_writers_over_the_same_version_one_wins_and_the_other_gets_a_conflict() throws Exception {
        for (int round = 0; round < 4; round++) {
            CaseFile file = almaty(NOON.plusSeconds(round), CaseStatus.ACKNOWLEDGED, Severity.MEDIUM,
                    Category.FORCED_LABOUR);
            CaseFile assigned = changed(file.assign("person-aigerim", NOON.plusSeconds(60)));
            CaseFile working = changed(file.startWork(NOON.plusSeconds(60)));
            List<Callable<SaveOutcome>> writers = List.of(
                    () -> cases().save(assigned, entry(assigned, "case_assigned")),
                    () -> cases().save(working, entry(working, "case_work_started")));

            List<SaveOutcome> outcomes = Racers.race(writers);

            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder(new SaveOutcome.Saved(),
                    new SaveOutcome.VersionConflict());
            CaseFile winner = outcomes.get(0) instanceof SaveOutcome.Saved ? assigned : working;
            assertThat(found(file.reference())).contains(winner);
            assertThat(audit().entries(file.reference())).extracting(AuditEntry::action)
                    .containsExactly(winner == assigned ? "case_assigned" : "case_work_started");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    protected final CaseFile stored(CaseFile file) {
        store(file);
        return file;
    }

    /** A witness's tip in Almaty, alerted to the commission, stored. */
    protected final CaseFile almaty(Instant submittedAt, CaseStatus status, Severity severity, Category category) {
        return stored(new CaseFile(Reference.random(RANDOM), Submissions.witnessTip(ALMATY, category), severity,
                status, 1, status == CaseStatus.RECEIVED ? Optional.empty() : Optional.of("kz-75-commission"),
                Optional.empty(), Set.of("kz-75-commission"), Optional.empty(), Optional.empty(), submittedAt,
                submittedAt));
    }

    private CaseFile astana(Instant submittedAt) {
        return stored(new CaseFile(Reference.random(RANDOM), Submissions.witnessTip(ASTANA, Category.BEGGING),
                Severity.LOW, CaseStatus.RECEIVED, 1, Optional.empty(), Optional.empty(), Set.of("kz-71-commission"),
                Optional.empty(), Optional.empty(), submittedAt, submittedAt));
    }

    private static QueueQuery query(RegionCode region, Optional<CaseStatus> status, Optional<Severity> severity,
            Optional<Category> category, int limit) {
        return new QueueQuery(region, status, severity, category, limit, Optional.empty());
    }

    /** Every page of {@code first}'s query, following cursors; each page at most the limit. */
    private List<CaseFile> allPages(QueueQuery first) {
        List<CaseFile> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            QueuePage page = queue(new QueueQuery(first.region(), first.status(), first.severity(),
                    first.category(), first.limit(), cursor));
            assertThat(page.cases()).hasSizeLessThanOrEqualTo(first.limit());
            seen.addAll(page.cases());
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(50);
        } while (cursor.isPresent());
        return seen;
    }

    protected static CaseFile changed(CaseFile.Change change) {
        assertThat(change).isInstanceOf(CaseFile.Change.Changed.class);
        return ((CaseFile.Change.Changed) change).file();
    }

    /** The audit line of a change happens when the change does. */
    protected static AuditEntry entry(CaseFile file, String action) {
        return new AuditEntry(file.reference(), file.updatedAt(), COORDINATOR, action,
                Map.of("version", Long.toString(file.version())));
    }
}
