package kz.senim.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.senim.alerting.DispatchAlerts.Dispatched;
import kz.senim.alerting.DispatchAlerts.Outcome;
import kz.senim.alerting.UnpublishedAlerts.Unpublished;
import kz.senim.cases.Alert;

/**
 * Every minute, dispatches again every alert (an organisation's alert or an escalation page) still unpublished a few
 * minutes after it was created, whatever became of its case, until it is published: what the stream dispatcher could
 * not do (its retries ran out, it crashed holding a claim, SNS was down) is done here. It also tells how many alerts
 * are still unpublished more than {@link #OVERDUE} after their creation, the figure the operators' alarm watches.
 */
public final class SweepAlerts {

    /** The stream dispatcher has had its chance (its retries take well under this). */
    public static final Duration SWEEP_AFTER = Duration.ofMinutes(2);
    /** Unpublished this long, an alert is overdue: operators are alarmed. */
    public static final Duration OVERDUE = Duration.ofMinutes(5);
    /** Alerts looked at per run, oldest first; the next run takes the rest. */
    static final int LIMIT = 200;
    /** Alerts claimed and marked together. */
    static final int BATCH = 10;

    private final UnpublishedAlerts unpublished;
    private final DispatchAlerts dispatchAlerts;
    private final Clock clock;

    public SweepAlerts(UnpublishedAlerts unpublished, DispatchAlerts dispatchAlerts, Clock clock) {
        this.unpublished = unpublished;
        this.dispatchAlerts = dispatchAlerts;
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param dispatched       the alerts dispatched again, each with what became of it
     * @param unreadable       alert items that do not parse (they stay unpublished: an operator must look)
     * @param overdue          alerts still unpublished after this run, created more than {@link #OVERDUE} ago
     * @param oldestUnpublished age of the oldest alert still unpublished after this run (zero if none)
     */
    public record Sweep(List<Dispatched> dispatched, List<Unpublished.Unreadable> unreadable, int overdue,
            Duration oldestUnpublished) {

        public long count(Class<? extends Outcome> outcome) {
            return dispatched.stream().filter(d -> outcome.isInstance(d.outcome())).count();
        }
    }

    /** One run, stopping before it starts a batch once {@code budget} is spent (the next run goes on). */
    public Sweep run(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Instant now = clock.instant();
        List<Unpublished> due = unpublished.createdBefore(now.minus(SWEEP_AFTER), LIMIT);
        List<Alert> readable = new ArrayList<>();
        List<Unpublished.Unreadable> unreadable = new ArrayList<>();
        for (Unpublished alert : due) {
            switch (alert) {
                case Unpublished.Readable r -> readable.add(r.alert());
                case Unpublished.Unreadable u -> unreadable.add(u);
            }
        }
        List<Dispatched> dispatched = new ArrayList<>();
        List<Instant> stillUnpublished = new ArrayList<>();
        for (int from = 0; from < readable.size(); from += BATCH) {
            List<Alert> batch = readable.subList(from, Math.min(readable.size(), from + BATCH));
            if (System.nanoTime() - deadline >= 0) {
                batch.forEach(alert -> stillUnpublished.add(alert.createdAt()));
                continue;
            }
            for (Dispatched one : dispatchAlerts.dispatchAll(batch)) {
                dispatched.add(one);
                if (!settled(one.outcome())) {
                    stillUnpublished.add(one.alert().createdAt());
                }
            }
        }
        unreadable.forEach(u -> stillUnpublished.add(u.createdAt()));
        Instant overdueBefore = now.minus(OVERDUE);
        int overdue = (int) stillUnpublished.stream().filter(created -> created.isBefore(overdueBefore)).count();
        Duration oldest = stillUnpublished.stream().min(Instant::compareTo)
                .map(created -> Duration.between(created, now)).filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
        return new Sweep(List.copyOf(dispatched), List.copyOf(unreadable), overdue, oldest);
    }

    /** Published or coalesced, now or before; anything else is still on its way. */
    private static boolean settled(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Published p -> true;
            case Outcome.PublishedAsDigest d -> true;
            case Outcome.Coalesced c -> true;
            case Outcome.AlreadyPublished a -> true;
            case Outcome.PublishedNotMarked n -> true;
            case Outcome.Deferred d -> false;
            case Outcome.NotDelivered n -> false;
        };
    }
}
