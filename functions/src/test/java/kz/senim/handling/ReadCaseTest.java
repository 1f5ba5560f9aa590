package kz.senim.handling;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.FiguresRead;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseAlerts.AlertLine;
import kz.senim.cases.CaseDetails;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseMessages;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseText;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.directory.Directory;
import kz.senim.directory.ServiceType;
import kz.senim.i18n.Language;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralRequest;
import kz.senim.testing.CaseWorld;
import kz.senim.testing.Submissions;
import org.junit.jupiter.api.Test;

class ReadCaseTest {

    private final CaseWorld world = new CaseWorld();

    @Test
    void someone_in_scope_sees_the_whole_case_with_its_alerts_referrals_and_messages() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        AlertLine alert = new AlertLine(file.reference().value() + ".kz-75-commission", "kz-75-commission",
                "acknowledged", 0, file.submittedAt(), Optional.of(file.submittedAt().plusSeconds(90)));
        world.alerts.add(file.reference(), alert);
        Referral referral = world.shelterReferral(file);
        MessageLine message = new MessageLine("M0123456789ABCDEF", Instant.parse("2026-11-23T12:05:00Z"),
                "to_reporter", "question", "person-aigerim", CaseText.plain("Are you safe?"));
        world.messages = reference -> reference.equals(file.reference()) ? List.of(message) : List.of();

        ReadCase.Outcome outcome = world.readCase().read(ALMATY_RESPONDER, file.reference().value());

        assertThat(outcome).isInstanceOfSatisfying(ReadCase.Outcome.Found.class, found -> {
            CaseDetails details = found.details();
            assertThat(details.file()).isEqualTo(file);
            assertThat(details.file().submission().narrative().readable()).hasValueSatisfying(n -> assertThat(n).isNotBlank());
            assertThat(details.alerts()).containsExactly(alert);
            assertThat(details.referrals()).containsExactly(referral.line());
            assertThat(details.messages()).containsExactly(message);
            assertThat(details.today()).isEqualTo(world.today());
        });
    }

    @Test
    void texts_kept_sealed_are_opened_for_someone_in_scope_and_erased_once_their_keys_are_forgotten() {
        CaseFile typed = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        CaseContent.Sealing sealing = world.content.sealing(typed.reference());
        CaseFile stored = typed.withTexts(text -> CaseText.stored(sealing.stored(text).orElseThrow()));
        world.keys.keep(sealing.newKey().orElseThrow());
        world.cases.add(stored);
        CaseContent.Sealing messageSealing = world.content.sealing(typed.reference());
        MessageLine message = new MessageLine("M0123456789ABCDEF", Instant.parse("2026-11-23T12:05:00Z"),
                "to_reporter", "question", "person-aigerim",
                CaseText.stored(messageSealing.stored(CaseText.plain("Are you safe?")).orElseThrow()));
        world.keys.keep(messageSealing.newKey().orElseThrow());
        world.messages = reference -> List.of(message);

        ReadCase.Outcome.Found opened = found(world.readCase().read(ALMATY_RESPONDER, typed.reference().value()));

        assertThat(stored.submission().narrative()).isInstanceOf(CaseText.Sealed.class);
        assertThat(opened.details().file()).isEqualTo(typed);
        assertThat(opened.details().messages()).singleElement().extracting(MessageLine::text)
                .isEqualTo(CaseText.plain("Are you safe?"));

        world.keys.forget(typed.reference());
        ReadCase.Outcome.Found erased = found(world.readCase().read(ALMATY_RESPONDER, typed.reference().value()));

        assertThat(erased.details().file().submission().narrative()).isEqualTo(new CaseText.Erased());
        assertThat(erased.details().file().submission().locality()).contains(new CaseText.Erased());
        assertThat(erased.details().messages()).singleElement().extracting(MessageLine::text)
                .isEqualTo(new CaseText.Erased());
    }

    private static ReadCase.Outcome.Found found(ReadCase.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ReadCase.Outcome.Found.class);
        return (ReadCase.Outcome.Found) outcome;
    }

    @Test
    void the_provider_of_an_open_referral_sees_the_narrative_and_conversation_but_only_its_own_alerts_and_referrals() {
        CaseFile file = world.almatyCase(CaseStatus.IN_PROGRESS);
        world.alerts.add(file.reference(), new AlertLine(file.reference().value() + ".kz-75-commission",
                "kz-75-commission", "acknowledged", 0, file.submittedAt(), Optional.of(file.submittedAt())));
        Referral shelter = world.shelterReferral(file);
        ReferToService.Outcome legal = world.referToService().refer(ALMATY_COORDINATOR, file.reference().value(),
                new ReferralRequest("ngo-foreign-nationals", ServiceType.LEGAL, true, world.today().plusDays(4)));
        MessageLine message = new MessageLine("M0123456789ABCDEF", Instant.parse("2026-11-23T12:05:00Z"),
                "from_reporter", "reply", "reporter", CaseText.plain("I am at the bus station."));
        world.messages = reference -> reference.equals(file.reference()) ? List.of(message) : List.of();

        ReadCase.Outcome outcome = world.readCase().read(MIGRANT_NGO_RESPONDER, file.reference().value());

        assertThat(outcome).isInstanceOfSatisfying(ReadCase.Outcome.Found.class, found -> {
            CaseDetails details = found.details();
            assertThat(details.file().submission().narrative()).isEqualTo(file.submission().narrative());
            assertThat(details.messages()).containsExactly(message);
            assertThat(details.alerts()).isEmpty();
            assertThat(details.referrals()).singleElement().satisfies(referral -> assertThat(referral.referralId())
                    .isEqualTo(((ReferToService.Outcome.Referred) legal).referral().id().value()));
        });
        assertThat(world.readCase().read(ALMATY_COORDINATOR, file.reference().value()))
                .as("guard: the case has both referrals and the alert")
                .isInstanceOfSatisfying(ReadCase.Outcome.Found.class, found -> {
                    assertThat(found.details().referrals()).hasSize(2).contains(shelter.line());
                    assertThat(found.details().alerts()).hasSize(1);
                });
        assertThat(world.audit.entries(file.reference())).filteredOn(e -> e.action().equals("case_read"))
                .extracting(AuditEntry::actor).contains(MIGRANT_NGO_RESPONDER.actor());
    }

    @Test
    void the_organisations_the_case_mentions_are_named_from_one_read_of_the_directory() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        for (String organisation : List.of("kz-75-commission", "ngo-shelter-almaty", "national-secretariat",
                "ngo-closed-in-2025")) {
            world.alerts.add(file.reference(), new AlertLine(file.reference().value() + "." + organisation,
                    organisation, "pending", 0, file.submittedAt(), Optional.empty()));
        }
        world.shelterReferral(file);
        AtomicInteger reads = new AtomicInteger();
        Directory counted = () -> {
            reads.incrementAndGet();
            return world.directory.organisations();
        };
        ReadCase readCase = new ReadCase(world.cases, world.access, world.alerts, world.referrals,
                CaseMessages.NONE, world.audit, world.content, counted, world.clock);

        ReadCase.Outcome.Found found = found(readCase.read(ALMATY_RESPONDER, file.reference().value()));

        assertThat(found.details().alerts()).hasSize(4);
        assertThat(reads).as("one read for four alerts and a referral").hasValue(1);
        assertThat(found.names().name("ngo-shelter-almaty", Language.RU))
                .hasValue("Приют НПО для пострадавших от торговли людьми, Алматы");
        assertThat(found.names().name("ngo-shelter-almaty", Language.KK))
                .hasValue("Адам саудасынан зардап шеккендерге арналған ҮЕҰ баспанасы, Алматы");
        assertThat(found.names().name("kz-75-commission", Language.KK))
                .hasValue("Адам саудасына қарсы іс-қимыл жөніндегі өңірлік комиссия (Алматы)");
        assertThat(found.names().name("ngo-closed-in-2025", Language.RU)).as("unknown to the directory").isEmpty();
    }

    @Test
    void every_opening_is_audited_with_who_what_when_and_nothing_the_reporter_wrote() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        Instant when = world.clock.instant();

        world.readCase().read(SHELTER_RESPONDER, file.reference().value());

        assertThat(world.audit.entries(file.reference())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("case_read");
            assertThat(entry.at()).isEqualTo(when);
            assertThat(entry.actor()).isEqualTo(new Actor.Person("person-saule", "ngo-shelter-almaty", "responder"));
            String narrative = Submissions.narrative(file.submission());
            assertThat(entry.details().values()).noneMatch(v -> narrative.contains(v) || v.contains(narrative));
            assertThat(entry.toString()).contains("case_read").doesNotContain(narrative)
                    .doesNotContain(Submissions.locality(file.submission()));
        });
    }

    @Test
    void a_case_of_another_region_is_not_found_and_nothing_is_audited() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(world.readCase().read(ASTANA_COORDINATOR, file.reference().value()))
                .isInstanceOf(ReadCase.Outcome.NotFound.class);
        assertThat(world.auditActions(file)).isEmpty();
        assertThat(world.readCase().read(ALMATY_RESPONDER, file.reference().value()))
                .as("in its region").isInstanceOf(ReadCase.Outcome.Found.class);
        assertThat(world.auditActions(file)).containsExactly("case_read");
    }

    @Test
    void an_organisation_not_involved_in_the_case_gets_not_found() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(world.readCase().read(MIGRANT_NGO_RESPONDER, file.reference().value()))
                .isInstanceOf(ReadCase.Outcome.NotFound.class);
    }

    @Test
    void an_unknown_or_malformed_reference_is_not_found_like_one_out_of_scope() {
        assertThat(world.readCase().read(NATIONAL_COORDINATOR, Reference.random(world.random).value()))
                .isInstanceOf(ReadCase.Outcome.NotFound.class);
        assertThat(world.readCase().read(NATIONAL_COORDINATOR, "SN-NOT-A-REF"))
                .isInstanceOf(ReadCase.Outcome.NotFound.class);
    }

    @Test
    void a_national_coordinator_opens_any_case_and_a_typed_reference_is_tolerated() {
        CaseFile file = world.almatyCase(CaseStatus.RECEIVED);

        assertThat(world.readCase().read(NATIONAL_COORDINATOR, file.reference().value().toLowerCase()))
                .isInstanceOf(ReadCase.Outcome.Found.class);
    }

    @Test
    void when_the_audit_line_cannot_be_written_the_case_is_not_shown() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        AuditTrail failing = new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                throw new StorageUnavailable("audit trail unavailable", null);
            }

            @Override
            public List<AuditEntry> entries(Reference reference) {
                return List.of();
            }

            @Override
            public void record(FiguresRead read) {
                throw new StorageUnavailable("audit trail unavailable", null);
            }

            @Override
            public List<FiguresRead> figuresReads(LocalDate day) {
                return List.of();
            }
        };
        ReadCase readCase = new ReadCase(world.cases, world.access, world.alerts, world.referrals,
                CaseMessages.NONE, failing, world.content, world.directory, world.clock);

        assertThatThrownBy(() -> readCase.read(ALMATY_RESPONDER, file.reference().value()))
                .isInstanceOf(StorageUnavailable.class);
    }
}
