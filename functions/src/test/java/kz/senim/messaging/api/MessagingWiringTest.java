package kz.senim.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import kz.senim.testing.MutableClock;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;

/** The settings each messaging function reads from its environment: what the template must give it. */
class MessagingWiringTest {

    private static Set<String> settingsAskedBy(Function<Wiring, Object> build) {
        Set<String> asked = new TreeSet<>();
        Wiring wiring = new Wiring(name -> {
            asked.add(name);
            return name.equals(Wiring.AWS_REGION) ? "eu-central-1" : "senim-" + name.toLowerCase();
        }, MutableClock.atNoon());
        assertThat(build.apply(wiring)).isNotNull();
        return asked;
    }

    @Test
    void posting_needs_the_cases_and_directory_tables_and_seals_the_text() {
        assertThat(settingsAskedBy(PostCaseMessageHandler::new))
                .containsExactlyInAnyOrder(Wiring.AWS_REGION, Wiring.CASES_TABLE, Wiring.DIRECTORY_TABLE,
                        Wiring.CASE_KEYS_TABLE, Wiring.CONTENT_KEY_ARN);
    }

    @Test
    void the_reporters_functions_need_the_cases_table_the_receipt_keys_and_the_content_keys() {
        assertThat(settingsAskedBy(ReporterMessagesHandler::new))
                .containsExactlyInAnyOrder(Wiring.AWS_REGION, Wiring.CASES_TABLE, Wiring.RECEIPT_KEY_SECRET_ARN,
                        Wiring.CASE_KEYS_TABLE, Wiring.CONTENT_KEY_ARN);
        assertThat(settingsAskedBy(ReporterReplyHandler::new))
                .containsExactlyInAnyOrder(Wiring.AWS_REGION, Wiring.CASES_TABLE, Wiring.RECEIPT_KEY_SECRET_ARN,
                        Wiring.CASE_KEYS_TABLE, Wiring.CONTENT_KEY_ARN);
    }
}
