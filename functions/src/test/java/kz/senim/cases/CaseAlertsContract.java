package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.senim.cases.CaseAlerts.AlertLine;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CaseAlerts} does, run against the in-memory fake ({@code InMemoryCaseAlertsContractTest}) and
 * the DynamoDB adapter on DynamoDB Local ({@code DynamoDbCaseAlertsContractIT}): a case's alerts and pages come back
 * as stored, in the order they were raised (time, then step, then id), and only its own.
 */
public abstract class CaseAlertsContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");

    /** The store under test. */
    protected abstract CaseAlerts caseAlerts();

    /**
     * Puts an alert of {@code reference} in place as it stands: an organisation's alert ({@code pending} or
     * {@code acknowledged}, step 0, id {@code <reference>.<organisation>}) or an escalation page ({@code page}, step
     * n, id {@code <reference>.<target>.e<n>}).
     */
    protected abstract void store(Reference reference, AlertLine line);

    @Test
    void a_cases_alerts_and_pages_come_back_in_the_order_they_were_raised() {
        Reference reference = Reference.random(RANDOM);
        AlertLine shelter = origin(reference, "ngo-shelter-almaty", NOON, Optional.empty());
        AlertLine commission = origin(reference, "kz-75-commission", NOON, Optional.of(NOON.plusSeconds(900)));
        AlertLine migrants = origin(reference, "ngo-foreign-nationals", NOON.plus(Duration.ofMinutes(10)),
                Optional.empty());
        AlertLine firstPage = page(reference, "ngo-shelter-almaty", 1, NOON.plus(Duration.ofMinutes(10)));
        AlertLine secondPage = page(reference, "national-secretariat", 2, NOON.plus(Duration.ofMinutes(30)));
        AlertLine withinTheSecond = page(reference, "kz-75-commission", 1, NOON.plusMillis(500));
        for (AlertLine line : List.of(secondPage, firstPage, migrants, shelter, withinTheSecond, commission)) {
            store(reference, line);
        }

        assertThat(caseAlerts().of(reference)).containsExactly(commission, shelter, withinTheSecond, migrants,
                firstPage, secondPage);
    }

    @Test
    void a_case_has_only_its_own_alerts() {
        Reference one = Reference.random(RANDOM);
        Reference other = Reference.random(RANDOM);
        AlertLine ofOne = origin(one, "kz-75-commission", NOON, Optional.empty());
        AlertLine ofOther = origin(other, "kz-75-commission", NOON, Optional.empty());
        store(one, ofOne);
        store(other, ofOther);

        assertThat(caseAlerts().of(one)).containsExactly(ofOne);
        assertThat(caseAlerts().of(other)).containsExactly(ofOther);
        assertThat(caseAlerts().of(Reference.random(RANDOM))).isEmpty();
    }

    private static AlertLine origin(Reference reference, String organisation, Instant createdAt,
            Optional<Instant> acknowledgedAt) {
        return new AlertLine(reference.value() + "." + organisation, organisation,
                acknowledgedAt.isPresent() ? "acknowledged" : "pending", 0, createdAt, acknowledgedAt);
    }

    private static AlertLine page(Reference reference, String target, int step, Instant createdAt) {
        return new AlertLine(reference.value() + "." + target + ".e" + step, target, "page", step, createdAt,
                Optional.empty());
    }
}
