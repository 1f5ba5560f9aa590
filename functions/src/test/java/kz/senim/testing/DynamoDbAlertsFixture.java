package kz.senim.testing;

import kz.senim.acknowledgement.Acknowledgements;
import kz.senim.acknowledgement.dynamodb.DynamoDbAcknowledgements;
import kz.senim.audit.AuditTrail;
import kz.senim.audit.dynamodb.DynamoDbAuditTrail;
import kz.senim.cases.Alert;
import kz.senim.cases.CaseFile;
import kz.senim.cases.Cases;
import kz.senim.cases.dynamodb.DynamoDbCases;
import kz.senim.escalation.PendingAlerts;
import kz.senim.escalation.dynamodb.DynamoDbPendingAlerts;
import kz.senim.local.engines.DynamoDbEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link AlertsFixture} on a fresh cases table on DynamoDB Local, through the DynamoDB adapters. */
public final class DynamoDbAlertsFixture implements AlertsFixture {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAlertsFixture(DynamoDbEngine engine) {
        this.dynamoDb = engine.client();
        this.table = LocalCasesTable.create(engine);
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public String table() {
        return table;
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
    public Cases cases() {
        return new DynamoDbCases(dynamoDb, table);
    }

    @Override
    public AuditTrail audit() {
        return new DynamoDbAuditTrail(dynamoDb, table);
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
