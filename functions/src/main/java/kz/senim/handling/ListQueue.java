package kz.senim.handling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Forbidden;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases.QueuePage;
import kz.senim.cases.Cases.QueueQuery;
import kz.senim.cases.Cases;
import kz.senim.cases.RegionCode;

/**
 * A region's queue of cases, oldest first, as one caller may see it: only a region the caller's organisation serves
 * (national coordinators: any), and within it only the cases the caller may open. The listing shows no narrative and
 * is not audited case by case; opening a case is ({@link ReadCase}).
 *
 * <p>Asking for a region outside the organisation's is refused ({@link Forbidden}) rather than answered with an empty
 * page: the region is the caller's own parameter, not a case it probes, so saying "not yours" reveals nothing.
 */
public final class ListQueue {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    /** Store pages read at most for one answer, so that a queue full of cases the caller may not see stays cheap. */
    static final int MAX_ROUNDS = 5;

    private final Cases cases;
    private final CaseAccess access;

    public ListQueue(Cases cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    /**
     * A page of at most {@code query.limit()} cases; a page may be shorter and still have a next cursor when the
     * store held cases the caller may not see.
     *
     * @throws Forbidden when the caller's organisation does not serve the region
     */
    public QueuePage list(Caller caller, QueueQuery query) {
        requireServed(caller, query.region());
        List<CaseFile> visible = new ArrayList<>();
        Optional<String> cursor = query.cursor();
        for (int round = 0; round < MAX_ROUNDS && visible.size() < query.limit(); round++) {
            QueuePage page = cases.queue(new QueueQuery(query.region(), query.status(), query.severity(),
                    query.category(), query.limit() - visible.size(), cursor));
            page.cases().stream().filter(file -> access.canSee(caller, file)).forEach(visible::add);
            cursor = page.nextCursor();
            if (cursor.isEmpty()) {
                break;
            }
        }
        return new QueuePage(visible, cursor);
    }

    private void requireServed(Caller caller, RegionCode region) {
        if (!access.servesRegion(caller, region)) {
            throw new Forbidden("list the queue of a region the organisation does not serve");
        }
    }
}
