package kz.senim.alerting.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.senim.alerting.AlertMessage;
import kz.senim.alerting.AlertMessageSchema;
import kz.senim.alerting.AlertNotDelivered;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.dynamodb.DynamoDbAlertClaims;
import kz.senim.cases.Alert;
import kz.senim.cases.Category;
import kz.senim.cases.IdempotencyKey;
import kz.senim.cases.Reference;
import kz.senim.cases.RegionCode;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.ReporterRole;
import kz.senim.cases.Severity;
import kz.senim.cases.dynamodb.AlertItems;
import kz.senim.directory.DirectoryData;
import kz.senim.i18n.Language;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmissionOutcome.Accepted;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.local.engines.DynamoDbLocalExtension;
import kz.senim.local.engines.SnsEmulatorExtension;
import kz.senim.local.engines.SnsEngine;
import kz.senim.regions.RegionCatalogue;
import kz.senim.testing.FixedDirectory;
import kz.senim.testing.LocalWiring;
import kz.senim.testing.TestContent;
import kz.senim.testing.TestReceipts;
import kz.senim.testing.TestTables;
import kz.senim.triage.Triage;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SNS side of alerting on the fauxqs emulator: one topic per organisation ({@code ALERT_TOPIC_ARN_PREFIX} +
 * organisation id), SQS queues subscribed to them as responders' channels would be, some with filter policies on the
 * message attributes. Alerts are stored by intake in DynamoDB Local and dispatched through the real claims and
 * publisher; every queue must get exactly the alerts meant for it, valid against the published schema, and never
 * the reporter's words.
 *
 * <p>Alerts are published with {@code MessageStructure=json}: AWS gives an SQS subscriber the {@code default} part
 * (the v1 JSON), an SMS subscriber the {@code sms} part, an e-mail subscriber the {@code email} part. fauxqs 1.9.2
 * does not model that choice per protocol: it hands SQS the whole structure. These tests accept either (LocalStack,
 * {@code -Dsenim.engine=localstack}, models it); what reaches phones and mailboxes is tested on its own
 * ({@code AlertWordingTest}) and cannot be checked on an emulator.
 */
@ExtendWith({DynamoDbLocalExtension.class, SnsEmulatorExtension.class})
@Timeout(90)
class SnsAlertContractIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(15);
    /** How long every queue must stay empty after the expected messages, for an extra one to be seen. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final List<String> ORGANISATIONS = List.of("kz-75-commission", "ngo-shelter-almaty",
            "kz-71-commission", "police-att-liaison", "national-secretariat");

    private DynamoDbEngine db;
    private SnsEngine sns;
    private String run;
    private String topicPrefix;
    private String topicArnPrefix;
    private TestTables tables;
    private Wiring wiring;
    private SubmitReport submitReport;
    private DispatchAlerts dispatchAlerts;
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void wire(DynamoDbEngine db, SnsEngine sns) {
        this.db = db;
        this.sns = sns;
        run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        topicPrefix = run + "-alerts-";
        topicArnPrefix = sns.topicArnPrefix() + topicPrefix;
        tables = TestTables.create(db);
        wiring = LocalWiring.against(db, sns, Map.of(
                Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(),
                Wiring.ALERT_TOPIC_ARN_PREFIX, topicArnPrefix), Clock.systemUTC());
        FixedDirectory directory = FixedDirectory.seeded();
        submitReport = new SubmitReport(new DynamoDbReports(db.client(), tables.cases(), Clock.systemUTC(),
                TestContent.writes(db.client(), tables.caseKeys())),
                new Triage(directory), new SafetyAdvice(RegionCatalogue.load(), directory),
                TestReceipts.hasher(), RANDOM, Clock.systemUTC());
        dispatchAlerts = new DispatchAlerts(new DynamoDbAlertClaims(db.client(), tables.cases()),
                new SnsAlertPublisher(wiring.sns(), topicArnPrefix), Clock.systemUTC());
    }

    @Test
    void everyQueueGetsExactlyTheAlertsMeantForItOnceAndNothingOfTheReport() throws Exception {
        Map<String, String> queues = new LinkedHashMap<>();
        for (String organisation : ORGANISATIONS) {
            String topicArn = createTopic(organisation);
            queues.put(organisation, subscribedQueue(topicArn, run + "-" + organisation, null, true));
        }
        queues.put("national-critical", subscribedQueue(topicArnPrefix + "national-secretariat",
                run + "-national-critical", "{\"severity\":[\"critical\"]}", false));
        queues.put("kz-75-sexual", subscribedQueue(topicArnPrefix + "kz-75-commission", run + "-kz-75-sexual",
                "{\"category\":[\"sexual_exploitation\"]}", false));

        Reference victim = submit(ReporterRole.VICTIM, Category.FORCED_LABOUR, "KZ-75", false);
        Reference tip = submit(ReporterRole.WITNESS, Category.SEXUAL_EXPLOITATION, "KZ-75", false);
        Reference danger = submit(ReporterRole.WITNESS, Category.BEGGING, "unknown", true);
        Reference vague = submit(ReporterRole.WITNESS, Category.OTHER, "unknown", false);
        Reference astana = submit(ReporterRole.WITNESS, Category.BEGGING, "KZ-71", false);

        List<Alert> outbox = outbox();
        assertThat(outbox).hasSize(7);
        Map<String, String> messageIds = new HashMap<>();
        for (Alert alert : outbox) {
            assertThat(dispatchAlerts.dispatch(alert)).isInstanceOfSatisfying(DispatchAlerts.Outcome.Published.class,
                    published -> messageIds.put(alert.alertId(), published.messageId()));
        }
        // a redelivered stream record, or a second dispatcher: nothing goes out twice
        for (Alert alert : outbox) {
            assertThat(dispatchAlerts.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.AlreadyPublished.class);
        }

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("kz-75-commission", List.of(id(victim, "kz-75-commission"), id(tip, "kz-75-commission")));
        expected.put("ngo-shelter-almaty", List.of(id(victim, "ngo-shelter-almaty")));
        expected.put("kz-71-commission", List.of(id(astana, "kz-71-commission")));
        expected.put("police-att-liaison", List.of(id(danger, "police-att-liaison")));
        expected.put("national-secretariat",
                List.of(id(danger, "national-secretariat"), id(vague, "national-secretariat")));
        expected.put("national-critical", List.of(id(danger, "national-secretariat")));
        expected.put("kz-75-sexual", List.of(id(tip, "kz-75-commission")));

        Map<String, List<Delivered>> received = drain(queues, expected);
        for (var entry : expected.entrySet()) {
            List<Delivered> messages = received.get(entry.getKey());
            assertThat(messages).extracting(Delivered::alertId).as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(entry.getValue());
            for (Delivered message : messages) {
                assertThatIsAValidAlertWithoutTheReport(message, entry.getKey());
                message.messageId().ifPresent(id -> assertThat(id).isEqualTo(messageIds.get(message.alertId())));
            }
        }
        for (Alert alert : outbox) {
            Map<String, AttributeValue> item = db.client().getItem(r -> r.tableName(tables.cases())
                    .key(AlertItems.key(alert)).consistentRead(true)).item();
            assertThat(item.get("messageId").s()).isEqualTo(messageIds.get(alert.alertId()));
        }
    }

    @Test
    void anAlertForATopicThatDoesNotExistIsNotDeliveredAndGoesOutOnceTheTopicExists() throws Exception {
        Reference reference = Reference.random(RANDOM);
        Alert alert = Alert.of(reference, "ngo-children", new RegionCode("KZ-75"), Category.FORCED_LABOUR,
                Severity.HIGH, Instant.now());
        db.client().putItem(r -> r.tableName(tables.cases()).item(AlertItems.toItem(alert)));

        assertThatThrownBy(() -> dispatchAlerts.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);

        Map<String, AttributeValue> afterFailure = alertItem(alert);
        assertThat(afterFailure).containsEntry("alertId", AttributeValue.fromS(alert.alertId()))
                .doesNotContainKeys("claimedUntil", "publishedAt", "messageId");
        // released, so the retry need not wait for the lease: it fails again at once, for the same reason
        assertThatThrownBy(() -> dispatchAlerts.dispatch(alert)).isInstanceOf(AlertNotDelivered.class);

        String queue = subscribedQueue(createTopic("ngo-children"), run + "-ngo-children", null, true);
        assertThat(dispatchAlerts.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);
        assertThat(dispatchAlerts.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.AlreadyPublished.class);

        List<Delivered> received = drain(Map.of("ngo-children", queue),
                Map.of("ngo-children", List.of(alert.alertId()))).get("ngo-children");
        assertThat(received).extracting(Delivered::alertId).containsExactly(alert.alertId());
        assertThatIsAValidAlertWithoutTheReport(received.getFirst(), "ngo-children");
        assertThat(alertItem(alert)).containsKeys("publishedAt", "messageId").doesNotContainKey("claimedUntil");
    }

    @Test
    void theWiringsOwnDispatcherPublishesToTheOrganisationsTopicWithAShortLinkAndTextsInItsLanguage()
            throws Exception {
        String queue = subscribedQueue(createTopic("kz-75-commission"), run + "-wired", null, false);
        String raw = subscribedQueue(topicArnPrefix + "kz-75-commission", run + "-wired-raw", null, true);
        Reference reference = submit(ReporterRole.WITNESS, Category.FORCED_MARRIAGE, "KZ-75", false);
        Alert alert = outbox().getFirst();
        Wiring withLinks = LocalWiring.against(db, sns, Map.of(
                Wiring.CASES_TABLE, tables.cases(),
                Wiring.DIRECTORY_TABLE, tables.directory(),
                Wiring.ALERT_TOPIC_ARN_PREFIX, topicArnPrefix,
                Wiring.PUBLIC_BASE_URL, "https://senim.example/dev/",
                Wiring.CONSOLE_BASE_URL, "https://console.senim.example/"), Clock.systemUTC());
        withLinks.directorySeeder().seed(DirectoryData.seed());

        assertThat(withLinks.dispatchAlerts().dispatch(alert)).isInstanceOfSatisfying(
                DispatchAlerts.Outcome.Published.class,
                published -> assertThat(published.withAcknowledgeLink()).isTrue());

        String alertId = id(reference, "kz-75-commission");
        Map<String, List<Delivered>> received = drain(Map.of("q", queue, "raw", raw),
                Map.of("q", List.of(alertId), "raw", List.of(alertId)));
        for (Delivered delivered : List.of(received.get("q").getFirst(), received.get("raw").getFirst())) {
            assertThat(delivered.alertId()).isEqualTo(alertId);
            String link = JSON.readTree(delivered.v1()).path("acknowledgeUrl").asText();
            assertThat(link).matches("https://senim\\.example/dev/v1/ack/[0-9A-HJKMNP-TV-Z]{16}");
            assertThatIsAValidAlertWithoutTheReport(delivered, "wired");
            delivered.structure().ifPresent(parts -> {
                // fauxqs passes the structure through: what AWS would give SMS and e-mail subscribers
                assertThat(parts.path("sms").asText()).isEqualTo("Срочность СРЕДНЯЯ: Принудительный брак, Алматы, "
                        + reference.value() + " " + link);
                assertThat(parts.path("email").asText()).contains(link,
                        "https://console.senim.example/#/case/" + reference.value());
            });
        }
        JsonNode envelope = received.get("q").getFirst().envelope();
        assertThat(envelope.path("Subject").asText())
                .isEqualTo("Senim " + reference.value() + ": срочность средняя, Принудительный брак, Алматы");
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArnPrefix + "kz-75-commission");
        assertThat(outboxItemsOfKind("ACKLINK")).singleElement().satisfies(item -> {
            assertThat(item.get("alertId").s()).isEqualTo(alertId);
            assertThat(item.get("language").s()).isEqualTo("ru");
        });
    }

    @Test
    void whatTheEmulatorDeliversOfAStructuredMessageIsTheV1JsonOrTheWholeStructure() throws Exception {
        String enveloped = subscribedQueue(createTopic("ngo-children"), run + "-structure", null, false);
        String raw = subscribedQueue(topicArnPrefix + "ngo-children", run + "-structure-raw", null, true);
        Alert alert = Alert.of(Reference.random(RANDOM), "ngo-children", new RegionCode("KZ-79"),
                Category.BEGGING, Severity.HIGH, Instant.now());
        db.client().putItem(r -> r.tableName(tables.cases()).item(AlertItems.toItem(alert)));
        AlertMessage message = new AlertMessage(alert);

        assertThat(dispatchAlerts.dispatch(alert)).isInstanceOf(DispatchAlerts.Outcome.Published.class);

        Map<String, List<Delivered>> received = drain(Map.of("enveloped", enveloped, "raw", raw),
                Map.of("enveloped", List.of(alert.alertId()), "raw", List.of(alert.alertId())));
        for (Delivered delivered : List.of(received.get("enveloped").getFirst(), received.get("raw").getFirst())) {
            if (delivered.structure().isPresent()) {
                assertThat(delivered.body()).as("the structure as published").isEqualTo(message.structuredJson());
            } else {
                assertThat(delivered.body()).as("the default part, as AWS gives SQS").isEqualTo(message.toJson());
            }
            assertThat(delivered.attributes()).containsEntry("severity", "high").containsEntry("region", "KZ-79");
        }
        assertThat(received.get("enveloped").getFirst().envelope().path("Subject").asText())
                .isEqualTo(message.texts().emailSubject());
    }

    private void assertThatIsAValidAlertWithoutTheReport(Delivered message, String queue) throws Exception {
        assertThat(AlertMessageSchema.violations(message.v1())).as(queue + ": " + message.body()).isEmpty();
        JsonNode body = JSON.readTree(message.v1());
        assertThat(message.raw()).as(queue).contains(body.path("reference").asText());
        assertThat(message.attributes()).as(queue).containsEntry("schemaVersion", "1")
                .containsEntry("region", body.path("region").asText())
                .containsEntry("category", body.path("category").asText())
                .containsEntry("severity", body.path("severity").asText());
        for (String secret : secrets) {
            assertThat(message.raw()).as(queue).doesNotContain(secret);
        }
        assertThat(body.has("narrative")).isFalse();
        assertThat(body.has("locality")).isFalse();
    }

    /** Submits a report whose narrative and locality are unique words that must never reach an alert channel. */
    private Reference submit(ReporterRole role, Category category, String region, boolean immediateDanger) {
        String narrative = "narrative-" + UUID.randomUUID();
        String locality = "locality-" + UUID.randomUUID();
        secrets.add(narrative);
        secrets.add(locality);
        ReportSubmission submission = ReportSubmission.of(role, category, new RegionCode(region),
                Optional.of(locality), immediateDanger, false, false, false, "Words of the reporter: " + narrative,
                Language.RU);
        return ((Accepted) submitReport.submit(new IdempotencyKey("contract-" + UUID.randomUUID()), submission))
                .reference();
    }

    private List<Alert> outbox() {
        return db.client().scanPaginator(r -> r.tableName(tables.cases()).consistentRead(true)).items().stream()
                .filter(AlertItems::isAlert)
                .map(AlertItems::fromItem)
                .toList();
    }

    private List<Map<String, AttributeValue>> outboxItemsOfKind(String kind) {
        return db.client().scanPaginator(r -> r.tableName(tables.cases()).consistentRead(true)).items().stream()
                .filter(item -> item.containsKey("kind") && kind.equals(item.get("kind").s()))
                .toList();
    }

    private Map<String, AttributeValue> alertItem(Alert alert) {
        return db.client().getItem(r -> r.tableName(tables.cases()).key(AlertItems.key(alert)).consistentRead(true))
                .item();
    }

    private String createTopic(String organisation) {
        String arn = sns.sns().createTopic(r -> r.name(topicPrefix + organisation)).topicArn();
        assertThat(arn).isEqualTo(topicArnPrefix + organisation);
        return arn;
    }

    private String subscribedQueue(String topicArn, String name, String filterPolicy, boolean raw) {
        SqsClient sqs = sns.sqs();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("RawMessageDelivery", Boolean.toString(raw));
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
            attributes.put("FilterPolicyScope", "MessageAttributes");
        }
        sns.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(attributes));
        return url;
    }

    /**
     * Receives from every queue until each holds as many messages as expected (or the deadline passes), then goes on
     * receiving for {@link #QUIET} (long polls, bounded), so that an extra or duplicate message would be seen too.
     */
    private Map<String, List<Delivered>> drain(Map<String, String> queues, Map<String, List<String>> expected)
            throws Exception {
        Map<String, List<Delivered>> received = new LinkedHashMap<>();
        queues.keySet().forEach(q -> received.put(q, new ArrayList<>()));
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        boolean complete;
        do {
            complete = true;
            for (var queue : queues.entrySet()) {
                List<Delivered> sofar = received.get(queue.getKey());
                if (sofar.size() < expected.getOrDefault(queue.getKey(), List.of()).size()) {
                    sofar.addAll(receive(queue.getValue(), 1));
                    complete &= sofar.size() >= expected.getOrDefault(queue.getKey(), List.of()).size();
                }
            }
        } while (!complete && System.nanoTime() < deadline);
        long quietUntil = System.nanoTime() + QUIET.toNanos();
        while (System.nanoTime() < quietUntil) {
            for (var queue : queues.entrySet()) {
                received.get(queue.getKey()).addAll(receive(queue.getValue(), 1));
            }
        }
        return received;
    }

    private List<Delivered> receive(String queueUrl, int waitSeconds) throws Exception {
        SqsClient sqs = sns.sqs();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(waitSeconds)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        List<Delivered> delivered = new ArrayList<>();
        for (Message message : messages) {
            delivered.add(Delivered.of(message));
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return delivered;
    }

    private static String id(Reference reference, String organisationId) {
        return Alert.of(reference, organisationId, RegionCode.UNKNOWN, Category.OTHER, Severity.LOW,
                Instant.EPOCH).alertId();
    }

    /**
     * One message as a responder's queue gets it, raw delivery (the SNS message as the body, its attributes as SQS
     * message attributes) or in the SNS envelope ({@code Type=Notification}, {@code Message},
     * {@code MessageAttributes}).
     */
    record Delivered(String raw, String body, Map<String, String> attributes, JsonNode envelope) {

        static Delivered of(Message message) throws Exception {
            JsonNode parsed = JSON.readTree(message.body());
            Map<String, String> attributes = new HashMap<>();
            if ("Notification".equals(parsed.path("Type").asText())) {
                parsed.path("MessageAttributes").fields().forEachRemaining(
                        e -> attributes.put(e.getKey(), e.getValue().path("Value").asText()));
                return new Delivered(message.body(), parsed.path("Message").asText(), attributes, parsed);
            }
            message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
            return new Delivered(message.body(), message.body(), attributes, JSON.createObjectNode());
        }

        String alertId() {
            try {
                return JSON.readTree(v1()).path("alertId").asText();
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /**
         * The whole {@code MessageStructure=json} structure, when the engine delivered it as it was published
         * (fauxqs); empty when it gave SQS the {@code default} part, as AWS does.
         */
        Optional<JsonNode> structure() {
            try {
                JsonNode parsed = JSON.readTree(body);
                return parsed.path("default").isTextual() && !parsed.has("schemaVersion")
                        ? Optional.of(parsed) : Optional.empty();
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The v1 JSON the subscriber got: the body, or the structure's {@code default}. */
        String v1() {
            return structure().map(parts -> parts.path("default").asText()).orElse(body);
        }

        Optional<String> messageId() {
            return envelope.has("MessageId") ? Optional.of(envelope.path("MessageId").asText()) : Optional.empty();
        }
    }
}
