package kz.senim.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    /** {n} or {n,...}: where MessageFormat puts argument n. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");
    /** Texts that are names or pure layout, the same in every language. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("safety.police", "safety.regional",
            "alert.sms.terse", "alert.sms.brief", "alert.sms.minimal");

    /** The bundle of a language as the file says, without the fallback to English that ResourceBundle would add. */
    private static Properties bundle(Language language) throws IOException {
        String suffix = language == Language.EN ? "" : "_" + language.code();
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/kz/senim/i18n/messages" + suffix + ".properties")) {
            assertThat(in).as("messages%s.properties", suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"KK", "RU", "UZ"})
    void every_text_exists_in_every_language_and_is_translated(Language language) throws IOException {
        Properties english = bundle(Language.EN);
        Properties translated = bundle(language);

        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).filteredOn(key -> !SAME_IN_EVERY_LANGUAGE.contains(key))
                .allSatisfy(key -> assertThat(translated.getProperty(key)).as(key)
                        .isNotEqualTo(english.getProperty(key)));
    }

    /**
     * Every key of every bundle rendered as Senim renders it ({@link Messages#text}, with a dummy for each argument
     * it takes): no stray {@code ''} (which MessageFormat turns into one quote only where a text has arguments),
     * every argument shown (a lone quote would swallow it), the same arguments as in English, and no key missing.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void every_text_renders_without_a_doubled_quote_and_with_all_its_arguments(Language language) throws IOException {
        Properties english = bundle(Language.EN);
        Properties own = bundle(language);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(own.stringPropertyNames()).as("keys of %s", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());

        int rendered = 0;
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String pattern = own.getProperty(key);
            if (pattern == null) {
                continue; // reported above
            }
            Set<String> arguments = arguments(english.getProperty(key));
            softly.assertThat(arguments(pattern)).as("%s %s: arguments", language, key).isEqualTo(arguments);
            int count = arguments.stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
            Object[] dummies = new Object[count];
            for (int i = 0; i < count; i++) {
                dummies[i] = "\u27E8arg" + i + "\u27E9";
            }
            String text = Messages.text(language, key, dummies);
            rendered++;

            softly.assertThat(text).as("%s %s", language, key).isNotBlank().doesNotContain("''");
            for (String argument : arguments) {
                softly.assertThat(text).as("%s %s shows argument %s", language, key, argument)
                        .contains("\u27E8arg" + argument + "\u27E9");
            }
            softly.assertThat(text).as("%s %s: no placeholder left", language, key).doesNotContainPattern("\\{\\d");
            if (!arguments.isEmpty()) {
                softly.assertThat(pattern.replace("''", "")).as("%s %s: a lone quote in a text with arguments",
                        language, key).doesNotContain("'");
            }
        }
        assertThat(rendered).as("texts rendered in %s", language).isGreaterThan(90);
        softly.assertAll();
    }

    @Test
    void the_region_pickers_unknown_and_the_consent_error_read_as_written() {
        assertThat(Messages.text(Language.EN, "region.unknown")).isEqualTo("I don’t know / other");
        assertThat(Messages.text(Language.EN, "problem.consent_required")).contains("the reporter’s consent");
        assertThat(Messages.text(Language.EN, "problem.missing_field", "narrative"))
                .isEqualTo("The field 'narrative' is required.");
    }

    /**
     * MessageFormat reads a text only when it has arguments: there {@code ''} is one apostrophe and a lone one is
     * swallowed; a text without arguments is shown as written, so there {@code ''} would show twice.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void apostrophes_are_written_as_the_text_is_read(Language language) throws IOException {
        Properties bundle = bundle(language);
        java.util.Map<Boolean, java.util.List<String>> byArguments = bundle.stringPropertyNames().stream()
                .map(bundle::getProperty)
                .collect(java.util.stream.Collectors.partitioningBy(text -> text.matches("(?s).*\\{\\d.*")));

        assertThat(byArguments.get(true)).isNotEmpty()
                .allSatisfy(text -> assertThat(text.replace("''", "")).doesNotContain("'"));
        assertThat(byArguments.get(false)).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("''"));
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
