package kz.senim.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.Actor;
import kz.senim.cases.Alert;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.StorageUnavailable;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.OrganisationType;

/**
 * The scheduled retention run: finishes erasures that stopped half-way, erases the content of cases closed longer
 * than the retention period, and of cases never closed and unchanged for the inactivity period, but only after the
 * region's coordinators were warned {@code warning} ahead: a notice to the region's commission (the national
 * secretariat for a case of no region) through the alert outbox, and an audit entry. Any change of the case after
 * the warning puts the erasure off. A failure with one case does not hold up the others.
 */
public final class EraseDueContent {

    static final Actor ACTOR = new Actor.System("retention");
    static final String WARNED = "content_erasure_warned";

    private final CaseErasures erasures;
    private final EraseContent eraseContent;
    private final Directory directory;
    private final RetentionPolicy policy;
    private final Clock clock;

    public EraseDueContent(CaseErasures erasures, EraseContent eraseContent, Directory directory,
            RetentionPolicy policy, Clock clock) {
        this.erasures = erasures;
        this.eraseContent = eraseContent;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** What one run did. */
    public record Summary(int finished, int erased, int warned, int failed) {
    }

    public Summary run() {
        Instant now = clock.instant();
        int finished = 0;
        int erased = 0;
        int warned = 0;
        int failed = 0;
        for (Reference unfinished : erasures.unfinished()) {
            try {
                eraseContent.finish(unfinished);
                finished++;
            } catch (StorageUnavailable unavailable) {
                failed++;
            }
        }
        for (DueCase due : erasures.closedBefore(now.minus(policy.afterClosure()))) {
            try {
                erased += erase(due, ErasureReason.RETENTION_AFTER_CLOSURE) ? 1 : 0;
            } catch (StorageUnavailable unavailable) {
                failed++;
            }
        }
        Instant inactiveSince = now.minus(policy.inactivity());
        for (DueCase due : erasures.openBefore(now.minus(policy.inactivity().minus(policy.warning())))) {
            try {
                Optional<Instant> warning = due.standingWarning();
                if (warning.isEmpty()) {
                    warned += warn(due, now) ? 1 : 0;
                } else if (!due.lastChange().isAfter(inactiveSince)
                        && !warning.get().isAfter(now.minus(policy.warning()))) {
                    erased += erase(due, ErasureReason.INACTIVITY) ? 1 : 0;
                }
            } catch (StorageUnavailable unavailable) {
                failed++;
            }
        }
        return new Summary(finished, erased, warned, failed);
    }

    private boolean erase(DueCase due, ErasureReason reason) {
        return eraseContent.erase(due.file(), reason, ACTOR) instanceof CaseErasures.Outcome.Stored;
    }

    /** The erasure is due at the end of the inactivity period, and never sooner than {@code warning} from now. */
    private boolean warn(DueCase due, Instant now) {
        CaseFile file = due.file();
        Instant end = due.lastChange().plus(policy.inactivity());
        Instant dueAt = end.isAfter(now.plus(policy.warning())) ? end : now.plus(policy.warning());
        List<Alert> notices = new ArrayList<>();
        for (String organisation : coordinatorsOf(file.region())) {
            notices.add(Alert.notice(file.reference(), organisation, file.region(), file.submission().category(),
                    Alert.Notice.erasureDue(dueAt), now));
        }
        AuditEntry entry = new AuditEntry(file.reference(), now, ACTOR, WARNED, Map.of("dueAt", dueAt.toString(),
                "notified", String.join(",", coordinatorsOf(file.region()))));
        return erasures.warn(new CaseErasures.Warning(due, dueAt, notices, now, entry))
                instanceof CaseErasures.Outcome.Stored;
    }

    /** The region's commission; the national secretariat where no commission serves the region. */
    private List<String> coordinatorsOf(RegionCode region) {
        List<String> commissions = directory.organisations().stream()
                .filter(o -> o.type() == OrganisationType.REGIONAL_COMMISSION && o.regions().contains(region))
                .map(Organisation::id)
                .toList();
        if (!commissions.isEmpty()) {
            return commissions;
        }
        return directory.organisations().stream()
                .filter(o -> o.type() == OrganisationType.NATIONAL_SECRETARIAT)
                .map(Organisation::id)
                .toList();
    }
}
