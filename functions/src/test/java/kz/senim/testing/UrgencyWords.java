package kz.senim.testing;

import java.util.Map;
import kz.senim.cases.Severity;
import kz.senim.i18n.Language;

/** The urgency words alerts must carry, written out here, so a broken bundle fails the tests that use them. */
public final class UrgencyWords {

    private static final Map<Language, Map<Severity, String>> WORDS = Map.of(
            Language.EN, Map.of(Severity.CRITICAL, "CRITICAL", Severity.HIGH, "HIGH", Severity.MEDIUM, "MEDIUM",
                    Severity.LOW, "LOW"),
            Language.KK, Map.of(Severity.CRITICAL, "СЫНИ", Severity.HIGH, "ЖОҒАРЫ", Severity.MEDIUM, "ОРТАША",
                    Severity.LOW, "ТӨМЕН"),
            Language.RU, Map.of(Severity.CRITICAL, "КРИТИЧЕСКАЯ", Severity.HIGH, "ВЫСОКАЯ", Severity.MEDIUM, "СРЕДНЯЯ",
                    Severity.LOW, "НИЗКАЯ"),
            Language.UZ, Map.of(Severity.CRITICAL, "KRITIK", Severity.HIGH, "YUQORI", Severity.MEDIUM, "O‘RTA",
                    Severity.LOW, "PAST"));

    private UrgencyWords() {
    }

    public static String of(Language language, Severity severity) {
        return WORDS.get(language).get(severity);
    }
}
