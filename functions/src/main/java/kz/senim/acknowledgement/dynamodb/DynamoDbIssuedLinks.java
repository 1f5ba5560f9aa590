package kz.senim.acknowledgement.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.acknowledgement.IssuedLinks;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.i18n.Language;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issued acknowledgement links in the cases table: {@code pk=ACKLINK#<sha256 of the id>}, {@code sk=LINK},
 * {@code kind=ACKLINK}, the alert, the page's language, when it was issued and {@code expiresAt} (TTL, epoch
 * seconds). The item of its use, {@code sk=USED}, shares the partition ({@link DynamoDbAcknowledgements}).
 */
public final class DynamoDbIssuedLinks implements IssuedLinks {

    static final String ISSUED_SK = "LINK";
    private static final String KIND = "ACKLINK";
    private static final String ALERT_ID = "alertId";
    private static final String LANGUAGE = "language";
    private static final String ISSUED_AT = "issuedAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIssuedLinks(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean save(IssuedLink link) {
        Map<String, AttributeValue> item = new HashMap<>(key(link.idHash()));
        item.put(CasesTable.KIND, s(KIND));
        item.put(ALERT_ID, s(link.alertId()));
        item.put(LANGUAGE, s(link.language().code()));
        item.put(ISSUED_AT, s(link.issuedAt().toString()));
        item.put(DynamoDbAcknowledgements.EXPIRES_AT,
                AttributeValue.fromN(Long.toString(link.expiresAt().getEpochSecond())));
        return DynamoDbAcknowledgements.putIfAbsent(dynamoDb, DynamoDbAcknowledgements.newItem(table, item));
    }

    @Override
    public Optional<IssuedLink> find(String idHash) {
        return CasesTable.item(dynamoDb, table, key(idHash)).map(item -> new IssuedLink(
                idHash,
                item.get(ALERT_ID).s(),
                Optional.ofNullable(item.get(LANGUAGE)).map(AttributeValue::s).flatMap(Language::fromCode)
                        .orElse(Language.DEFAULT),
                Instant.parse(item.get(ISSUED_AT).s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(DynamoDbAcknowledgements.EXPIRES_AT).n()))));
    }

    private static Map<String, AttributeValue> key(String idHash) {
        return Map.of(CasesTable.PK, s(DynamoDbAcknowledgements.LINK_PREFIX + idHash), CasesTable.SK, s(ISSUED_SK));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
