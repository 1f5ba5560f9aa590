package kz.senim.overview;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.senim.access.Forbidden;
import kz.senim.audit.FiguresRead;
import kz.senim.cases.RegionCode;
import kz.senim.overview.Figures.UnacknowledgedAlert;
import kz.senim.overview.ShowOverview.RegionFigures;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class ShowOverviewTest {

    private static final RegionCode ALMATY = new RegionCode("KZ-75");
    private static final RegionCode ASTANA = new RegionCode("KZ-71");

    private final CaseWorld world = new CaseWorld();
    private final Instant morning = Instant.parse("2026-11-23T05:00:00Z");

    /** Figures as a test sets them: open cases per region, and the unacknowledged alerts. */
    private final Figures figures = new Figures() {
        @Override
        public long openCases(RegionCode region) {
            return Map.of(ALMATY, 12L, ASTANA, 3L).getOrDefault(region, 0L);
        }

        @Override
        public List<UnacknowledgedAlert> unacknowledgedAlerts() {
            return List.of(new UnacknowledgedAlert(ALMATY, morning.plusSeconds(600)),
                    new UnacknowledgedAlert(RegionCode.UNKNOWN, morning.plusSeconds(60)),
                    new UnacknowledgedAlert(ALMATY, morning));
        }
    };
    private final ShowOverview showOverview = new ShowOverview(figures, RegionCatalogue.load(), world.access,
            world.audit, world.clock);

    @Test
    void every_region_of_the_catalogue_in_its_order_with_its_figures() {
        ShowOverview.Overview overview = showOverview.show(NATIONAL_COORDINATOR);

        assertThat(overview.generatedAt()).isEqualTo(world.clock.instant());
        assertThat(overview.regions()).extracting(f -> f.region().value())
                .isEqualTo(RegionCatalogue.load().codes());
        assertThat(overview.regions()).contains(
                new RegionFigures(ALMATY, 12, 2, Optional.of(morning)),
                new RegionFigures(ASTANA, 3, 0, Optional.empty()),
                new RegionFigures(RegionCode.UNKNOWN, 0, 1, Optional.of(morning.plusSeconds(60))));
    }

    @Test
    void the_read_is_audited_as_a_read_of_figures_with_no_case_in_it() {
        showOverview.show(NATIONAL_COORDINATOR);

        assertThat(world.audit.figuresReads(LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC)))
                .containsExactly(new FiguresRead(world.clock.instant(), NATIONAL_COORDINATOR.actor(),
                        "overview_read", Map.of("regions", "21")));
    }

    @Test
    void anyone_without_national_scope_is_refused_and_nothing_is_audited() {
        assertThatThrownBy(() -> showOverview.show(ALMATY_COORDINATOR)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> showOverview.show(ALMATY_NATIONAL_ROLE)).isInstanceOf(Forbidden.class);

        assertThat(world.audit.figuresReads(LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC))).isEmpty();
    }
}
