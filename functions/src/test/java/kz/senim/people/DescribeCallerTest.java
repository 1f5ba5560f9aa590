package kz.senim.people;

import static kz.senim.testing.CaseWorld.ALMATY_COORDINATOR;
import static kz.senim.testing.CaseWorld.ALMATY_NATIONAL_ROLE;
import static kz.senim.testing.CaseWorld.MIGRANT_NGO_RESPONDER;
import static kz.senim.testing.CaseWorld.NATIONAL_COORDINATOR;
import static kz.senim.testing.CaseWorld.SHELTER_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.senim.access.Caller;
import kz.senim.access.Role;
import kz.senim.cases.RegionCode;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.CaseWorld;
import org.junit.jupiter.api.Test;

class DescribeCallerTest {

    private final CaseWorld world = new CaseWorld();
    private final RegionCatalogue catalogue = RegionCatalogue.load();
    private final DescribeCaller describeCaller = new DescribeCaller(world.people, world.directory, world.access,
            catalogue);

    private List<RegionCode> everyRegion() {
        return catalogue.codes().stream().map(RegionCode::new).toList();
    }

    @Test
    void a_regional_coordinator_gets_their_name_organisation_and_its_region() {
        DescribeCaller.Profile profile = describeCaller.describe(ALMATY_COORDINATOR).orElseThrow();

        assertThat(profile.name()).isEqualTo("Name of person-dana");
        assertThat(profile.organisation().id()).isEqualTo("kz-75-commission");
        assertThat(profile.national()).isFalse();
        assertThat(profile.regions()).containsExactly(new RegionCode("KZ-75"));
    }

    @Test
    void a_provider_gets_the_regions_it_serves_in_the_catalogues_order() {
        DescribeCaller.Profile profile = describeCaller.describe(SHELTER_RESPONDER).orElseThrow();

        assertThat(profile.regions()).extracting(RegionCode::value).containsExactly("KZ-19", "KZ-31", "KZ-33", "KZ-75");
    }

    @Test
    void an_organisation_that_serves_everywhere_gets_every_region_and_unknown_without_national_scope() {
        DescribeCaller.Profile profile = describeCaller.describe(MIGRANT_NGO_RESPONDER).orElseThrow();

        assertThat(profile.regions()).isEqualTo(everyRegion()).hasSize(21).endsWith(RegionCode.UNKNOWN);
        assertThat(profile.national()).isFalse();
    }

    @Test
    void national_scope_is_said_for_the_secretariats_national_coordinators_only() {
        assertThat(describeCaller.describe(NATIONAL_COORDINATOR).orElseThrow()).satisfies(profile -> {
            assertThat(profile.national()).isTrue();
            assertThat(profile.regions()).isEqualTo(everyRegion());
        });
        assertThat(describeCaller.describe(ALMATY_NATIONAL_ROLE).orElseThrow()).satisfies(profile -> {
            assertThat(profile.national()).isFalse();
            assertThat(profile.regions()).containsExactly(new RegionCode("KZ-75"));
        });
    }

    @Test
    void someone_not_yet_in_the_people_directory_is_named_by_their_id() {
        Caller newcomer = new Caller("person-new", "kz-75-commission", Role.RESPONDER);

        assertThat(describeCaller.describe(newcomer).orElseThrow().name()).isEqualTo("person-new");
    }

    @Test
    void a_sub_that_could_never_be_recorded_is_its_own_name() {
        Caller odd = new Caller("not a person id", "kz-75-commission", Role.RESPONDER);

        assertThat(describeCaller.describe(odd).orElseThrow().name()).isEqualTo("not a person id");
    }

    @Test
    void an_organisation_outside_the_directory_gets_nothing() {
        assertThat(describeCaller.describe(new Caller("person-x", "gone-org", Role.COORDINATOR))).isEmpty();
    }
}
