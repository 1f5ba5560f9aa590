package kz.senim.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Senim answers in: Kazakh, Russian, English and Uzbek (many foreign victims are Uzbek citizens). */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en"),
    UZ("uz");

    public static final Language DEFAULT = EN;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The first supported language of an {@code Accept-Language} header, in the client's order of preference. */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 256) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> range.getRange().split("-", 2)[0])
                    .map(Language::fromCode)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
