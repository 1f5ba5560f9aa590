package kz.senim.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases;
import kz.senim.cases.Failures;
import kz.senim.cases.Severity;
import kz.senim.directory.Directory;
import kz.senim.directory.EscalationPolicy;
import kz.senim.directory.Organisation;
import kz.senim.escalation.PendingAlerts.Escalation;
import kz.senim.escalation.PendingAlerts.EscalationOutcome;

/**
 * Pages the next target of every alert nobody acknowledged in time, as the alerted organisation's escalation policy
 * says: step {@code n} is due at {@code createdAt} plus the delays of steps 0..n. Each step happens exactly once, even
 * with two escalators running at the same time, and none after the alert is acknowledged, the case is closed, or anyone
 * has taken the case (the brief: silence from the system once someone has taken it) unless the alert is critical and
 * its organisation is not the one that took it ({@link #mattersAfterTaken}). Whether an alert was delivered is not
 * escalation's business: the sweeper publishes every alert whatever its case's status. An alert moves at most one
 * step per run, so after an outage a target is never paged several times in one burst.
 */
public final class EscalateAlerts {

    static final String ACTION = "alert_escalated";
    static final Actor ACTOR = new Actor.System("escalation");
    static final int ATTEMPTS = 3;

    private final PendingAlerts pendingAlerts;
    private final Cases cases;
    private final Directory directory;
    private final Clock clock;

    public EscalateAlerts(PendingAlerts pendingAlerts, Cases cases, Directory directory, Clock clock) {
        this.pendingAlerts = pendingAlerts;
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
    }

    /** What became of one pending alert. */
    public sealed interface Outcome {
        /** {@code page} empty when the target already held this case's page of that step. */
        record Escalated(int step, String target, Optional<Alert> page) implements Outcome { }

        record NotDue(Instant due) implements Outcome { }

        /** Acknowledged, or escalated by another run, since it was read. */
        record AlreadyMoved() implements Outcome { }

        /** Nothing left to escalate (policy exhausted, no policy, case closed): out of the pending alerts. */
        record Stopped(String reason) implements Outcome { }

        /** The case is missing, or kept changing; tried again next run. */
        record Skipped(String reason) implements Outcome { }
    }

    /** One run: how many alerts were pending, escalated, stopped, or failed ({@code failures} says which and why). */
    public record Summary(int pending, int escalated, int stopped, int failed, List<Failure> failures) {

        public Summary {
            failures = List.copyOf(failures);
        }

        public Summary(int pending, int escalated, int stopped, int failed) {
            this(pending, escalated, stopped, failed, List.of());
        }
    }

    /** An alert escalation skipped this run: its id and the class of what went wrong (never a message). */
    public record Failure(String alertId, String cause) {
    }

    /**
     * One scheduled run over every pending alert. Each alert is on its own: an item that does not parse, or any
     * failure with one alert, is counted with its id and skipped, and every other alert still escalates.
     */
    public Summary run() {
        PendingAlerts.Listing listing = pendingAlerts.listing();
        int escalated = 0;
        int stopped = 0;
        List<Failure> failures = new ArrayList<>();
        listing.unreadable().forEach(u -> failures.add(new Failure(u.alertId(), u.cause())));
        for (PendingAlert alert : listing.readable()) {
            try {
                switch (escalate(alert)) {
                    case Outcome.Escalated e -> escalated++;
                    case Outcome.Stopped s -> stopped++;
                    case Outcome.Skipped s -> failures.add(new Failure(alert.alert().alertId(), s.reason()));
                    case Outcome.NotDue n -> { }
                    case Outcome.AlreadyMoved m -> { }
                }
            } catch (RuntimeException failure) {
                failures.add(new Failure(alert.alert().alertId(), Failures.kind(failure)));
            }
        }
        return new Summary(listing.readable().size() + listing.unreadable().size(), escalated, stopped,
                failures.size(), failures);
    }

    /** Takes the alert's next step if it is due. */
    public Outcome escalate(PendingAlert pending) {
        Alert alert = pending.alert();
        int index = pending.escalationStep();
        Optional<EscalationPolicy> policy = directory.organisation(alert.organisationId())
                .flatMap(Organisation::escalation);
        if (policy.isEmpty() || policy.get().step(index).isEmpty()) {
            pendingAlerts.stop(pending);
            return new Outcome.Stopped(policy.isEmpty() ? "no_policy" : "policy_exhausted");
        }
        Instant due = due(alert.createdAt(), policy.get(), index);
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return new Outcome.NotDue(due);
        }
        EscalationPolicy.Step step = policy.get().step(index).get();
        int number = index + 1;
        String target = step.targetOrganisationId();
        boolean last = policy.get().step(number).isEmpty();
        Optional<Alert> page = Optional.of(new Alert(alert.reference().value() + "." + target + ".e" + number,
                alert.reference(), target, alert.region(), alert.category(), alert.severity(), now));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<CaseFile> file = cases.find(alert.reference());
            if (file.isEmpty()) {
                return new Outcome.Skipped("case_missing");
            }
            if (file.get().status() == CaseStatus.CLOSED) {
                pendingAlerts.stop(pending);
                return new Outcome.Stopped("case_closed");
            }
            if (file.get().status() == CaseStatus.WITHDRAWN_BY_REPORTER) {
                // even a critical alert: the reporter withdrew the report, nobody is paged about it any more
                pendingAlerts.stop(pending);
                return new Outcome.Stopped("case_withdrawn");
            }
            if (file.get().status() != CaseStatus.RECEIVED && !mattersAfterTaken(alert, file.get())) {
                // someone has taken the case: from now on the system is silent about it
                pendingAlerts.stop(pending);
                return new Outcome.Stopped("case_taken");
            }
            Map<String, String> details = new HashMap<>(Map.of(
                    "alertId", alert.alertId(),
                    "step", Integer.toString(number),
                    "target", target));
            page.ifPresent(p -> details.put("pageId", p.alertId()));
            AuditEntry entry = new AuditEntry(alert.reference(), now, ACTOR, ACTION, details);
            EscalationOutcome outcome = pendingAlerts.escalate(new Escalation(pending, page, last,
                    file.get().involving(target, now), entry));
            switch (outcome) {
                case EscalationOutcome.Escalated e -> {
                    return new Outcome.Escalated(number, target, page);
                }
                case EscalationOutcome.StepTaken t -> {
                    return new Outcome.AlreadyMoved();
                }
                case EscalationOutcome.PageTaken t -> page = Optional.empty();
                case EscalationOutcome.CaseChanged c -> {
                    // read the case again and redo the change over its new version
                }
            }
        }
        return new Outcome.Skipped("kept_changing");
    }

    /**
     * Whether an alert nobody acknowledged keeps escalating after another organisation took the case: a critical one
     * (immediate danger to life) sent to an organisation that did not take it, typically the police liaison while the
     * commission works the case. Its own organisation still has to hear of it; everyone else is left in peace.
     */
    static boolean mattersAfterTaken(Alert alert, CaseFile file) {
        return alert.severity() == Severity.CRITICAL
                && !file.takenBy().map(alert.organisationId()::equals).orElse(false);
    }

    /** When step {@code index} is due: the delays of steps 0..index after the alert was created. */
    static Instant due(Instant createdAt, EscalationPolicy policy, int index) {
        Duration wait = Duration.ZERO;
        List<EscalationPolicy.Step> steps = new ArrayList<>(policy.allSteps());
        for (int i = 0; i <= index && i < steps.size(); i++) {
            wait = wait.plus(steps.get(i).delay());
        }
        return createdAt.plus(wait);
    }
}
