package kz.senim.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kz.senim.infrastructure.SamTemplate;
import kz.senim.local.engines.streams.DynamoDbStreamPoller;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A {@code DynamoDB} event of a function in the template (an event source mapping): which table's stream, from where,
 * in batches of how many, how often a failing record is retried, which records pass the filter, and whether the
 * function reports partial failures ({@code ReportBatchItemFailures}).
 */
record DynamoDbEventSource(String functionLogicalId, String tableLogicalId, DynamoDbStreamPoller.Settings settings,
                           boolean reportsBatchItemFailures) {

    static final String TYPE = "DynamoDB";

    /** The DynamoDB events of a function (most functions have none). */
    static List<DynamoDbEventSource> of(SamTemplate template, String functionLogicalId) {
        List<DynamoDbEventSource> sources = new ArrayList<>();
        template.functionProperties(functionLogicalId).path("Events").fields().forEachRemaining(entry -> {
            if (!TYPE.equals(entry.getValue().path("Type").asText())) {
                return;
            }
            String where = functionLogicalId + ".Events." + entry.getKey();
            JsonNode properties = entry.getValue().path("Properties");
            DynamoDbStreamPoller.Settings settings = DynamoDbStreamPoller.Settings.defaults()
                    .withBatchSize(properties.path("BatchSize").asInt(100))
                    .withMaximumRetryAttempts(properties.path("MaximumRetryAttempts").asInt(10))
                    .withStartingPosition(ShardIteratorType.fromValue(
                            properties.path("StartingPosition").asText("TRIM_HORIZON")));
            List<String> patterns = new ArrayList<>();
            for (JsonNode filter : properties.path("FilterCriteria").path("Filters")) {
                patterns.add(filter.path("Pattern").asText());
            }
            boolean partial = false;
            for (JsonNode type : properties.path("FunctionResponseTypes")) {
                partial |= "ReportBatchItemFailures".equals(type.asText());
            }
            sources.add(new DynamoDbEventSource(functionLogicalId, streamTable(properties.path("Stream"), where),
                    settings.withFilter(EventFilter.of(patterns)), partial));
        });
        return List.copyOf(sources);
    }

    /** The consumer the poller calls: the function, whose partial failures count only if it reports them. */
    Function<DynamodbEvent, StreamsEventResponse> consumer(LambdaFunction<DynamodbEvent, StreamsEventResponse> function) {
        return event -> {
            StreamsEventResponse response = function.invoke(event);
            return reportsBatchItemFailures ? response : StreamsEventResponse.builder().build();
        };
    }

    /** {@code !GetAtt Table.StreamArn} in either long form. */
    private static String streamTable(JsonNode stream, String where) {
        JsonNode getAtt = stream.path("Fn::GetAtt");
        String target = getAtt.isArray() && getAtt.size() == 2 ? getAtt.get(0).asText() + "." + getAtt.get(1).asText()
                : getAtt.asText("");
        if (!target.endsWith(".StreamArn")) {
            throw new IllegalStateException(where + ".Stream must be !GetAtt <Table>.StreamArn, found " + stream);
        }
        return target.substring(0, target.length() - ".StreamArn".length());
    }
}
