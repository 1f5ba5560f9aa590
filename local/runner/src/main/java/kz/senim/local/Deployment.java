package kz.senim.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.infrastructure.SamTemplate;

/**
 * The SAM template as a stack called {@value #STACK_NAME} would be deployed, resolved locally: physical table names
 * and the environment variables of each function ({@code !Ref} of a table or parameter, {@code !Sub} with the pseudo
 * parameters), plus {@code AWS_REGION}, which Lambda sets. A variable naming something that does not exist locally
 * (a Secrets Manager secret, the API's public URL) is replaced by its local substitutes, which Wiring documents
 * (e.g. {@code ACK_LINK_SECRET_ARN} by {@code ACK_LINK_SECRET}). Anything else the runner cannot resolve fails at start.
 */
final class Deployment {

    static final String STACK_NAME = "senim";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final SamTemplate template;
    private final String region;
    private final String accountId;
    private final Map<String, Map<String, String>> substitutes;

    Deployment(SamTemplate template, String region, String accountId) {
        this(template, region, accountId, Map.of());
    }

    /**
     * @param substitutes by variable name of the template, the variables to set instead (none: drop it)
     */
    Deployment(SamTemplate template, String region, String accountId, Map<String, Map<String, String>> substitutes) {
        this.template = template;
        this.region = region;
        this.accountId = accountId;
        this.substitutes = Map.copyOf(substitutes);
    }

    SamTemplate template() {
        return template;
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    String tableName(String logicalId) {
        return template.tableName(logicalId, STACK_NAME);
    }

    /** The environment a function runs with: its variables (Globals included), resolved, and AWS_REGION. */
    Map<String, String> environment(String functionLogicalId) {
        Map<String, String> environment = new LinkedHashMap<>();
        template.functionProperties(functionLogicalId).path("Environment").path("Variables").fields()
                .forEachRemaining(variable -> {
                    Map<String, String> local = substitutes.get(variable.getKey());
                    if (local != null) {
                        environment.putAll(local);
                    } else {
                        environment.put(variable.getKey(),
                                resolve(variable.getValue(), functionLogicalId + ".Environment." + variable.getKey()));
                    }
                });
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        return Map.copyOf(environment);
    }

    /** A literal, {@code !Ref} or {@code !Sub} value of the template as a string. */
    String resolve(JsonNode value, String where) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.size() == 1 && value.has("Ref")) {
            return ref(value.path("Ref").asText(), where);
        }
        if (value.size() == 1 && value.path("Fn::Sub").isTextual()) {
            Matcher matcher = SUB_VARIABLE.matcher(value.path("Fn::Sub").textValue());
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(ref(matcher.group(1), where)));
            }
            return matcher.appendTail(resolved).toString();
        }
        throw new IllegalStateException(where + ": the local runner cannot resolve " + value);
    }

    private String ref(String name, String where) {
        switch (name) {
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return accountId;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (template.resources(SamTemplate.TABLE_TYPE).containsKey(name)) {
            return tableName(name);
        }
        JsonNode parameter = template.document().path("Parameters").path(name);
        if (parameter.has("Default")) {
            return parameter.path("Default").asText();
        }
        throw new IllegalStateException(where + ": the local runner cannot resolve a reference to " + name);
    }
}
