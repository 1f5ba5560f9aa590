package kz.senim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} does, run against the in-memory fake ({@code InMemoryAuditTrailContractTest}) and
 * the DynamoDB adapter on DynamoDB Local ({@code DynamoDbAuditTrailContractIT}): a case's entries come back whole,
 * oldest first whatever order they were recorded in, and only its own.
 */
public abstract class AuditTrailContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Actor.Person DANA = new Actor.Person("person-dana", "kz-75-commission", "coordinator");

    /** The trail under test. */
    protected abstract AuditTrail audit();

    @Test
    void a_cases_entries_are_oldest_first_whatever_order_they_were_recorded_in() {
        Reference reference = Reference.random(RANDOM);
        List<Instant> times = List.of(NOON.plusSeconds(60), NOON, NOON.plusMillis(250), NOON.plusNanos(100_000),
                NOON.minusSeconds(3600), NOON.plusSeconds(1));
        times.forEach(at -> audit().record(AuditEntry.of(reference, at, DANA, "case_read")));

        assertThat(audit().entries(reference)).extracting(AuditEntry::at).containsExactly(
                NOON.minusSeconds(3600), NOON, NOON.plusNanos(100_000), NOON.plusMillis(250), NOON.plusSeconds(1),
                NOON.plusSeconds(60));
    }

    @Test
    void every_kind_of_actor_and_the_details_come_back_as_recorded() {
        Reference reference = Reference.random(RANDOM);
        List<AuditEntry> recorded = List.of(
                new AuditEntry(reference, NOON, DANA, "case_assigned",
                        Map.of("assignee", "person-aigerim", "version", "3")),
                AuditEntry.of(reference, NOON.plusSeconds(1), new Actor.LinkHolder("kz-75-commission"),
                        "alert_acknowledged"),
                AuditEntry.of(reference, NOON.plusSeconds(2), new Actor.Reporter(), "status_read_by_reporter"),
                new AuditEntry(reference, NOON.plusSeconds(3), new Actor.System("escalation"), "alert_escalated",
                        Map.of("step", "1", "target", "national-secretariat")));
        recorded.forEach(audit()::record);

        assertThat(audit().entries(reference)).containsExactlyElementsOf(recorded);
    }

    @Test
    void a_case_has_only_its_own_entries() {
        Reference one = Reference.random(RANDOM);
        Reference other = Reference.random(RANDOM);
        AuditEntry ofOne = AuditEntry.of(one, NOON, DANA, "case_read");
        AuditEntry ofOther = AuditEntry.of(other, NOON, DANA, "audit_read");
        audit().record(ofOne);
        audit().record(ofOther);

        assertThat(audit().entries(one)).containsExactly(ofOne);
        assertThat(audit().entries(other)).containsExactly(ofOther);
        assertThat(audit().entries(Reference.random(RANDOM))).isEmpty();
    }

    @Test
    void a_read_recorded_twice_is_two_entries() {
        Reference reference = Reference.random(RANDOM);
        AuditEntry read = AuditEntry.of(reference, NOON, DANA, "case_read");

        audit().record(read);
        audit().record(read);

        assertThat(audit().entries(reference)).containsExactly(read, read);
    }
}
