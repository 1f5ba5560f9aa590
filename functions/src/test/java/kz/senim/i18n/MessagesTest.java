package kz.senim.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/kz/senim/i18n/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"KK", "RU", "UZ"})
    void every_text_exists_in_every_language_and_is_translated(Language language) throws IOException {
        Properties english = bundle("");
        Properties translated = bundle("_" + language.code());

        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).filteredOn(key -> !key.equals("safety.police") && !key.equals("safety.regional"))
                .allSatisfy(key -> assertThat(translated.getProperty(key)).isNotEqualTo(english.getProperty(key)));
    }

    @Test
    void field_errors_name_the_field_in_every_language() {
        for (Language language : Language.values()) {
            String limit = java.text.NumberFormat.getIntegerInstance(language.locale()).format(4000);
            assertThat(Messages.text(language, "problem.too_long", "narrative", 4000))
                    .contains("narrative").contains(limit);
        }
    }

    @Test
    void the_client_gets_its_first_supported_language() {
        assertThat(Language.fromAcceptLanguage("de-DE, uz;q=0.9, ru;q=0.8")).contains(Language.UZ);
        assertThat(Language.fromAcceptLanguage("kk-KZ")).contains(Language.KK);
        assertThat(Language.fromAcceptLanguage("fr")).isEmpty();
        assertThat(Language.fromAcceptLanguage(";;;q=")).isEmpty();
    }
}
