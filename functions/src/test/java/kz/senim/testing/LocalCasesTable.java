package kz.senim.testing;

import java.util.List;
import java.util.UUID;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** A fresh cases table for one test, exactly as {@code template.yaml} declares it (keys, indexes, stream, TTL). */
public final class LocalCasesTable {

    private static final String LOGICAL_ID = "CasesTable";

    private LocalCasesTable() {
    }

    /** @return the new table's name, {@code it-<random>-CasesTable} */
    public static String create(DynamoDbEngine engine) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-" + LOGICAL_ID;
        SamTemplate template = SamTemplate.load();
        List<CreateTableRequest> cases = template.tables(logicalId -> logicalId.equals(LOGICAL_ID)
                        ? name : "unused-" + UUID.randomUUID()).stream()
                .filter(table -> table.tableName().equals(name))
                .toList();
        engine.createTables(cases);
        template.ttlAttribute(LOGICAL_ID).ifPresent(attribute -> engine.enableTtl(name, attribute));
        return name;
    }
}
