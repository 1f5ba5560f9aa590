package kz.senim.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void every_organisation_says_in_which_language_it_reads_its_alerts_commissions_in_kazakh_or_russian()
            throws Exception {
        JsonNode file = new ObjectMapper().readTree(DirectoryData.class.getResourceAsStream(DirectoryData.SEED_RESOURCE));

        assertThat(file.path("organisations")).allSatisfy(node -> assertThat(node.path("alertLanguage").asText())
                .as(node.path("id").asText()).isIn("kk", "ru", "en", "uz"));
        assertThat(seed).filteredOn(o -> o.type() == OrganisationType.REGIONAL_COMMISSION)
                .extracting(Organisation::alertLanguage).containsOnly(Language.KK, Language.RU).contains(Language.KK,
                        Language.RU);
        assertThat(seed).filteredOn(o -> o.id().equals("kz-61-commission")).extracting(Organisation::alertLanguage)
                .containsExactly(Language.KK);
    }

    @Test
    void an_organisation_without_an_alert_language_reads_russian_and_an_unknown_one_is_refused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String organisation = "{\"organisations\": [{\"id\": \"ngo-x\", \"type\": \"ngo\", \"names\": {\"en\": \"X\"},"
                + " \"regions\": [\"*\"], \"categories\": [\"*\"], \"alertWhen\": \"always\"%s}]}";

        assertThat(DirectoryData.parse(json.readTree(organisation.formatted(""))).getFirst().alertLanguage())
                .isEqualTo(Language.RU);
        assertThat(DirectoryData.parse(json.readTree(organisation.formatted(", \"alertLanguage\": \"uz\"")))
                .getFirst().alertLanguage()).isEqualTo(Language.UZ);
        assertThatThrownBy(() -> DirectoryData.parse(json.readTree(
                organisation.formatted(", \"alertLanguage\": \"de\"")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alertLanguage");
    }
}
