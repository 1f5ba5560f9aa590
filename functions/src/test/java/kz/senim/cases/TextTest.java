package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.senim.cases.InvalidInput.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void explicit_bidirectional_controls_are_refused_naming_the_field(String codePoint) {
        String control = Character.toString(Integer.parseInt(codePoint, 16));

        assertThatThrownBy(() -> Text.bounded("narrative", "Paid " + control + "0001 tenge", 4000))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("narrative");
                    assertThat(invalid.violation()).isEqualTo(Violation.BIDI_CONTROL);
                });
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"2029", "202F", "2065", "206A", "200E", "200F", "061C"})
    void the_characters_around_them_and_implicit_marks_are_text(String codePoint) {
        String text = "Алматы " + Character.toString(Integer.parseInt(codePoint, 16)) + " بازار";

        assertThat(Text.bounded("locality", text, 200)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u202Eat the start", "at the end\u2069", "in the \u2066middle"})
    void a_control_anywhere_in_required_text_is_refused(String text) {
        assertThatThrownBy(() -> Text.required("text", text, 2000))
                .isInstanceOfSatisfying(InvalidInput.class,
                        invalid -> assertThat(invalid.violation()).isEqualTo(Violation.BIDI_CONTROL));
        assertThat(Text.required("text", text.replaceAll("[\u202A-\u202E\u2066-\u2069]", ""), 2000))
                .as("the same text without it").isNotBlank();
    }
}
