package kz.senim.handling;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_RESPONDER;
import static kz.senim.testing.CaseWorld.ASTANA_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import kz.senim.access.Forbidden;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class ReadCaseAuditTest {

    private final CaseWorld world = new CaseWorld();

    @Test
    void a_coordinator_reads_who_did_what_when_and_the_reading_is_recorded_first() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        world.readCase().read(ALMATY_RESPONDER, file.reference().value());
        world.clock.advance(Duration.ofMinutes(5));
        world.changeCaseStatus().change(ALMATY_RESPONDER, file.reference().value(), 1, CaseTransition.startWork());
        world.clock.advance(Duration.ofMinutes(5));

        ReadCaseAudit.Outcome outcome = world.readCaseAudit().read(SHELTER_COORDINATOR, file.reference().value());

        assertThat(outcome).isInstanceOfSatisfying(ReadCaseAudit.Outcome.Found.class, found -> {
            assertThat(found.entries()).extracting(e -> e.action())
                    .containsExactly("case_read", "case_work_started", "audit_read");
            assertThat(found.entries().getLast().actor()).isEqualTo(SHELTER_COORDINATOR.actor());
            assertThat(found.entries().getLast().at()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void the_trail_is_shown_in_time_order_whatever_order_the_store_returns() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);
        java.time.Instant noon = world.clock.instant();
        world.audit.record(AuditEntry.of(file.reference(), noon.plusMillis(120), ALMATY_RESPONDER.actor(),
                "second"));
        world.audit.record(AuditEntry.of(file.reference(), noon, ALMATY_RESPONDER.actor(), "first"));
        world.clock.advance(Duration.ofSeconds(1));

        ReadCaseAudit.Outcome outcome = world.readCaseAudit().read(ALMATY_COORDINATOR, file.reference().value());

        assertThat(((ReadCaseAudit.Outcome.Found) outcome).entries()).extracting(AuditEntry::action)
                .containsExactly("first", "second", "audit_read");
    }

    @Test
    void a_responder_may_not_read_the_audit_trail() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThatThrownBy(() -> world.readCaseAudit().read(ALMATY_RESPONDER, file.reference().value()))
                .isInstanceOf(Forbidden.class);
        assertThat(world.auditActions(file)).isEmpty();
        assertCoordinatorsReadIsAudited(file);
    }

    @Test
    void a_coordinator_out_of_scope_gets_not_found() {
        CaseFile file = world.almatyCase(CaseStatus.ACKNOWLEDGED);

        assertThat(world.readCaseAudit().read(ASTANA_COORDINATOR, file.reference().value()))
                .isInstanceOf(ReadCaseAudit.Outcome.NotFound.class);
        assertThat(world.readCaseAudit().read(ALMATY_COORDINATOR, "SN-0000-0000-0000"))
                .isInstanceOf(ReadCaseAudit.Outcome.NotFound.class);
        assertThat(world.auditActions(file)).isEmpty();
        assertCoordinatorsReadIsAudited(file);
    }

    /** The positive guard of a "nothing audited": the case's coordinator reads the trail, and that is audited. */
    private void assertCoordinatorsReadIsAudited(CaseFile file) {
        assertThat(world.readCaseAudit().read(ALMATY_COORDINATOR, file.reference().value()))
                .isInstanceOf(ReadCaseAudit.Outcome.Found.class);
        assertThat(world.auditActions(file)).containsExactly("audit_read");
    }
}
