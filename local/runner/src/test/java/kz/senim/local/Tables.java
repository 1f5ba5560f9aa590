package kz.senim.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What DynamoDB Local holds, read with Scan (straight from the engine, not through Senim's code). */
final class Tables {

    private Tables() {
    }

    static List<Map<String, AttributeValue>> scan(SenimLocal senim, String table) {
        return senim.dynamoDb().client().scanPaginator(r -> r.tableName(table)).items().stream().toList();
    }

    static List<Map<String, AttributeValue>> cases(SenimLocal senim) {
        return scan(senim, senim.tables().get("CasesTable"));
    }

    /**
     * What requests store in the cases table: every item but the alert path's own bookkeeping (paging windows,
     * issued acknowledgement links), which the dispatcher writes whenever it publishes, also while a test counts.
     */
    static List<Map<String, AttributeValue>> records(SenimLocal senim) {
        return cases(senim).stream().filter(item -> !item.get("pk").s().startsWith("PAGING#")
                && !item.get("pk").s().startsWith("ACKLINK#")).toList();
    }

    /** Items of one case: its report and its alerts. */
    static List<Map<String, AttributeValue>> caseItems(SenimLocal senim, String reference) {
        return cases(senim).stream().filter(item -> ("CASE#" + reference).equals(item.get("pk").s())).toList();
    }

    static List<Map<String, AttributeValue>> ofKind(List<Map<String, AttributeValue>> items, String kind) {
        return items.stream().filter(item -> item.containsKey("kind") && kind.equals(item.get("kind").s())).toList();
    }

    /** Every item of every table of the engine, as text, table by table. */
    static Map<String, String> dumpEverything(SenimLocal senim) {
        DynamoDbClient client = senim.dynamoDb().client();
        Map<String, String> dump = new LinkedHashMap<>();
        for (String table : client.listTablesPaginator().tableNames()) {
            dump.put(table, scan(senim, table).toString());
        }
        return dump;
    }
}
