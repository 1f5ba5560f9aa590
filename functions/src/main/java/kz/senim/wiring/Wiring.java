package kz.senim.wiring;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import kz.senim.access.CaseAccess;
import kz.senim.acknowledgement.AcknowledgeAlert;
import kz.senim.acknowledgement.AcknowledgementLinks;
import kz.senim.acknowledgement.FollowAcknowledgementLink;
import kz.senim.acknowledgement.SignedLinks;
import kz.senim.acknowledgement.dynamodb.DynamoDbAcknowledgements;
import kz.senim.acknowledgement.dynamodb.DynamoDbIssuedLinks;
import kz.senim.alerting.AlertComposer;
import kz.senim.alerting.AlertPublisher;
import kz.senim.alerting.AlertWording;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.PagingWindows;
import kz.senim.alerting.SweepAlerts;
import kz.senim.alerting.dynamodb.DynamoDbAlertClaims;
import kz.senim.alerting.dynamodb.DynamoDbPagingWindows;
import kz.senim.alerting.dynamodb.DynamoDbUnpublishedAlerts;
import kz.senim.alerting.sns.SnsAlertPublisher;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.CaseContent;
import kz.senim.cases.Cases;
import kz.senim.cases.KeyEncryptionKey;
import kz.senim.cases.LocalKeyEncryptionKey;
import kz.senim.cases.dynamodb.CaseKeysTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCaseAlerts;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.cases.kms.KmsKeyEncryptionKey;
import kz.senim.directory.CachedDirectory;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.directory.PagingLimit;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.directory.dynamodb.DynamoDbDirectory;
import kz.senim.erasure.EraseContent;
import kz.senim.erasure.EraseDueContent;
import kz.senim.erasure.RetentionPolicy;
import kz.senim.erasure.WithdrawReport;
import kz.senim.erasure.dynamodb.DynamoDbCaseErasures;
import kz.senim.escalation.EscalateAlerts;
import kz.senim.escalation.dynamodb.DynamoDbPendingAlerts;
import kz.senim.handling.AssignCase;
import kz.senim.handling.ChangeCaseStatus;
import kz.senim.handling.ListQueue;
import kz.senim.handling.ReadCase;
import kz.senim.handling.ReadCaseAudit;
import kz.senim.intake.HmacReceiptHasher;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.ReceiptKeys;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.Reports;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.ShowReportStatus;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.messaging.ConversationLines;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.PostCaseMessage;
import kz.senim.messaging.ReadReporterMessages;
import kz.senim.messaging.ReplyAsReporter;
import kz.senim.messaging.dynamodb.DynamoDbConversations;
import kz.senim.overview.ShowOverview;
import kz.senim.overview.dynamodb.DynamoDbFigures;
import kz.senim.people.DescribeCaller;
import kz.senim.people.ListPeople;
import kz.senim.people.People;
import kz.senim.people.RecordSignIn;
import kz.senim.people.dynamodb.DynamoDbPeople;
import kz.senim.referral.ChangeReferralStatus;
import kz.senim.referral.FindProviders;
import kz.senim.referral.ProviderReferrals;
import kz.senim.referral.ReferToService;
import kz.senim.referral.dynamodb.DynamoDbReferrals;
import kz.senim.regions.RegionCatalogue;
import kz.senim.triage.Triage;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds Senim's parts from settings (environment variables in Lambda, a map in the local runner). AWS clients are
 * made once, on first use, with an explicit region and HTTP client; endpoints come from the SDK's standard
 * {@code AWS_ENDPOINT_URL[_SERVICE]} settings, so the same wiring runs against AWS, DynamoDB Local or an emulator.
 */
public final class Wiring {

    public static final String CASES_TABLE = "CASES_TABLE";
    public static final String DIRECTORY_TABLE = "DIRECTORY_TABLE";
    public static final String ALERT_TOPIC_ARN_PREFIX = "ALERT_TOPIC_ARN_PREFIX";
    public static final String AWS_REGION = "AWS_REGION";
    /**
     * Secrets Manager secret whose SecretString (at least 32 bytes) signed the long acknowledgement links of before
     * short links; AWS. Only checked, until the last of those links has expired.
     */
    public static final String ACK_LINK_SECRET_ARN = "ACK_LINK_SECRET_ARN";
    /** That key itself, base64 (at least 32 bytes); only where there is no Secrets Manager. */
    public static final String ACK_LINK_SECRET = "ACK_LINK_SECRET";
    /**
     * Where acknowledgement links point: the API as reached from outside, e.g.
     * {@code https://<id>.execute-api.<region>.amazonaws.com/<stage>}, or a short custom domain mapped to it.
     */
    public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
    /** Secrets Manager secret whose SecretString holds the receipt keys by version ({@code {"v1": "..."}}); AWS. */
    public static final String RECEIPT_KEY_SECRET_ARN = "RECEIPT_KEY_SECRET_ARN";
    /** The receipt keys themselves, as that secret holds them; only where there is no Secrets Manager. */
    public static final String RECEIPT_KEYS = "RECEIPT_KEYS";
    /** The table of the wrapped data keys of case content (no backups: forgetting a key erases every copy). */
    public static final String CASE_KEYS_TABLE = "CASE_KEYS_TABLE";
    /** The customer-managed KMS key that wraps the data keys of case content; AWS. */
    public static final String CONTENT_KEY_ARN = "CONTENT_KEY_ARN";
    /** That key-encryption key itself, base64 (32 bytes); only where there is no KMS. */
    public static final String CONTENT_KEK = "CONTENT_KEK";
    /** Days after closure before a case's content is erased (default 180); the stack's configuration. */
    public static final String RETENTION_DAYS_AFTER_CLOSURE = "RETENTION_DAYS_AFTER_CLOSURE";
    /** Days without a change before the content of a case never closed is erased (default 365). */
    public static final String INACTIVE_ERASURE_DAYS = "INACTIVE_ERASURE_DAYS";
    /** The staff console, e.g. {@code https://console.senim.kz/}: alerts and pages link to a case there. */
    public static final String CONSOLE_BASE_URL = "CONSOLE_BASE_URL";
    /** CloudWatch namespace of the sweeper's metrics, e.g. {@code Senim/<stack>}. */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    /** An SNS publication that takes longer fails (and is retried), well inside the claims' lease. */
    static final Duration SNS_CALL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DIRECTORY_CACHE = Duration.ofSeconds(60);

    private final Function<String, String> settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private Directory directory;
    private RegionCatalogue regions;
    private ReceiptHasher receiptHasher;
    private SecretsManagerReader secrets;
    private KmsClient kms;
    private CaseContent caseContent;
    private AcknowledgementLinks acknowledgementLinks;
    private AlertWording alertWording;

    public Wiring(Function<String, String> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The wiring of a function Lambda starts; its SnapStart snapshot is taken primed ({@link Priming}). */
    public static Wiring fromEnvironment() {
        Wiring wiring = new Wiring(System::getenv, Clock.systemUTC());
        Priming.onCheckpoint(wiring);
        return wiring;
    }

    /** Intake seals the narrative and the locality: it makes data keys. */
    public SubmitReport submitReport() {
        return new SubmitReport(reports(contentWrites()), new Triage(directory()),
                new SafetyAdvice(regions(), directory()), receiptHasher(), random, clock);
    }

    public ShowReportStatus showReportStatus() {
        return new ShowReportStatus(reporterAccess(), auditTrail(),
                clock);
    }

    public ReporterAccess reporterAccess() {
        return new ReporterAccess(reports(ContentWrites.none()), receiptHasher());
    }

    /** Responders and coordinators write to a case's reporter: the message is sealed. */
    public PostCaseMessage postCaseMessage() {
        return new PostCaseMessage(cases(), caseAccess(),
                conversations(contentWrites()), random, clock);
    }

    /** The reporter reads status and messages with the receipt: one of the two paths that open sealed texts. */
    public ReadReporterMessages readReporterMessages() {
        return new ReadReporterMessages(reporterAccess(), conversations(),
                auditTrail(), caseContent(), clock);
    }

    /** The reporter answers with the receipt: the reply is sealed. */
    public ReplyAsReporter replyAsReporter() {
        return new ReplyAsReporter(reporterAccess(), conversations(contentWrites()), clock);
    }

    /**
     * A case's conversation with its reporter, to read ({@link Conversations#forCase} for the responders' case view);
     * its texts come sealed.
     */
    public Conversations conversations() {
        return conversations(ContentWrites.none());
    }

    private Conversations conversations(ContentWrites content) {
        return new DynamoDbConversations(dynamoDb(), required(CASES_TABLE), content);
    }

    /** A region's queue for responders and coordinators. */
    public ListQueue listQueue() {
        return new ListQueue(cases(), caseAccess());
    }

    /**
     * A case opened by a responder or coordinator, with its alerts, referrals and conversation; audited. One of the
     * two paths that open sealed texts.
     */
    public ReadCase readCase() {
        return new ReadCase(cases(), caseAccess(),
                new DynamoDbCaseAlerts(dynamoDb(), required(CASES_TABLE)),
                referrals(), new ConversationLines(conversations()),
                auditTrail(), caseContent(), directory(), clock);
    }

    public AssignCase assignCase() {
        return new AssignCase(cases(), caseAccess(), people(), clock);
    }

    /** Reopening gives the case a reason, which is sealed. */
    public ChangeCaseStatus changeCaseStatus() {
        return new ChangeCaseStatus(cases(contentWrites()),
                referrals(), caseAccess(), clock);
    }

    public ReadCaseAudit readCaseAudit() {
        return new ReadCaseAudit(cases(), caseAccess(),
                auditTrail(), directory(), clock);
    }

    public ReferToService referToService() {
        return new ReferToService(cases(),
                referrals(), directory(), caseAccess(),
                random, clock);
    }

    /** A rejection or revocation gives the referral a reason, which is sealed. */
    public ChangeReferralStatus changeReferralStatus() {
        return new ChangeReferralStatus(referrals(contentWrites()),
                cases(), caseAccess(), clock);
    }

    public ProviderReferrals providerReferrals() {
        return new ProviderReferrals(referrals(), clock);
    }

    /** Providers of a service for a region, from the directory. */
    public FindProviders findProviders() {
        return new FindProviders(directory());
    }

    /** Who the signed-in caller is. */
    public DescribeCaller describeCaller() {
        return new DescribeCaller(people(), directory(), caseAccess(), regions());
    }

    /** The people of an organisation, for assignment. */
    public ListPeople listPeople() {
        return new ListPeople(people(), directory(), caseAccess());
    }

    /** Records a person at sign-in (the user pool's post-authentication trigger; the local runner's seed). */
    public RecordSignIn recordSignIn() {
        return new RecordSignIn(people(), directory(), clock);
    }

    /** The national overview of every region. */
    public ShowOverview showOverview() {
        return new ShowOverview(new DynamoDbFigures(dynamoDb(), required(CASES_TABLE)), regions(), caseAccess(),
                auditTrail(), clock);
    }

    public DispatchAlerts dispatchAlerts() {
        return dispatchAlerts(alertPublisher());
    }

    /** The organisations' SNS topics. */
    public AlertPublisher alertPublisher() {
        return new SnsAlertPublisher(sns(), required(ALERT_TOPIC_ARN_PREFIX));
    }

    /**
     * Alerts carry an acknowledgement link when {@value #PUBLIC_BASE_URL} is set; without it, none. Their texts are
     * in each organisation's alert language, and link to the case in the console when {@value #CONSOLE_BASE_URL} is
     * set.
     */
    public DispatchAlerts dispatchAlerts(AlertPublisher publisher) {
        String publicBaseUrl = settings.apply(PUBLIC_BASE_URL);
        AlertComposer composer = new AlertComposer(directory(), alertWording());
        DispatchAlerts.AcknowledgeUrls links = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? alert -> Optional.empty() : acknowledgementLinks().urlsUnder(publicBaseUrl, composer::languageOf);
        Function<String, PagingLimit> limits = settings.apply(DIRECTORY_TABLE) == null
                ? organisation -> PagingLimit.DEFAULT
                : organisation -> directory().organisation(organisation).map(Organisation::paging)
                        .orElse(PagingLimit.DEFAULT);
        return new DispatchAlerts(new DynamoDbAlertClaims(dynamoDb(), required(CASES_TABLE)), publisher,
                pagingWindows(), limits, clock, links, composer);
    }

    /** How alerts and the acknowledgement page read: region and category names, the case in the console. */
    public synchronized AlertWording alertWording() {
        if (alertWording == null) {
            alertWording = new AlertWording(regions(), Optional.ofNullable(settings.apply(CONSOLE_BASE_URL)));
        }
        return alertWording;
    }

    /** The sweeper: alerts still unpublished a few minutes after their creation go out again. */
    public SweepAlerts sweepAlerts() {
        return sweepAlerts(alertPublisher());
    }

    public SweepAlerts sweepAlerts(AlertPublisher publisher) {
        return new SweepAlerts(new DynamoDbUnpublishedAlerts(dynamoDb(), required(CASES_TABLE)),
                dispatchAlerts(publisher), clock);
    }

    /** The CloudWatch namespace of Senim's own metrics ({@value #METRICS_NAMESPACE}, default {@code Senim}). */
    public String metricsNamespace() {
        String namespace = settings.apply(METRICS_NAMESPACE);
        return namespace == null || namespace.isBlank() ? "Senim" : namespace;
    }

    private PagingWindows pagingWindows() {
        return new DynamoDbPagingWindows(dynamoDb(), required(CASES_TABLE));
    }

    public AcknowledgeAlert acknowledgeAlert() {
        return new AcknowledgeAlert(acknowledgements(),
                cases(), caseAccess(), pagingWindows()::acknowledged, clock);
    }

    /**
     * The links' holders; the long signed links of before are still checked while a key for them is set. A link
     * speaks for the organisation it was sent to: no caller, so no scope and no directory to read.
     */
    public FollowAcknowledgementLink followAcknowledgementLink() {
        return new FollowAcknowledgementLink(new AcknowledgementLinks(issuedLinks(), clock, random,
                AcknowledgementLinks.VALIDITY, signedLinks()), acknowledgements(),
                new AcknowledgeAlert(acknowledgements(), cases(), new CaseAccess(List::of),
                        pagingWindows()::acknowledged, clock));
    }

    public EscalateAlerts escalateAlerts() {
        return new EscalateAlerts(new DynamoDbPendingAlerts(dynamoDb(), required(CASES_TABLE)),
                cases(), directory(), clock);
    }

    /** The reporter withdraws the report with the receipt: content and receipt erased at once, the case stopped. */
    public WithdrawReport withdrawReport() {
        return new WithdrawReport(reporterAccess(), cases(), eraseContent());
    }

    /** The scheduled retention run: erasures due, erasures left half-way, warnings 14 days ahead. */
    public EraseDueContent eraseDueContent() {
        RetentionPolicy policy = RetentionPolicy.ofDays(
                days(RETENTION_DAYS_AFTER_CLOSURE, RetentionPolicy.DEFAULT.afterClosure().toDays()),
                days(INACTIVE_ERASURE_DAYS, RetentionPolicy.DEFAULT.inactivity().toDays()));
        return new EraseDueContent(new DynamoDbCaseErasures(dynamoDb(), required(CASES_TABLE)), eraseContent(),
                directory(), policy, clock);
    }

    /** Erasing content needs no KMS at all: the case's data keys are deleted, never unwrapped. */
    private EraseContent eraseContent() {
        return new EraseContent(new DynamoDbCaseErasures(dynamoDb(), required(CASES_TABLE)),
                new CaseKeysTable(dynamoDb(), required(CASE_KEYS_TABLE)), cases(), referrals(), clock);
    }

    private long days(String setting, long otherwise) {
        String value = settings.apply(setting);
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value.strip());
    }

    /** Gives out and resolves short acknowledgement links, kept in the cases table as hashes. */
    public synchronized AcknowledgementLinks acknowledgementLinks() {
        if (acknowledgementLinks == null) {
            acknowledgementLinks = new AcknowledgementLinks(issuedLinks(), clock, random,
                    AcknowledgementLinks.VALIDITY);
        }
        return acknowledgementLinks;
    }

    /**
     * The checker of the long signed links of before, when a key for them is set. Which key is settled here; the key
     * itself is read on first use (from Secrets Manager in AWS), so it never ends up in a SnapStart snapshot.
     */
    private Optional<SignedLinks> signedLinks() {
        String secretArn = settings.apply(ACK_LINK_SECRET_ARN);
        if (secretArn != null && !secretArn.isBlank()) {
            return Optional.of(new SignedLinks(
                    () -> secrets().secretString(secretArn).getBytes(StandardCharsets.UTF_8), clock));
        }
        String key = settings.apply(ACK_LINK_SECRET);
        return key == null || key.isBlank() ? Optional.empty()
                : Optional.of(new SignedLinks(SignedLinks.fixedKey(key), clock));
    }

    private DynamoDbIssuedLinks issuedLinks() {
        return new DynamoDbIssuedLinks(dynamoDb(), required(CASES_TABLE));
    }

    public DirectorySeeder directorySeeder() {
        return new DirectorySeeder(dynamoDb(), required(DIRECTORY_TABLE));
    }

    public synchronized RegionCatalogue regions() {
        if (regions == null) {
            regions = RegionCatalogue.load();
        }
        return regions;
    }

    public synchronized Directory directory() {
        if (directory == null) {
            directory = new CachedDirectory(new DynamoDbDirectory(dynamoDb(), required(DIRECTORY_TABLE)), clock,
                    DIRECTORY_CACHE);
        }
        return directory;
    }

    /** Cases, as every function but those that write a reason needs them: stored texts stay sealed. */
    private Cases cases() {
        return cases(ContentWrites.none());
    }

    private Cases cases(ContentWrites content) {
        return new DynamoDbCases(dynamoDb(), required(CASES_TABLE), content);
    }

    private AuditTrail auditTrail() {
        return new DynamoDbAuditTrail(dynamoDb(), required(CASES_TABLE));
    }

    private DynamoDbReferrals referrals() {
        return referrals(ContentWrites.none());
    }

    private DynamoDbReferrals referrals(ContentWrites content) {
        return new DynamoDbReferrals(dynamoDb(), required(CASES_TABLE), content);
    }

    private DynamoDbAcknowledgements acknowledgements() {
        return new DynamoDbAcknowledgements(dynamoDb(), required(CASES_TABLE));
    }

    private People people() {
        return new DynamoDbPeople(dynamoDb(), required(DIRECTORY_TABLE));
    }

    private CaseAccess caseAccess() {
        return new CaseAccess(directory());
    }

    private Reports reports(ContentWrites content) {
        return new DynamoDbReports(dynamoDb(), required(CASES_TABLE), clock, content);
    }

    /** Writes that seal typed text under new data keys of the case, each key stored with its write. */
    private ContentWrites contentWrites() {
        return new ContentWrites(caseContent(), required(CASE_KEYS_TABLE));
    }

    /**
     * Seals and opens case content. Which KEK is settled here (KMS in AWS, a local key where there is none); keys
     * are made and unwrapped only on use, never while a function initialises.
     */
    private synchronized CaseContent caseContent() {
        if (caseContent == null) {
            String keyArn = settings.apply(CONTENT_KEY_ARN);
            KeyEncryptionKey kek = keyArn != null && !keyArn.isBlank() ? new KmsKeyEncryptionKey(kms(), keyArn)
                    : new LocalKeyEncryptionKey(LocalKeyEncryptionKey.fixedKey(required(CONTENT_KEK)), random);
            caseContent = new CaseContent(kek, new CaseKeysTable(dynamoDb(), required(CASE_KEYS_TABLE)), random,
                    clock);
        }
        return caseContent;
    }

    /**
     * Receipts as HMAC-SHA256 under the server-held keys. Which keys is settled here; the keys themselves are read on
     * first use (from Secrets Manager in AWS), so they never end up in a SnapStart snapshot.
     */
    private synchronized ReceiptHasher receiptHasher() {
        if (receiptHasher == null) {
            String secretArn = settings.apply(RECEIPT_KEY_SECRET_ARN);
            if (secretArn != null && !secretArn.isBlank()) {
                receiptHasher = new HmacReceiptHasher(() -> ReceiptKeys.parse(secrets().secretString(secretArn)));
            } else {
                String keys = required(RECEIPT_KEYS);
                receiptHasher = new HmacReceiptHasher(() -> ReceiptKeys.parse(keys));
            }
        }
        return receiptHasher;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder()
                    .region(region())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return dynamoDb;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = SnsClient.builder()
                    .region(region())
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(c -> c.apiCallTimeout(SNS_CALL_TIMEOUT))
                    .build();
        }
        return sns;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = KmsClient.builder()
                    .region(region())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return kms;
    }

    /** Secrets Manager's secrets, read with one signed call each (see {@link SecretsManagerReader}), on first use. */
    synchronized SecretsManagerReader secrets() {
        if (secrets == null) {
            Region region = region();
            secrets = new SecretsManagerReader(UrlConnectionHttpClient.create(),
                    DefaultCredentialsProvider.builder().build(), region, SecretsManagerReader.endpoint(region,
                            settings.apply("AWS_ENDPOINT_URL_SECRETS_MANAGER"), settings.apply("AWS_ENDPOINT_URL")));
        }
        return secrets;
    }

    Region region() {
        return Region.of(required(AWS_REGION));
    }

    /** Whether this wiring has built a client of {@code type} (what its function calls, so what priming warms). */
    synchronized boolean built(Class<?> type) {
        return type.isInstance(dynamoDb) || type.isInstance(sns) || type.isInstance(kms);
    }

    private String required(String name) {
        return Objects.requireNonNull(settings.apply(name), () -> "setting " + name + " is missing");
    }
}
