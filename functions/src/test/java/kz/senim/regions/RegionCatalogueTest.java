package kz.senim.regions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.senim.cases.RegionCode;
import kz.senim.i18n.Language;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RegionCatalogueTest {

    private final RegionCatalogue catalogue = RegionCatalogue.load();

    @Test
    void kazakhstan_has_17_regions_and_3_cities_of_republican_significance() {
        assertThat(catalogue.all()).hasSize(20);
        assertThat(catalogue.all()).filteredOn(r -> r.kind() == Region.Kind.CITY).extracting(r -> r.name(Language.EN))
                .containsExactlyInAnyOrder("Astana", "Almaty", "Shymkent");
        assertThat(catalogue.all()).allSatisfy(region -> {
            for (Language language : Language.values()) {
                assertThat(region.name(language)).isNotBlank();
            }
        });
    }

    @Test
    void a_reporter_may_say_the_region_is_unknown_but_not_invent_one() {
        assertThat(catalogue.code("unknown")).contains(RegionCode.UNKNOWN);
        assertThat(catalogue.code("KZ-75")).contains(new RegionCode("KZ-75"));
        assertThat(catalogue.code("KZ-99")).isEmpty();
        assertThat(catalogue.code("kz-75")).isEmpty();
    }

    @Test
    void emergency_numbers_are_112_and_102() {
        assertThat(catalogue.emergencyNumbers().unifiedEmergency()).isEqualTo("112");
        assertThat(catalogue.emergencyNumbers().police()).isEqualTo("102");
    }

    @Test
    void the_bundled_regions_match_the_shared_domain_file() throws IOException {
        Path shared = Path.of("../../shared/domain/kz-regions.json");
        Assumptions.assumeTrue(Files.exists(shared), "shared/domain is beside the repository in CI and at work");
        JsonNode source = new ObjectMapper().readTree(shared.toFile());

        for (JsonNode region : source.path("regions")) {
            Region bundled = catalogue.region(new RegionCode(region.path("code").asText())).orElseThrow();
            assertThat(bundled.name(Language.EN)).isEqualTo(region.path("en").asText());
            assertThat(bundled.name(Language.KK)).isEqualTo(region.path("kk").asText());
            assertThat(bundled.name(Language.RU)).isEqualTo(region.path("ru").asText());
            assertThat(bundled.centre()).isEqualTo(region.path("centre").asText());
        }
        assertThat(catalogue.all()).hasSize(source.path("regions").size());
    }

    @Test
    void every_region_has_a_short_name_for_an_sms_in_every_language_unambiguous_and_shorter_than_its_name() {
        for (Language language : Language.values()) {
            List<String> shortNames = catalogue.all().stream().map(r -> r.shortName(language)).toList();
            assertThat(shortNames).as("%s short names", language).doesNotHaveDuplicates().allSatisfy(name ->
                    assertThat(name).isNotBlank().hasSizeLessThanOrEqualTo(20));
            assertThat(catalogue.all()).allSatisfy(region -> assertThat(region.shortName(language).length())
                    .isLessThanOrEqualTo(region.name(language).length()));
        }
        Region eastKazakhstan = catalogue.region(new RegionCode("KZ-63")).orElseThrow();
        assertThat(eastKazakhstan.shortName(Language.RU)).isEqualTo("ВКО");
        assertThat(eastKazakhstan.shortName(Language.KK)).isEqualTo("ШҚО");
        assertThat(catalogue.region(new RegionCode("KZ-19")).orElseThrow().shortName(Language.RU))
                .isEqualTo("Алматинская обл.");
        assertThat(catalogue.region(new RegionCode("KZ-75")).orElseThrow().shortName(Language.RU)).isEqualTo("Алматы");
    }
}
