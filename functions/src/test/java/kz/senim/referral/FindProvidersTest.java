package kz.senim.referral;

import static org.assertj.core.api.Assertions.assertThat;

import kz.senim.cases.RegionCode;
import kz.senim.directory.Organisation;
import kz.senim.directory.ServiceType;
import kz.senim.i18n.Language;
import kz.senim.testing.FixedDirectory;
import org.junit.jupiter.api.Test;

class FindProvidersTest {

    private final FindProviders findProviders = new FindProviders(FixedDirectory.seeded());

    @Test
    void the_providers_of_the_region_come_first_then_the_national_ones() {
        assertThat(findProviders.find(ServiceType.LEGAL, new RegionCode("KZ-75"), Language.EN))
                .extracting(Organisation::id)
                .containsExactly("ngo-shelter-almaty", "ngo-children", "ngo-foreign-nationals");
    }

    @Test
    void a_provider_of_another_region_is_never_offered() {
        assertThat(findProviders.find(ServiceType.SHELTER, new RegionCode("KZ-71"), Language.RU))
                .extracting(Organisation::id)
                .containsExactly("ngo-shelter-astana", "ngo-children")
                .doesNotContain("ngo-shelter-almaty");
    }

    @Test
    void only_those_that_offer_the_service() {
        assertThat(findProviders.find(ServiceType.REPATRIATION, new RegionCode("KZ-75"), Language.EN))
                .extracting(Organisation::id).containsExactly("ngo-foreign-nationals");
        assertThat(findProviders.find(ServiceType.OTHER, new RegionCode("KZ-75"), Language.EN)).isEmpty();
    }

    @Test
    void for_a_case_whose_region_is_unknown_only_national_providers_are_offered() {
        assertThat(findProviders.find(ServiceType.SHELTER, RegionCode.UNKNOWN, Language.KK))
                .extracting(Organisation::id).containsExactly("ngo-children");
    }
}
