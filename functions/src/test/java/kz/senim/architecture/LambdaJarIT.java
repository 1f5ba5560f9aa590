package kz.senim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import kz.senim.i18n.Language;
import kz.senim.infrastructure.SamTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar that {@code sam deploy} uploads ({@code CodeUri} of every function): it holds what the handlers need
 * at run time and nothing that only tests or the local runner need. Runs after {@code package} (failsafe).
 */
class LambdaJarIT {

    private static final String JAR = "senim-functions-lambda.jar";
    /** Lambda's limit for a zip uploaded directly; S3 uploads allow 250 MB unzipped. */
    private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private static Path jar;
    private static Set<String> entries;

    @BeforeAll
    static void open_the_jar() throws IOException {
        jar = Stream.of(Path.of("target", JAR), Path.of("functions", "target", JAR))
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError(JAR + " is missing: run ./mvnw -pl functions package first"));
        entries = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
        }
        System.out.printf("%s: %,d bytes, %,d entries%n", jar.toAbsolutePath(), Files.size(jar), entries.size());
    }

    @Test
    void it_holds_the_class_of_every_handler_the_template_deploys() {
        List<String> handlers = SamTemplate.load().functions().stream()
                .map(f -> f.handler().replaceFirst("::.*$", "").replace('.', '/') + ".class")
                .toList();

        assertThat(handlers).isNotEmpty();
        assertThat(entries).containsAll(handlers);
    }

    @Test
    void it_holds_the_logging_configuration_and_the_data_files() {
        assertThat(entries).contains("log4j2.xml", "kz/senim/regions/kz-regions.json",
                "kz/senim/directory/organisations.json", "kz/senim/i18n/messages.properties");
    }

    @Test
    void it_holds_a_message_bundle_for_every_language() {
        for (Language language : Language.values()) {
            if (language != Language.DEFAULT) {
                assertThat(entries).contains("kz/senim/i18n/messages_" + language.code() + ".properties");
            }
        }
    }

    @Test
    void it_holds_no_test_or_local_only_code() {
        List<String> forbidden = List.of(
                "com/amazonaws/services/dynamodbv2/local/", "software/amazon/dynamodb/services/local/",
                "com/almworks/sqlite4java/", "org/junit/", "org/assertj/", "org/mockito/", "org/opentest4j/",
                "kz/senim/testing/", "kz/senim/local/", "kz/senim/handlers/", "kz/senim/architecture/",
                "kz/senim/api/", "kz/senim/infrastructure/", "com/tngtech/archunit/", "com/atlassian/oai/",
                "io/swagger/", "com/amazonaws/services/lambda/runtime/tests/", "events/");

        assertThat(entries).contains("kz/senim/intake/SubmitReport.class")
                .noneMatch(entry -> forbidden.stream().anyMatch(entry::startsWith));
        assertThat(entries).noneMatch(entry -> entry.toLowerCase(Locale.ROOT).contains("fauxqs"));
        assertThat(entries).noneMatch(entry -> entry.endsWith(".node") || entry.endsWith("package.json"));
    }

    @Test
    void it_can_be_uploaded_to_lambda_directly() throws IOException {
        assertThat(Files.size(jar)).isLessThan(DIRECT_UPLOAD_LIMIT);
    }
}
