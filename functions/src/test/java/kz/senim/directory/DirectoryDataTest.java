package kz.senim.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.senim.i18n.Language;
import kz.senim.regions.RegionCatalogue;
import org.junit.jupiter.api.Test;

class DirectoryDataTest {

    private final List<Organisation> seed = DirectoryData.seed();

    @Test
    void every_region_has_exactly_one_regional_commission() {
        RegionCatalogue.load().all().forEach(region -> assertThat(seed)
                .filteredOn(o -> o.type() == OrganisationType.REGIONAL_COMMISSION && o.regions().contains(region.code()))
                .hasSize(1));
    }

    @Test
    void shelters_exist_in_astana_almaty_shymkent_and_kostanay() {
        assertThat(seed).extracting(Organisation::id).contains("ngo-shelter-astana", "ngo-shelter-almaty",
                "ngo-shelter-shymkent", "ngo-shelter-kostanay", "ngo-foreign-nationals", "ngo-children",
                "national-secretariat", "police-att-liaison");
    }

    @Test
    void every_organisation_is_named_in_every_language() {
        assertThat(seed).allSatisfy(o -> {
            for (Language language : Language.values()) {
                assertThat(o.name(language)).isNotBlank();
            }
        });
    }

    @Test
    void the_police_liaison_only_asks_for_consented_or_dangerous_cases() {
        assertThat(seed).filteredOn(o -> o.type() == OrganisationType.POLICE)
                .allSatisfy(o -> assertThat(o.alertWhen()).isEqualTo(AlertCondition.POLICE_CONSENT_OR_DANGER));
    }
}
