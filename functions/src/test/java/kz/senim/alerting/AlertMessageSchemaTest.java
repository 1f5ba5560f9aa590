package kz.senim.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.Severity;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.Organisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The alert message and its published schema agree, and the v1 examples kept as fixtures stay valid. */
class AlertMessageSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Reference REFERENCE = new Reference("SN-7Q2K-9M4D-XW3P");
    private static final Instant CREATED = Instant.parse("2026-11-23T12:00:00.123Z");

    static Stream<Arguments> everySeverityAndCategory() {
        return Arrays.stream(Severity.values())
                .flatMap(severity -> Arrays.stream(Category.values())
                        .map(category -> Arguments.of(severity, category)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySeverityAndCategory")
    void theMessageOfEverySeverityAndCategoryIsValid(Severity severity, Category category) {
        String json = new AlertMessage(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), category,
                severity, CREATED)).toJson();

        assertThat(AlertMessageSchema.violations(json)).as(json).isEmpty();
    }

    @Test
    void theMessageToEveryOrganisationOfTheDirectoryIsValidInAnyRegion() {
        for (Organisation organisation : DirectoryData.seed()) {
            for (RegionCode region : List.of(new RegionCode("KZ-10"), new RegionCode("KZ-79"), RegionCode.UNKNOWN)) {
                String json = new AlertMessage(Alert.of(REFERENCE, organisation.id(), region, Category.OTHER,
                        Severity.LOW, Instant.parse("2026-01-01T00:00:00Z"))).toJson();
                assertThat(AlertMessageSchema.violations(json)).as(json).isEmpty();
            }
        }
    }

    @Test
    void theV1ExamplesKeptAsFixturesStillValidate() throws IOException, URISyntaxException {
        List<Path> fixtures = fixtures();

        assertThat(fixtures).as("v1 fixtures under src/test/resources/it").hasSizeGreaterThanOrEqualTo(2);
        for (Path fixture : fixtures) {
            assertThat(AlertMessageSchema.violations(Files.readString(fixture, StandardCharsets.UTF_8)))
                    .as(fixture.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void theCurrentMessageStillSendsEveryFieldOfTheV1Baseline() throws IOException, URISyntaxException {
        Alert alert = Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, CREATED);
        Optional<String> link = Optional.of("https://senim.example/dev/v1/ack/token");
        JsonNode page = JSON.readTree(new AlertMessage(alert, link).toJson());
        JsonNode digest = JSON.readTree(new AlertMessage(alert, link, Optional.of(new PagingWindows.Decision.Digest(
                7, new java.util.TreeSet<>(List.of("KZ-75")), Instant.parse("2026-11-23T12:00:00Z")))).toJson());
        for (Path fixture : fixtures()) {
            List<String> removed = new ArrayList<>();
            JsonNode baseline = JSON.readTree(fixture.toFile());
            JsonNode current = "digest".equals(baseline.path("kind").asText()) ? digest : page;
            baseline.fieldNames().forEachRemaining(name -> {
                if (!current.has(name)) {
                    removed.add(name);
                }
            });
            assertThat(removed).as("fields of %s no longer sent", fixture.getFileName()).isEmpty();
        }
    }

    @Test
    void aMessageWithAnAcknowledgementLinkIsValid() {
        String json = new AlertMessage(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.CRITICAL, CREATED),
                Optional.of("https://abc.execute-api.eu-central-1.amazonaws.com/dev/v1/ack/abc.def")).toJson();

        assertThat(AlertMessageSchema.violations(json)).as(json).isEmpty();
    }

    @Test
    void noticesAreValidCarryTheirKindAsAFilterAttributeAndAreNoAlertToAcknowledge() throws IOException {
        Instant due = Instant.parse("2027-11-24T12:00:00Z");
        AlertMessage erasure = new AlertMessage(Alert.notice(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Alert.Notice.erasureDue(due), CREATED));
        AlertMessage revoked = new AlertMessage(Alert.notice(REFERENCE, "ngo-shelter-almaty",
                new RegionCode("KZ-75"), Category.FORCED_LABOUR, Alert.Notice.referralsRevoked(), CREATED));

        assertThat(AlertMessageSchema.violations(erasure.toJson())).as(erasure.toJson()).isEmpty();
        assertThat(AlertMessageSchema.violations(revoked.toJson())).as(revoked.toJson()).isEmpty();
        JsonNode body = JSON.readTree(erasure.toJson());
        assertThat(body.path("notice").asText()).isEqualTo("content_erasure_due");
        assertThat(body.path("erasureDueAt").asText()).isEqualTo(due.toString());
        assertThat(body.path("severity").asText()).as("news, not an emergency").isEqualTo("low");
        assertThat(body.path("kind").asText()).as("no page: a notice").isEqualTo("notice");
        assertThat(erasure.attributes()).containsEntry("notice", "content_erasure_due").containsEntry("kind", "notice");
        assertThat(JSON.readTree(new AlertMessage(Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"),
                Category.FORCED_LABOUR, Severity.LOW, CREATED)).toJson()).path("kind").asText())
                .as("guard: an alert about a report").isEqualTo("alert");
        assertThat(JSON.readTree(revoked.toJson()).path("notice").asText()).isEqualTo("referrals_revoked");
        assertThat(JSON.readTree(revoked.toJson()).has("erasureDueAt")).isFalse();
        assertThat(kz.senim.acknowledgement.AlertAddress.parse(erasure.alert().alertId()))
                .as("a notice's id is no alert that can be acknowledged").isEmpty();
        assertThat(AlertMessageSchema.violations(validMessage().put("notice", "something_else").toString()))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://senim.example/ack", "not a link", ""})
    void anAcknowledgementLinkThatIsNotHttpIsRejected(String link) throws IOException {
        assertThat(AlertMessageSchema.violations(validMessage().put("acknowledgeUrl", link).toString())).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"narrative", "locality"})
    void aMessageWithTheReportersWordsOrWhereaboutsIsRejected(String field) throws IOException {
        ObjectNode message = validMessage();
        message.put(field, "They took my passport; I am in the basement of the Bazaar district cafe.");

        assertThat(AlertMessageSchema.violations(message.toString())).isNotEmpty();
    }

    @Test
    void aNarrativeIsRejectedWhateverItsType() throws IOException {
        ObjectNode message = validMessage();
        message.putObject("narrative").put("text", "details");

        assertThat(AlertMessageSchema.violations(message.toString())).isNotEmpty();
        assertThat(AlertMessageSchema.violations(validMessage().putNull("narrative").toString())).isNotEmpty();
    }

    @Test
    void aFieldAddedWithinVersionOneIsAccepted() throws IOException {
        ObjectNode message = validMessage();
        message.put("acknowledgeUrl", "https://senim.example/ack/1");
        message.putObject("escalation").put("step", 1);

        assertThat(AlertMessageSchema.violations(message.toString())).isEmpty();
    }

    static Stream<Arguments> brokenMessages() throws IOException {
        return Stream.of(
                Arguments.of("schemaVersion 2", validMessage().put("schemaVersion", "2")),
                Arguments.of("schemaVersion as a number", validMessage().put("schemaVersion", 1)),
                Arguments.of("no alertId", without("alertId")),
                Arguments.of("no reference", without("reference")),
                Arguments.of("no organisationId", without("organisationId")),
                Arguments.of("no region", without("region")),
                Arguments.of("no category", without("category")),
                Arguments.of("no severity", without("severity")),
                Arguments.of("no createdAt", without("createdAt")),
                Arguments.of("guessable reference", validMessage().put("reference", "SN-1")),
                Arguments.of("reference with I", validMessage().put("reference", "SN-IIII-0000-0000")),
                Arguments.of("region not a code", validMessage().put("region", "Almaty")),
                Arguments.of("organisation id with upper case", validMessage().put("organisationId", "KZ-75")),
                Arguments.of("unknown severity", validMessage().put("severity", "urgent")),
                Arguments.of("severity in upper case", validMessage().put("severity", "CRITICAL")),
                Arguments.of("unknown category", validMessage().put("category", "trafficking")),
                Arguments.of("createdAt not a date-time", validMessage().put("createdAt", "yesterday")),
                Arguments.of("createdAt without zone", validMessage().put("createdAt", "2026-11-23T12:00:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMessages")
    void aBrokenMessageIsRejected(String what, ObjectNode message) {
        assertThat(AlertMessageSchema.violations(message.toString())).as(what).isNotEmpty();
    }

    @Test
    void theSchemasEnumsAreExactlyTheCodesOfTheDomain() throws IOException {
        JsonNode schema = schemaDocument();

        assertThat(texts(schema.at("/properties/category/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Category.values()).map(Category::code).toList());
        assertThat(texts(schema.at("/properties/severity/enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Severity.values()).map(Severity::code).toList());
        assertThat(schema.at("/properties/schemaVersion/const").asText()).isEqualTo(AlertMessage.SCHEMA_VERSION);
    }

    @Test
    void theSchemaRequiresEveryFieldTheMessageSendsAndTheFilterAttributesRepeatThem() throws IOException {
        AlertMessage message = new AlertMessage(Alert.of(REFERENCE, "ngo-children", RegionCode.UNKNOWN,
                Category.FORCED_MARRIAGE, Severity.CRITICAL, CREATED));
        JsonNode body = JSON.readTree(message.toJson());
        List<String> sent = new ArrayList<>();
        body.fieldNames().forEachRemaining(sent::add);

        assertThat(sent).contains("kind");
        sent.remove("kind"); // optional within version 1: absent means alert
        assertThat(texts(schemaDocument().path("required"))).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(message.attributes()).containsOnlyKeys("schemaVersion", "region", "category", "severity",
                "alertId", "kind");
        message.attributes().forEach((name, value) -> assertThat(body.path(name).asText()).as(name).isEqualTo(value));
    }

    @Test
    void aDigestNamesItsReportAndCarriesTheCountRegionsAndWindowAndIsValid() throws IOException {
        Alert alert = Alert.of(REFERENCE, "kz-75-commission", new RegionCode("KZ-75"), Category.BEGGING,
                Severity.HIGH, CREATED);
        PagingWindows.Decision.Digest digest = new PagingWindows.Decision.Digest(6,
                new java.util.TreeSet<>(List.of("KZ-75", "KZ-19")), Instant.parse("2026-11-23T12:00:00Z"));
        String json = new AlertMessage(alert, Optional.empty(), Optional.of(digest)).toJson();

        assertThat(AlertMessageSchema.violations(json)).as(json).isEmpty();
        JsonNode body = JSON.readTree(json);
        assertThat(body.path("kind").asText()).isEqualTo("digest");
        assertThat(body.path("count").asInt()).isEqualTo(6);
        assertThat(texts(body.path("regions"))).containsExactly("KZ-19", "KZ-75");
        assertThat(body.path("windowStart").asText()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(body.path("alertId").asText()).isEqualTo(alert.alertId());
        assertThat(new AlertMessage(alert, Optional.empty(), Optional.of(digest)).attributes())
                .containsEntry("kind", "digest").containsEntry("alertId", alert.alertId());
    }

    @Test
    void aMessageOfAnotherKindOrWithADigestCountBelowOneIsRefusedBySchemaVersion1() {
        assertThat(AlertMessageSchema.violations("""
                {"schemaVersion":"1","alertId":"SN-7Q2K-9M4D-XW3P.kz-75-commission","reference":"SN-7Q2K-9M4D-XW3P",
                 "organisationId":"kz-75-commission","region":"KZ-75","category":"begging","severity":"high",
                 "createdAt":"2026-11-23T12:00:00Z","kind":"summary"}""")).isNotEmpty();
        assertThat(AlertMessageSchema.violations("""
                {"schemaVersion":"1","alertId":"SN-7Q2K-9M4D-XW3P.kz-75-commission","reference":"SN-7Q2K-9M4D-XW3P",
                 "organisationId":"kz-75-commission","region":"KZ-75","category":"begging","severity":"high",
                 "createdAt":"2026-11-23T12:00:00Z","kind":"digest","count":0}""")).isNotEmpty();
        assertThat(AlertMessageSchema.violations("""
                {"schemaVersion":"1","alertId":"SN-7Q2K-9M4D-XW3P.kz-75-commission","reference":"SN-7Q2K-9M4D-XW3P",
                 "organisationId":"kz-75-commission","region":"KZ-75","category":"begging","severity":"high",
                 "createdAt":"2026-11-23T12:00:00Z","kind":"digest","count":2}""")).as("the guard").isEmpty();
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        var metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schemaDocument().toString(), InputFormat.JSON)).isEmpty();
        assertThat(schemaDocument().path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(AlertMessageSchemaTest.class.getResource("/it").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("alert-message-v1-.*\\.json"))
                    .sorted().toList();
        }
    }

    private static ObjectNode validMessage() throws IOException {
        return (ObjectNode) JSON.readTree(new AlertMessage(Alert.of(REFERENCE, "kz-75-commission",
                new RegionCode("KZ-75"), Category.FORCED_LABOUR, Severity.MEDIUM, CREATED)).toJson());
    }

    private static ObjectNode without(String field) throws IOException {
        ObjectNode message = validMessage();
        message.remove(field);
        return message;
    }

    private static JsonNode schemaDocument() throws IOException {
        try (InputStream in = AlertMessageSchemaTest.class.getResourceAsStream(AlertMessageSchema.RESOURCE)) {
            return JSON.readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
