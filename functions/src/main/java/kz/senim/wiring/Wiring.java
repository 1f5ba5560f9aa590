package kz.senim.wiring;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import kz.senim.alerting.AlertPublisher;
import kz.senim.alerting.DispatchAlerts;
import kz.senim.alerting.dynamodb.DynamoDbAlertClaims;
import kz.senim.alerting.sns.SnsAlertPublisher;
import kz.senim.directory.CachedDirectory;
import kz.senim.directory.Directory;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.directory.dynamodb.DynamoDbDirectory;
import kz.senim.intake.CheckReportStatus;
import kz.senim.intake.ReceiptHasher;
import kz.senim.intake.Reports;
import kz.senim.intake.SafetyAdvice;
import kz.senim.intake.SubmitReport;
import kz.senim.intake.dynamodb.DynamoDbReports;
import kz.senim.regions.RegionCatalogue;
import kz.senim.triage.Triage;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
    static final Duration DIRECTORY_CACHE = Duration.ofSeconds(60);

    private final Function<String, String> settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private Directory directory;
    private RegionCatalogue regions;
    private ReceiptHasher receiptHasher;

    public Wiring(Function<String, String> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static Wiring fromEnvironment() {
        return new Wiring(System::getenv, Clock.systemUTC());
    }

    public SubmitReport submitReport() {
        return new SubmitReport(reports(), new Triage(directory()), new SafetyAdvice(regions(), directory()),
                receiptHasher(), random, clock);
    }

    public CheckReportStatus checkReportStatus() {
        return new CheckReportStatus(reports(), receiptHasher());
    }

    public DispatchAlerts dispatchAlerts() {
        return dispatchAlerts(new SnsAlertPublisher(sns(), required(ALERT_TOPIC_ARN_PREFIX)));
    }

    public DispatchAlerts dispatchAlerts(AlertPublisher publisher) {
        return new DispatchAlerts(new DynamoDbAlertClaims(dynamoDb(), required(CASES_TABLE)), publisher, clock);
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

    private Reports reports() {
        return new DynamoDbReports(dynamoDb(), required(CASES_TABLE));
    }

    private synchronized ReceiptHasher receiptHasher() {
        if (receiptHasher == null) {
            receiptHasher = new ReceiptHasher(ReceiptHasher.DEFAULT_ITERATIONS, random);
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
                    .build();
        }
        return sns;
    }

    private Region region() {
        return Region.of(required(AWS_REGION));
    }

    private String required(String name) {
        return Objects.requireNonNull(settings.apply(name), () -> "setting " + name + " is missing");
    }
}
