package kz.senim.handling;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ListQueueTest {

    private static final RegionCode ALMATY = new RegionCode("KZ-75");
    private static final RegionCode ASTANA = new RegionCode("KZ-71");

    private final CaseWorld world = new CaseWorld();
    private final ListQueue listQueue = world.listQueue();

    private static QueueQuery almaty(int limit, Optional<String> cursor) {
        return new QueueQuery(ALMATY, Optional.empty(), Optional.empty(), Optional.empty(), limit, cursor);
    }

    @Test
    void a_responder_sees_the_cases_of_their_region_oldest_first() {
        CaseFile first = world.almatyCase(CaseStatus.RECEIVED);
        CaseFile second = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        CaseFile third = world.almatyCase(CaseStatus.IN_PROGRESS);

        QueuePage page = listQueue.list(ALMATY_RESPONDER, almaty(25, Optional.empty()));

        assertThat(page.cases()).extracting(CaseFile::reference)
                .containsExactly(first.reference(), second.reference(), third.reference());
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void pages_follow_each_other_oldest_first_without_gaps_or_repeats() {
        List<Reference> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(world.almatyCase(CaseStatus.RECEIVED).reference());
        }

        List<Reference> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            QueuePage page = listQueue.list(ALMATY_COORDINATOR, almaty(3, cursor));
            assertThat(page.cases()).hasSizeLessThanOrEqualTo(3);
            page.cases().forEach(file -> seen.add(file.reference()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(stored);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void cases_the_caller_may_not_open_are_left_out_and_the_page_is_filled_from_later_ones() {
        CaseFile commissionOnly = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.RECEIVED,
                Set.of("kz-75-commission"), world.clock.instant()));
        CaseFile both1 = world.almatyCase(CaseStatus.RECEIVED);
        CaseFile alsoCommissionOnly = world.stored(world.caseIn(Submissions.victimInAlmaty(), CaseStatus.RECEIVED,
                Set.of("kz-75-commission"), world.clock.instant()));
        CaseFile both2 = world.almatyCase(CaseStatus.RECEIVED);

        QueuePage page = listQueue.list(SHELTER_RESPONDER, almaty(2, Optional.empty()));

        assertThat(page.cases()).extracting(CaseFile::reference)
                .containsExactly(both1.reference(), both2.reference())
                .doesNotContain(commissionOnly.reference(), alsoCommissionOnly.reference());
    }

    @Test
    void an_organisation_that_serves_the_region_but_is_not_involved_sees_none_of_its_cases() {
        CaseFile file = world.almatyCase(CaseStatus.RECEIVED);

        QueuePage page = listQueue.list(MIGRANT_NGO_RESPONDER, almaty(25, Optional.empty()));

        assertThat(page.cases()).isEmpty();
        assertThat(listQueue.list(ALMATY_RESPONDER, almaty(25, Optional.empty())).cases()).as("involved")
                .containsExactly(file);
    }

    @Test
    void a_region_the_callers_organisation_does_not_serve_is_forbidden() {
        world.almatyCase(CaseStatus.RECEIVED);

        assertThatThrownBy(() -> listQueue.list(ASTANA_COORDINATOR, almaty(25, Optional.empty())))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void an_organisation_missing_from_the_directory_is_forbidden_every_region() {
        Caller stranger = new Caller("person-x", "ngo-unknown", kz.senim.access.Role.COORDINATOR);

        assertThatThrownBy(() -> listQueue.list(stranger, almaty(25, Optional.empty())))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void a_national_coordinator_lists_any_region() {
        CaseFile almaty = world.almatyCase(CaseStatus.RECEIVED);
        CaseFile astana = world.stored(world.caseIn(Submissions.witnessTip(ASTANA, Category.BEGGING),
                CaseStatus.RECEIVED, Set.of("kz-71-commission"), world.clock.instant()));

        assertThat(listQueue.list(NATIONAL_COORDINATOR, almaty(25, Optional.empty())).cases())
                .extracting(CaseFile::reference).containsExactly(almaty.reference());
        assertThat(listQueue.list(NATIONAL_COORDINATOR, new QueueQuery(ASTANA, Optional.empty(), Optional.empty(),
                Optional.empty(), 25, Optional.empty())).cases())
                .extracting(CaseFile::reference).containsExactly(astana.reference());
    }

    @Test
    void status_severity_and_category_filter_the_queue() {
        world.almatyCase(CaseStatus.RECEIVED);
        CaseFile working = world.almatyCase(CaseStatus.IN_PROGRESS);
        world.almatyCase(CaseStatus.CLOSED);

        QueuePage inProgress = listQueue.list(ALMATY_RESPONDER, new QueueQuery(ALMATY,
                Optional.of(CaseStatus.IN_PROGRESS), Optional.of(Severity.MEDIUM), Optional.of(Category.FORCED_LABOUR),
                25, Optional.empty()));
        QueuePage critical = listQueue.list(ALMATY_RESPONDER, new QueueQuery(ALMATY, Optional.empty(),
                Optional.of(Severity.CRITICAL), Optional.empty(), 25, Optional.empty()));

        assertThat(inProgress.cases()).extracting(CaseFile::reference).containsExactly(working.reference());
        assertThat(critical.cases()).isEmpty();
    }

    @Test
    void listing_the_queue_writes_no_audit_entry_per_case() {
        CaseFile file = world.almatyCase(CaseStatus.RECEIVED);

        QueuePage page = listQueue.list(ALMATY_RESPONDER, almaty(25, Optional.empty()));

        assertThat(page.cases()).containsExactly(file);
        assertThat(world.auditActions(file)).isEmpty();
    }

    @Test
    void a_national_role_outside_the_secretariat_lists_its_organisations_regions_only() {
        CaseFile almaty = world.almatyCase(CaseStatus.RECEIVED);

        assertThat(listQueue.list(ALMATY_NATIONAL_ROLE, almaty(25, Optional.empty())).cases())
                .extracting(CaseFile::reference).containsExactly(almaty.reference());
        assertThatThrownBy(() -> listQueue.list(ALMATY_NATIONAL_ROLE, new QueueQuery(ASTANA, Optional.empty(),
                Optional.empty(), Optional.empty(), 25, Optional.empty()))).isInstanceOf(Forbidden.class);
        assertThat(listQueue.list(NATIONAL_COORDINATOR, new QueueQuery(ASTANA, Optional.empty(), Optional.empty(),
                Optional.empty(), 25, Optional.empty())).cases()).as("guard: national scope may").isEmpty();
    }

    @Test
    void the_provider_of_an_open_referral_finds_the_case_in_the_queue_of_a_region_it_serves() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        assertThat(listQueue.list(MIGRANT_NGO_RESPONDER, almaty(25, Optional.empty())).cases()).isEmpty();

        world.referToService().refer(ALMATY_COORDINATOR, file.reference().value(), new kz.senim.referral.ReferralRequest(
                "ngo-foreign-nationals", kz.senim.directory.ServiceType.LEGAL, true, world.today().plusDays(5)));

        assertThat(listQueue.list(MIGRANT_NGO_RESPONDER, almaty(25, Optional.empty())).cases())
                .extracting(CaseFile::reference).containsExactly(file.reference());
    }
}
