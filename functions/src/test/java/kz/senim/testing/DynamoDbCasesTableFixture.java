package kz.senim.testing;

import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.acknowledgement.dynamodb.DynamoDbAcknowledgements;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.escalation.PendingAlerts;
import kz.senim.escalation.dynamodb.DynamoDbPendingAlerts;
import kz.senim.local.engines.DynamoDbEngine;
import kz.senim.messaging.Conversations;
import kz.senim.messaging.dynamodb.DynamoDbConversations;
import kz.senim.referral.Referrals;
import kz.senim.referral.dynamodb.DynamoDbReferrals;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link CasesTableFixture} on a fresh cases table (and its case keys table) on DynamoDB Local, through the DynamoDB
 * adapters, which seal what people typed as deployed (a test KEK).
 */
public final class DynamoDbCasesTableFixture implements CasesTableFixture {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CaseContent content;
    private final ContentWrites writes;

    public DynamoDbCasesTableFixture(DynamoDbEngine engine) {
        this.dynamoDb = engine.client();
        this.table = LocalCasesTable.create(engine);
        this.content = TestContent.content(dynamoDb, keysTable());
        this.writes = new ContentWrites(content, keysTable());
    }

    /** The case keys table made with {@link #table()}. */
    public String keysTable() {
        return LocalCasesTable.keysOf(table);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public String table() {
        return table;
    }

    @Override
    public Cases cases() {
        return new DynamoDbCases(dynamoDb, table, writes);
    }

    @Override
    public AuditTrail audit() {
        return new DynamoDbAuditTrail(dynamoDb, table);
    }

    @Override
    public Acknowledgements acknowledgements() {
        return new DynamoDbAcknowledgements(dynamoDb, table);
    }

    @Override
    public PendingAlerts pendingAlerts() {
        return new DynamoDbPendingAlerts(dynamoDb, table);
    }

    @Override
    public Conversations conversations() {
        return new DynamoDbConversations(dynamoDb, table, writes);
    }

    @Override
    public Referrals referrals() {
        return new DynamoDbReferrals(dynamoDb, table, writes);
    }

    @Override
    public CaseContent content() {
        return content;
    }

    @Override
    public void store(CaseFile file) {
        LocalCasesTable.putCase(dynamoDb, table, file);
    }

    @Override
    public Alert raise(Alert alert) {
        return LocalCasesTable.putAlert(dynamoDb, table, alert);
    }
}
