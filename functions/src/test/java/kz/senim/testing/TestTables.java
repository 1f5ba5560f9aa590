package kz.senim.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.DynamoDbEngine;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Fresh tables for one test, exactly as {@code infrastructure/template.yaml} declares them (keys, billing, stream,
 * TTL), under names nobody else uses: {@code it-<random>-CasesTable}, {@code it-<random>-DirectoryTable},
 * {@code it-<random>-CaseKeysTable}.
 */
public record TestTables(String cases, String directory, String caseKeys) {

    public static final String CASES = "CasesTable";
    public static final String DIRECTORY = "DirectoryTable";
    public static final String CASE_KEYS = "CaseKeysTable";

    public static TestTables create(DynamoDbEngine engine) {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        SamTemplate template = SamTemplate.load();
        List<CreateTableRequest> tables = template.tables(logicalId -> run + "-" + logicalId);
        engine.createTables(tables);
        Map<String, String> names = new HashMap<>();
        tables.forEach(table -> names.put(table.tableName().substring(run.length() + 1), table.tableName()));
        names.forEach((logicalId, name) -> template.ttlAttribute(logicalId)
                .ifPresent(attribute -> engine.enableTtl(name, attribute)));
        return new TestTables(names.get(CASES), names.get(DIRECTORY), names.get(CASE_KEYS));
    }
}
