package kz.senim.overview;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Forbidden;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.FiguresRead;
import kz.senim.cases.RegionCode;
import kz.senim.overview.Figures.UnacknowledgedAlert;
import kz.senim.regions.RegionCatalogue;

/**
 * Where the hotline stands in every region, for the national secretariat: open cases, alerts nobody acknowledged and
 * since when. Figures only, no case content; the read is audited first, as every read of cases is.
 */
public final class ShowOverview {

    public static final String AUDIT_ACTION = "overview_read";

    private final Figures figures;
    private final RegionCatalogue regions;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public ShowOverview(Figures figures, RegionCatalogue regions, CaseAccess access, AuditTrail audit, Clock clock) {
        this.figures = figures;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param oldestUnacknowledgedAt when the longest-waiting of them was raised; empty when there are none */
    public record RegionFigures(RegionCode region, long openCases, long unacknowledgedAlerts,
            Optional<Instant> oldestUnacknowledgedAt) {
    }

    /** Every region of the catalogue, in its order, {@code unknown} last. */
    public record Overview(Instant generatedAt, List<RegionFigures> regions) {
        public Overview {
            regions = List.copyOf(regions);
        }
    }

    /** @throws Forbidden without national scope */
    public Overview show(Caller caller) {
        if (!access.national(caller)) {
            throw new Forbidden("read the national overview");
        }
        Instant now = clock.instant();
        List<RegionCode> codes = regions.codes().stream().map(RegionCode::new).toList();
        audit.record(new FiguresRead(now, caller.actor(), AUDIT_ACTION, Map.of("regions",
                Integer.toString(codes.size()))));
        Map<RegionCode, List<Instant>> waiting = figures.unacknowledgedAlerts().stream()
                .collect(Collectors.groupingBy(UnacknowledgedAlert::region, HashMap::new,
                        Collectors.mapping(UnacknowledgedAlert::createdAt, Collectors.toList())));
        return new Overview(now, codes.stream().map(region -> {
            List<Instant> alerts = waiting.getOrDefault(region, List.of());
            return new RegionFigures(region, figures.openCases(region), alerts.size(),
                    alerts.stream().min(Comparator.naturalOrder()));
        }).toList());
    }
}
