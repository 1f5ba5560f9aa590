package kz.senim.regions.api;

import static kz.senim.testing.HttpApiEvents.conforming;
import static kz.senim.testing.HttpApiEvents.header;
import static kz.senim.testing.HttpApiEvents.headers;
import static kz.senim.testing.HttpApiEvents.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.senim.i18n.Language;
import kz.senim.regions.Region;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.HttpApiEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegionsHandlerTest {

    private static final String FIXTURE = "events/apigw-v2-regions.json";
    /** The last choice of the region picker, as each language says it. */
    private static final Map<Language, String> UNKNOWN_REGION = Map.of(
            Language.KK, "Білмеймін / басқа",
            Language.RU, "Не знаю / другое",
            Language.EN, "I don’t know / other",
            Language.UZ, "Bilmayman / boshqa");

    private final RegionCatalogue catalogue = RegionCatalogue.load();
    private final RegionsHandler handler = new RegionsHandler(catalogue);

    private APIGatewayV2HTTPResponse ask(APIGatewayV2HTTPEvent event) {
        return conforming(event, handler.handleRequest(event, null));
    }

    @ParameterizedTest
    @Event(value = FIXTURE, type = APIGatewayV2HTTPEvent.class)
    void the_picker_lists_17_regions_and_3_cities_then_i_dont_know(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ask(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
        List<JsonNode> regions = list(HttpApiEvents.body(response).path("regions"));
        assertThat(regions).hasSize(21);
        assertThat(regions.subList(0, 20)).extracting(r -> r.path("code").asText())
                .containsExactlyElementsOf(catalogue.all().stream().map(r -> r.code().value()).toList())
                .allMatch(code -> code.matches("KZ-\\d{2}"));
        assertThat(regions.subList(0, 20)).extracting(r -> r.path("kind").asText())
                .containsOnly("region", "city")
                .filteredOn("city"::equals).hasSize(3);
        JsonNode unknown = regions.get(20);
        assertThat(unknown.path("code").asText()).isEqualTo("unknown");
        assertThat(unknown.path("kind").asText()).isEqualTo("unknown");
        assertThat(unknown.path("centre").isNull()).isTrue();
    }

    @Test
    void i_dont_know_reads_as_written_without_a_doubled_quote() {
        JsonNode body = HttpApiEvents.body(ask(query(HttpApiEvents.load(FIXTURE), "lang", "en")));

        assertThat(list(body.path("regions")).getLast().path("name").asText()).isEqualTo("I don’t know / other");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void names_are_in_the_language_asked_for(Language language) {
        APIGatewayV2HTTPEvent event = query(HttpApiEvents.load(FIXTURE), "lang", language.code());

        JsonNode body = HttpApiEvents.body(ask(event));

        assertThat(body.path("language").asText()).isEqualTo(language.code());
        List<String> expected = new ArrayList<>(catalogue.all().stream().map(r -> r.name(language)).toList());
        expected.add(UNKNOWN_REGION.get(language));
        assertThat(list(body.path("regions"))).extracting(r -> r.path("name").asText())
                .containsExactlyElementsOf(expected)
                .allSatisfy(name -> assertThat(name).isNotBlank());
    }

    @Test
    void the_four_languages_name_the_regions_differently() {
        Region almatyRegion = catalogue.all().stream().filter(r -> r.code().value().equals("KZ-19"))
                .findFirst().orElseThrow();

        assertThat(List.of(Language.values())).extracting(almatyRegion::name).doesNotHaveDuplicates();
    }

    @Test
    void names_are_english_without_lang_whatever_the_accept_language() {
        APIGatewayV2HTTPEvent event = header(query(HttpApiEvents.load(FIXTURE), "lang", null),
                "Accept-Language", "kk-KZ,kk;q=0.9");

        JsonNode body = HttpApiEvents.body(ask(event));

        assertThat(body.path("language").asText()).isEqualTo("en");
        assertThat(list(body.path("regions")).get(0).path("name").asText())
                .isEqualTo(catalogue.all().get(0).name(Language.EN));
    }

    @Test
    void a_lang_senim_does_not_serve_is_refused_in_the_accept_language() {
        APIGatewayV2HTTPEvent event = query(HttpApiEvents.load(FIXTURE), "lang", "tr");

        APIGatewayV2HTTPResponse response = ask(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = HttpApiEvents.body(response);
        assertThat(problem.path("field").asText()).isEqualTo("lang");
        assertThat(problem.path("code").asText()).isEqualTo("invalid_field");
        assertThat(problem.path("detail").asText())
                .isEqualTo("«lang» параметрінің мәні рұқсат етілмеген. Рұқсат етілгендер: kk, ru, en, uz.");
        assertThat(headers(response)).containsEntry("Cache-Control", "no-store");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
