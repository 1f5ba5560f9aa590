package kz.senim.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.senim.infrastructure.SamTemplate.HttpRoute;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The deployed template keeps the promises of ARCHITECTURE.md and of the product's first rule: anonymity. */
class TemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> HANDLERS = Map.ofEntries(
            Map.entry("SubmitReportFunction", "kz.senim.intake.api.SubmitReportHandler::handleRequest"),
            Map.entry("ReportStatusFunction", "kz.senim.intake.api.ReportStatusHandler::handleRequest"),
            Map.entry("RegionsFunction", "kz.senim.regions.api.RegionsHandler::handleRequest"),
            Map.entry("AlertDispatcherFunction", "kz.senim.alerting.stream.AlertDispatcherHandler::handleRequest"),
            Map.entry("DirectorySeedFunction", "kz.senim.directory.seed.DirectorySeedHandler::handleRequest"),
            Map.entry("CaseQueueFunction", "kz.senim.handling.api.CaseQueueHandler::handleRequest"),
            Map.entry("ReadCaseFunction", "kz.senim.handling.api.ReadCaseHandler::handleRequest"),
            Map.entry("AssignCaseFunction", "kz.senim.handling.api.AssignCaseHandler::handleRequest"),
            Map.entry("ChangeCaseStatusFunction", "kz.senim.handling.api.ChangeCaseStatusHandler::handleRequest"),
            Map.entry("CaseAuditFunction", "kz.senim.handling.api.CaseAuditHandler::handleRequest"),
            Map.entry("AcknowledgeAlertFunction",
                    "kz.senim.acknowledgement.api.AcknowledgeAlertHandler::handleRequest"),
            Map.entry("AcknowledgementLinkFunction",
                    "kz.senim.acknowledgement.api.AcknowledgementLinkHandler::handleRequest"),
            Map.entry("ReferToServiceFunction", "kz.senim.referral.api.ReferToServiceHandler::handleRequest"),
            Map.entry("ProviderReferralsFunction", "kz.senim.referral.api.ProviderReferralsHandler::handleRequest"),
            Map.entry("ChangeReferralStatusFunction",
                    "kz.senim.referral.api.ChangeReferralStatusHandler::handleRequest"),
            Map.entry("PostCaseMessageFunction", "kz.senim.messaging.api.PostCaseMessageHandler::handleRequest"),
            Map.entry("ReporterMessagesFunction", "kz.senim.messaging.api.ReporterMessagesHandler::handleRequest"),
            Map.entry("ReporterReplyFunction", "kz.senim.messaging.api.ReporterReplyHandler::handleRequest"),
            Map.entry("EscalateAlertsFunction",
                    "kz.senim.escalation.schedule.EscalateAlertsHandler::handleRequest"),
            Map.entry("SweepAlertsFunction", "kz.senim.alerting.schedule.SweepAlertsHandler::handleRequest"),
            Map.entry("MeFunction", "kz.senim.people.api.MeHandler::handleRequest"),
            Map.entry("PeopleFunction", "kz.senim.people.api.PeopleHandler::handleRequest"),
            Map.entry("ProvidersFunction", "kz.senim.referral.api.ProvidersHandler::handleRequest"),
            Map.entry("OverviewFunction", "kz.senim.overview.api.OverviewHandler::handleRequest"),
            Map.entry("PostAuthenticationFunction",
                    "kz.senim.people.cognito.PostAuthenticationHandler::handleRequest"),
            Map.entry("WithdrawReportFunction", "kz.senim.erasure.api.WithdrawReportHandler::handleRequest"),
            Map.entry("EraseDueContentFunction",
                    "kz.senim.erasure.schedule.EraseDueContentHandler::handleRequest"));

    /** Routes anyone may call: the reporter's (anonymous by design) and the acknowledgement link (the token decides). */
    private static final Set<HttpRoute> ANONYMOUS_ROUTES = Set.of(
            new HttpRoute("POST", "/v1/reports"),
            new HttpRoute("GET", "/v1/reports/{reference}"),
            new HttpRoute("GET", "/v1/regions"),
            new HttpRoute("GET", "/v1/reports/{reference}/messages"),
            new HttpRoute("POST", "/v1/reports/{reference}/messages"),
            new HttpRoute("DELETE", "/v1/reports/{reference}"),
            new HttpRoute("GET", "/v1/ack/{token}"),
            new HttpRoute("POST", "/v1/ack/{token}"));

    /** Routes of responders and coordinators: a verified Cognito ID token on every call. */
    private static final Set<HttpRoute> AUTHENTICATED_ROUTES = Set.of(
            new HttpRoute("GET", "/v1/cases"),
            new HttpRoute("GET", "/v1/cases/{reference}"),
            new HttpRoute("PUT", "/v1/cases/{reference}/assignee"),
            new HttpRoute("POST", "/v1/cases/{reference}/transitions"),
            new HttpRoute("GET", "/v1/cases/{reference}/audit"),
            new HttpRoute("POST", "/v1/alerts/{alertId}/acknowledgement"),
            new HttpRoute("POST", "/v1/cases/{reference}/referrals"),
            new HttpRoute("GET", "/v1/referrals"),
            new HttpRoute("POST", "/v1/referrals/{referralId}/status"),
            new HttpRoute("POST", "/v1/cases/{reference}/messages"),
            new HttpRoute("GET", "/v1/me"),
            new HttpRoute("GET", "/v1/people"),
            new HttpRoute("GET", "/v1/providers"),
            new HttpRoute("GET", "/v1/overview"));

    private static final String CASES = "CasesTable.Arn";
    private static final String DIRECTORY = "DirectoryTable.Arn";
    private static final String SECRET = "AckLinkSecret";
    private static final String RECEIPT_KEYS = "ReceiptKeySecret";
    /** The functions that hash a new receipt or check a reporter's. */
    private static final Set<String> RECEIPT_READERS = Set.of("SubmitReportFunction", "ReportStatusFunction",
            "ReporterMessagesFunction", "ReporterReplyFunction", "WithdrawReportFunction");
    private static final Set<String> CASE_VARIABLES = Set.of("CASES_TABLE", "DIRECTORY_TABLE");
    private static final String KEYS = "CaseKeysTable.Arn";
    private static final String CONTENT_KEY = "ContentKey.Arn";
    /** Functions that seal typed text: they may make data keys, never unwrap one. */
    private static final Set<String> CONTENT_WRITERS = Set.of("SubmitReportFunction", "ChangeCaseStatusFunction",
            "PostCaseMessageFunction", "ReporterReplyFunction", "ChangeReferralStatusFunction");
    /** The paths that show a case to someone allowed to see it: they may unwrap data keys, never make one. */
    private static final Set<String> CONTENT_READERS = Set.of("ReadCaseFunction", "ReporterMessagesFunction");
    private static final Set<String> CONTENT_VARIABLES = Set.of("CASE_KEYS_TABLE", "CONTENT_KEY_ARN");

    private static final List<String> REGION_CODES = List.of("10", "11", "15", "19", "23", "27", "31", "33", "35",
            "39", "43", "47", "55", "59", "61", "62", "63", "71", "75", "79");
    private static final List<String> ORGANISATION_IDS = organisationIds();
    private static final String TOPIC_NAME_PREFIX = "${AWS::StackName}-alerts-";
    private static final String TOPIC_ARN_PREFIX =
            "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:" + TOPIC_NAME_PREFIX;
    private static final Set<String> GLOBAL_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "POWERTOOLS_SERVICE_NAME");

    private static List<String> organisationIds() {
        List<String> ids = new ArrayList<>();
        REGION_CODES.forEach(code -> ids.add("kz-" + code + "-commission"));
        ids.addAll(List.of("national-secretariat", "police-att-liaison", "ngo-shelter-astana", "ngo-shelter-almaty",
                "ngo-shelter-shymkent", "ngo-shelter-kostanay", "ngo-foreign-nationals", "ngo-children"));
        return List.copyOf(ids);
    }

    // ------------------------------------------------------------------ functions

    @Test
    void deploys_exactly_the_functions_of_the_architecture_with_their_handlers() {
        Map<String, String> handlers = TEMPLATE.functions().stream()
                .collect(Collectors.toMap(SamTemplate.Function::logicalId, SamTemplate.Function::handler));

        assertThat(handlers).isEqualTo(HANDLERS);
    }

    @Test
    void every_handler_names_a_class_in_a_package_and_its_handleRequest_method() {
        Pattern handler = Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*::handleRequest");

        assertThat(TEMPLATE.functions()).allSatisfy(function ->
                assertThat(function.handler()).as(function.logicalId()).matches(handler));
    }

    @Test
    void http_routes_are_those_of_the_mobile_api() {
        Map<String, List<HttpRoute>> routes = TEMPLATE.functions().stream()
                .collect(Collectors.toMap(SamTemplate.Function::logicalId, SamTemplate.Function::routes));

        assertThat(routes).containsOnly(
                Map.entry("SubmitReportFunction", List.of(new HttpRoute("POST", "/v1/reports"))),
                Map.entry("ReportStatusFunction", List.of(new HttpRoute("GET", "/v1/reports/{reference}"))),
                Map.entry("RegionsFunction", List.of(new HttpRoute("GET", "/v1/regions"))),
                Map.entry("AlertDispatcherFunction", List.of()),
                Map.entry("DirectorySeedFunction", List.of()),
                Map.entry("CaseQueueFunction", List.of(new HttpRoute("GET", "/v1/cases"))),
                Map.entry("ReadCaseFunction", List.of(new HttpRoute("GET", "/v1/cases/{reference}"))),
                Map.entry("AssignCaseFunction", List.of(new HttpRoute("PUT", "/v1/cases/{reference}/assignee"))),
                Map.entry("ChangeCaseStatusFunction",
                        List.of(new HttpRoute("POST", "/v1/cases/{reference}/transitions"))),
                Map.entry("CaseAuditFunction", List.of(new HttpRoute("GET", "/v1/cases/{reference}/audit"))),
                Map.entry("AcknowledgeAlertFunction",
                        List.of(new HttpRoute("POST", "/v1/alerts/{alertId}/acknowledgement"))),
                Map.entry("AcknowledgementLinkFunction",
                        List.of(new HttpRoute("GET", "/v1/ack/{token}"), new HttpRoute("POST", "/v1/ack/{token}"))),
                Map.entry("ReferToServiceFunction",
                        List.of(new HttpRoute("POST", "/v1/cases/{reference}/referrals"))),
                Map.entry("ProviderReferralsFunction", List.of(new HttpRoute("GET", "/v1/referrals"))),
                Map.entry("ChangeReferralStatusFunction",
                        List.of(new HttpRoute("POST", "/v1/referrals/{referralId}/status"))),
                Map.entry("PostCaseMessageFunction",
                        List.of(new HttpRoute("POST", "/v1/cases/{reference}/messages"))),
                Map.entry("ReporterMessagesFunction",
                        List.of(new HttpRoute("GET", "/v1/reports/{reference}/messages"))),
                Map.entry("ReporterReplyFunction",
                        List.of(new HttpRoute("POST", "/v1/reports/{reference}/messages"))),
                Map.entry("EscalateAlertsFunction", List.of()),
                Map.entry("SweepAlertsFunction", List.of()),
                Map.entry("MeFunction", List.of(new HttpRoute("GET", "/v1/me"))),
                Map.entry("PeopleFunction", List.of(new HttpRoute("GET", "/v1/people"))),
                Map.entry("ProvidersFunction", List.of(new HttpRoute("GET", "/v1/providers"))),
                Map.entry("OverviewFunction", List.of(new HttpRoute("GET", "/v1/overview"))),
                Map.entry("PostAuthenticationFunction", List.of()),
                Map.entry("WithdrawReportFunction", List.of(new HttpRoute("DELETE", "/v1/reports/{reference}"))),
                Map.entry("EraseDueContentFunction", List.of()));
    }

    // ------------------------------------------------------------------ sign-in

    @Test
    void every_route_is_either_anonymous_by_design_or_behind_the_jwt_authorizer() {
        Set<HttpRoute> all = TEMPLATE.functions().stream().flatMap(f -> f.routes().stream())
                .collect(Collectors.toSet());
        Set<HttpRoute> expected = new java.util.HashSet<>(ANONYMOUS_ROUTES);
        expected.addAll(AUTHENTICATED_ROUTES);

        assertThat(all).isEqualTo(expected);
        for (HttpRoute route : AUTHENTICATED_ROUTES) {
            assertThat(TEMPLATE.authorizer(route)).as(route.toString()).contains("SenimJwt");
        }
        for (HttpRoute route : ANONYMOUS_ROUTES) {
            assertThat(TEMPLATE.authorizer(route)).as(route.toString()).isEmpty();
        }
    }

    @Test
    void every_route_states_its_authorizer_and_a_route_that_forgets_is_still_protected() {
        for (String function : HANDLERS.keySet()) {
            for (JsonNode event : TEMPLATE.functionProperties(function).path("Events")) {
                if (event.path("Type").asText().equals("HttpApi")) {
                    assertThat(event.path("Properties").path("Auth").path("Authorizer").asText())
                            .as(function + " " + event.path("Properties").path("Path").asText())
                            .isIn("SenimJwt", "NONE");
                }
            }
        }
        JsonNode auth = TEMPLATE.resource("SenimHttpApi").path("Properties").path("Auth");
        assertThat(auth.path("DefaultAuthorizer").asText()).isEqualTo("SenimJwt");
        assertThat(auth.path("Authorizers").fieldNames()).toIterable().containsExactly("SenimJwt");
    }

    @Test
    void the_jwt_authorizer_accepts_only_id_tokens_of_this_stacks_user_pool_and_app_clients() {
        JsonNode jwt = TEMPLATE.resource("SenimHttpApi").path("Properties").path("Auth").path("Authorizers")
                .path("SenimJwt");

        assertThat(jwt.path("IdentitySource").asText()).isEqualTo("$request.header.Authorization");
        assertThat(jwt.path("JwtConfiguration").path("issuer").path("Fn::Sub").asText())
                .isEqualTo("https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}");
        // the responders' app and the staff console
        assertThat(jwt.path("JwtConfiguration").path("audience")).containsExactlyInAnyOrder(
                JSON.createObjectNode().put("Ref", "UserPoolClient"),
                JSON.createObjectNode().put("Ref", "ConsoleUserPoolClient"));
    }

    @Test
    void only_administrators_create_accounts_and_set_organisation_and_role() {
        JsonNode pool = TEMPLATE.resource("UserPool");
        JsonNode properties = pool.path("Properties");

        assertThat(pool.path("Type").asText()).isEqualTo("AWS::Cognito::UserPool");
        assertThat(properties.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean()).isTrue();
        assertThat(properties.path("DeletionProtection").asText()).isEqualTo("ACTIVE");
        assertThat(pool.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(properties.path("MfaConfiguration").asText()).isEqualTo("OPTIONAL");
        assertThat(properties.path("EnabledMfas")).extracting(JsonNode::asText).containsExactly("SOFTWARE_TOKEN_MFA");
        JsonNode password = properties.path("Policies").path("PasswordPolicy");
        assertThat(password.path("MinimumLength").asInt()).isGreaterThanOrEqualTo(12);
        for (String rule : List.of("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols")) {
            assertThat(password.path(rule).asBoolean()).as(rule).isTrue();
        }
        Map<String, JsonNode> custom = new TreeMap<>();
        properties.path("Schema").forEach(attribute -> custom.put(attribute.path("Name").asText(), attribute));
        assertThat(custom).containsOnlyKeys("organisationId", "role");
        custom.values().forEach(attribute ->
                assertThat(attribute.path("AttributeDataType").asText()).isEqualTo("String"));
        assertThat(custom.get("organisationId").path("Mutable").asBoolean()).isFalse();
        assertThat(custom.get("role").path("Mutable").asBoolean()).as("administrators change roles").isTrue();
    }

    @Test
    void the_app_client_is_public_signs_in_with_srp_only_and_cannot_write_its_own_claims() {
        JsonNode client = TEMPLATE.resource("UserPoolClient").path("Properties");

        assertThat(client.path("UserPoolId")).isEqualTo(JSON.createObjectNode().put("Ref", "UserPool"));
        assertThat(client.path("GenerateSecret").asBoolean()).isFalse();
        assertThat(client.path("ExplicitAuthFlows")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.path("ReadAttributes")).extracting(JsonNode::asText)
                .contains("custom:organisationId", "custom:role");
        assertThat(client.path("WriteAttributes")).as("explicit: absent would mean every standard attribute")
                .isNotEmpty()
                .extracting(JsonNode::asText).noneMatch(attribute -> attribute.startsWith("custom:"));
        assertThat(client.path("IdTokenValidity").asInt()).isEqualTo(60);
        assertThat(client.path("TokenValidityUnits").path("IdToken").asText()).isEqualTo("minutes");
        assertThat(client.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
    }

    @Test
    void every_sign_in_runs_the_post_authentication_trigger_from_its_snapstart_alias_and_only_this_pool_invokes_it() {
        JsonNode trigger = TEMPLATE.resource("UserPool").path("Properties").path("LambdaConfig");

        assertThat(trigger.fieldNames()).toIterable().containsExactly("PostAuthentication");
        assertThat(trigger.path("PostAuthentication"))
                .isEqualTo(JSON.createObjectNode().put("Ref", "PostAuthenticationFunction.Alias"));
        JsonNode permission = TEMPLATE.resource("PostAuthenticationPermission");
        assertThat(permission.path("Type").asText()).isEqualTo("AWS::Lambda::Permission");
        assertThat(permission.path("Properties").path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        assertThat(permission.path("Properties").path("FunctionName")).isEqualTo(trigger.path("PostAuthentication"));
        assertThat(permission.path("Properties").path("Principal").asText()).isEqualTo("cognito-idp.amazonaws.com");
        assertThat(permission.path("Properties").path("SourceArn")).isEqualTo(getAtt("UserPool", "Arn"));
        assertThat(TEMPLATE.functionProperties("PostAuthenticationFunction").path("Events").isMissingNode())
                .as("Cognito, not an event source, invokes it").isTrue();
        assertThat(TEMPLATE.resources("AWS::Lambda::Permission")).containsOnlyKeys("PostAuthenticationPermission");
    }

    // ------------------------------------------------------------------ acknowledgement links and escalation

    @Test
    void the_old_links_signing_key_is_generated_and_readable_only_by_the_link_handler() {
        JsonNode secret = TEMPLATE.resource(SECRET);
        JsonNode generated = secret.path("Properties").path("GenerateSecretString");

        assertThat(secret.path("Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(generated.path("PasswordLength").asInt()).isEqualTo(64);
        assertThat(generated.path("ExcludePunctuation").asBoolean()).isTrue();
        assertThat(secret.path("Properties").has("SecretString")).as("never a key written in the template").isFalse();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (String function : HANDLERS.keySet()) {
            grants(function).forEach((resource, actions) -> actions.stream()
                    .filter(action -> action.startsWith("secretsmanager:") && !resource.equals(RECEIPT_KEYS))
                    .forEach(action -> readers.computeIfAbsent(function, f -> new TreeSet<>())
                            .add(action + " on " + resource)));
        }
        // The dispatcher gives out short links, kept as hashes: it needs no key; the link handler still checks the
        // long signed links alerts carried before, until they expire.
        assertThat(readers).containsOnly(
                Map.entry("AcknowledgementLinkFunction", Set.of("secretsmanager:GetSecretValue on " + SECRET)));
        for (String function : readers.keySet()) {
            assertThat(TEMPLATE.functionProperties(function).path("Environment").path("Variables")
                    .path("ACK_LINK_SECRET_ARN")).as(function).isEqualTo(JSON.createObjectNode().put("Ref", SECRET));
        }
    }

    @Test
    void the_receipt_keys_are_generated_by_version_and_readable_only_where_receipts_are_hashed_or_checked() {
        JsonNode secret = TEMPLATE.resource(RECEIPT_KEYS);
        JsonNode generated = secret.path("Properties").path("GenerateSecretString");

        assertThat(secret.path("Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(generated.path("SecretStringTemplate").asText()).isEqualTo("{}");
        assertThat(generated.path("GenerateStringKey").asText()).isEqualTo("v1");
        assertThat(generated.path("PasswordLength").asInt()).isGreaterThanOrEqualTo(32);
        assertThat(secret.path("Properties").has("SecretString")).as("never a key written in the template").isFalse();
        Set<String> readers = new TreeSet<>();
        for (String function : HANDLERS.keySet()) {
            Set<String> actions = grants(function).getOrDefault(RECEIPT_KEYS, Set.of());
            if (!actions.isEmpty()) {
                assertThat(actions).as(function).containsExactly("secretsmanager:GetSecretValue");
                assertThat(TEMPLATE.functionProperties(function).path("Environment").path("Variables")
                        .path("RECEIPT_KEY_SECRET_ARN")).as(function)
                        .isEqualTo(JSON.createObjectNode().put("Ref", RECEIPT_KEYS));
                readers.add(function);
            }
        }
        assertThat(readers).containsExactlyInAnyOrderElementsOf(RECEIPT_READERS);
    }

    @Test
    void content_is_erased_every_hour_after_the_retention_periods_the_stack_is_given() {
        JsonNode events = TEMPLATE.functionProperties("EraseDueContentFunction").path("Events");
        JsonNode schedule = events.elements().next().path("Properties");
        JsonNode variables = TEMPLATE.functionProperties("EraseDueContentFunction").path("Environment")
                .path("Variables");
        JsonNode parameters = TEMPLATE.document().path("Parameters");

        assertThat(events).hasSize(1);
        assertThat(events.elements().next().path("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("rate(1 hour)");
        assertThat(schedule.path("Name").path("Fn::Sub").asText()).startsWith("${AWS::StackName}-");
        assertThat(variables.path("RETENTION_DAYS_AFTER_CLOSURE").path("Ref").asText())
                .isEqualTo("ContentRetentionDaysAfterClosure");
        assertThat(variables.path("INACTIVE_ERASURE_DAYS").path("Ref").asText()).isEqualTo("InactiveCaseErasureDays");
        assertThat(parameters.path("ContentRetentionDaysAfterClosure").path("Default").asInt()).isEqualTo(180);
        assertThat(parameters.path("InactiveCaseErasureDays").path("Default").asInt()).isEqualTo(365);
        assertThat(parameters.path("InactiveCaseErasureDays").path("MinValue").asInt())
                .as("longer than the 14 days of warning").isGreaterThan(14);
    }

    @Test
    void alert_messages_link_to_this_stacks_api_or_a_short_domain_and_the_link_handler_does_not_need_its_url() {
        JsonNode dispatcher = TEMPLATE.functionProperties("AlertDispatcherFunction").path("Environment")
                .path("Variables");
        JsonNode choice = dispatcher.path("PUBLIC_BASE_URL").path("Fn::If");

        assertThat(choice).hasSize(3);
        assertThat(choice.get(0).asText()).isEqualTo("HasAckLinkBaseUrl");
        assertThat(choice.get(1).path("Ref").asText()).isEqualTo("AckLinkBaseUrl");
        assertThat(choice.get(2).path("Fn::Sub").asText()).isEqualTo(
                TEMPLATE.document().path("Outputs").path("ApiUrl").path("Value").path("Fn::Sub").asText());
        assertThat(TEMPLATE.document().path("Conditions").path("HasAckLinkBaseUrl").toString())
                .contains("AckLinkBaseUrl").contains("Fn::Not").contains("Fn::Equals");
        JsonNode shortBase = TEMPLATE.document().path("Parameters").path("AckLinkBaseUrl");
        assertThat(shortBase.path("Default").asText()).isEmpty();
        assertThat("https://ack.senim.kz").matches(shortBase.path("AllowedPattern").asText());
        assertThat("http://ack.senim.kz").doesNotMatch(shortBase.path("AllowedPattern").asText());
        // The link handler is an integration of the API: referencing the API's URL from it would be a cycle.
        assertThat(TEMPLATE.functionProperties("AcknowledgementLinkFunction").path("Environment").path("Variables")
                .has("PUBLIC_BASE_URL")).isFalse();
    }

    @Test
    void alerts_and_the_link_page_link_to_the_console_only_when_its_url_is_given() {
        JsonNode console = TEMPLATE.document().path("Parameters").path("ConsoleBaseUrl");

        assertThat(console.path("Default").asText()).isEmpty();
        assertThat("https://d111111abcdef8.cloudfront.net/").matches(console.path("AllowedPattern").asText());
        assertThat("javascript:alert(1)").doesNotMatch(console.path("AllowedPattern").asText());
        for (String function : List.of("AlertDispatcherFunction", "AcknowledgementLinkFunction")) {
            assertThat(TEMPLATE.functionProperties(function).path("Environment").path("Variables")
                    .path("CONSOLE_BASE_URL").path("Ref").asText()).as(function).isEqualTo("ConsoleBaseUrl");
        }
    }

    @Test
    void unacknowledged_alerts_are_escalated_every_minute_by_eventbridge_scheduler_with_retries() {
        JsonNode events = TEMPLATE.functionProperties("EscalateAlertsFunction").path("Events");
        assertThat(events).hasSize(1);
        JsonNode event = events.elements().next();
        JsonNode schedule = event.path("Properties");

        assertThat(event.path("Type").asText()).isIn("ScheduleV2", "Schedule");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
        assertThat(schedule.path("Name").path("Fn::Sub").asText()).as("schedule names are unique per account")
                .startsWith("${AWS::StackName}-");
        assertThat(schedule.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isBetween(1, 5);
        assertThat(schedule.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isBetween(60, 120);
        assertThat(TEMPLATE.functionProperties("EscalateAlertsFunction").path("Timeout").asInt())
                .as("a run ends before the next one starts").isLessThan(60);
    }

    @Test
    void unpublished_alerts_are_swept_every_minute_by_eventbridge_scheduler_within_the_claims_lease() {
        JsonNode events = TEMPLATE.functionProperties("SweepAlertsFunction").path("Events");
        assertThat(events).hasSize(1);
        JsonNode event = events.elements().next();
        JsonNode schedule = event.path("Properties");

        assertThat(event.path("Type").asText()).isIn("ScheduleV2", "Schedule");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
        assertThat(schedule.path("Name").path("Fn::Sub").asText()).startsWith("${AWS::StackName}-");
        assertThat(schedule.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isBetween(60, 120);
        assertThat(TEMPLATE.functionProperties("SweepAlertsFunction").path("Environment").path("Variables")
                .path("METRICS_NAMESPACE").path("Fn::Sub").asText()).isEqualTo("Senim/${AWS::StackName}");
    }

    // ------------------------------------------------------------------ alarms

    /** Alarm → (namespace, metric, the resource its dimension names or empty). */
    private static final Map<String, List<String>> ALARMS = Map.of(
            "AlertDeadLetterQueueNotEmptyAlarm", List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    "AlertDispatchDeadLetterQueue"),
            "AlertDispatcherErrorsAlarm", List.of("AWS/Lambda", "Errors", "AlertDispatcherFunction"),
            "EscalateAlertsErrorsAlarm", List.of("AWS/Lambda", "Errors", "EscalateAlertsFunction"),
            "SweepAlertsErrorsAlarm", List.of("AWS/Lambda", "Errors", "SweepAlertsFunction"),
            "EraseDueContentErrorsAlarm", List.of("AWS/Lambda", "Errors", "EraseDueContentFunction"),
            "SweepAlertsNotRunningAlarm", List.of("AWS/Lambda", "Invocations", "SweepAlertsFunction"),
            "UnpublishedAlertsAlarm", List.of("Senim/${AWS::StackName}", "UnpublishedAlertsOverFiveMinutes", ""));

    @Test
    void every_way_an_alert_can_fail_alarms_the_operations_topic() {
        assertThat(TEMPLATE.resources("AWS::CloudWatch::Alarm")).containsOnlyKeys(ALARMS.keySet());

        ALARMS.forEach((alarm, expected) -> {
            JsonNode properties = TEMPLATE.resource(alarm).path("Properties");
            JsonNode namespace = properties.path("Namespace");
            assertThat(namespace.isTextual() ? namespace.asText() : namespace.path("Fn::Sub").asText()).as(alarm)
                    .isEqualTo(expected.get(0));
            assertThat(properties.path("MetricName").asText()).as(alarm).isEqualTo(expected.get(1));
            assertThat(properties.path("AlarmActions")).as(alarm).singleElement()
                    .isEqualTo(JSON.createObjectNode().put("Ref", "OperationsTopic"));
            assertThat(properties.path("Period").asInt()).as(alarm).isBetween(60, 300);
            assertThat(properties.path("EvaluationPeriods").asInt()).as(alarm).isEqualTo(1);
            if (!expected.get(2).isEmpty()) {
                assertThat(properties.path("Dimensions").toString()).as(alarm).contains(expected.get(2));
            }
        });
    }

    @Test
    void the_alarms_fire_on_the_first_failure_and_when_the_sweeper_stops_running() {
        for (String alarm : List.of("AlertDeadLetterQueueNotEmptyAlarm", "AlertDispatcherErrorsAlarm",
                "EscalateAlertsErrorsAlarm", "SweepAlertsErrorsAlarm", "EraseDueContentErrorsAlarm")) {
            JsonNode properties = TEMPLATE.resource(alarm).path("Properties");
            assertThat(properties.path("ComparisonOperator").asText()).as(alarm).isEqualTo("GreaterThanThreshold");
            assertThat(properties.path("Threshold").asDouble()).as(alarm).isZero();
        }
        JsonNode unpublished = TEMPLATE.resource("UnpublishedAlertsAlarm").path("Properties");
        assertThat(unpublished.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(unpublished.path("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(unpublished.path("Statistic").asText()).isEqualTo("Maximum");
        JsonNode notRunning = TEMPLATE.resource("SweepAlertsNotRunningAlarm").path("Properties");
        assertThat(notRunning.path("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        assertThat(notRunning.path("TreatMissingData").asText()).as("no invocations at all is no run")
                .isEqualTo("breaching");
    }

    @Test
    void the_operations_topic_takes_the_alarms_and_optionally_an_email() {
        JsonNode topic = TEMPLATE.resource("OperationsTopic");
        assertThat(topic.path("Type").asText()).isEqualTo(SamTemplate.TOPIC_TYPE);
        assertThat(topic.path("Properties").path("TopicName").path("Fn::Sub").asText())
                .isEqualTo("${AWS::StackName}-operations");
        JsonNode policy = TEMPLATE.resource("OperationsTopicPolicy").path("Properties");
        assertThat(policy.path("PolicyDocument").path("Statement")).singleElement().satisfies(statement -> {
            assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
            assertThat(statement.path("Action").asText()).isEqualTo("sns:Publish");
            assertThat(statement.path("Resource").path("Ref").asText()).isEqualTo("OperationsTopic");
        });
        JsonNode subscription = TEMPLATE.resource("OperationsEmailSubscription");
        assertThat(subscription.path("Condition").asText()).isEqualTo("HasOperationsEmail");
        assertThat(subscription.path("Properties").path("TopicArn").path("Ref").asText()).isEqualTo("OperationsTopic");
        assertThat(TEMPLATE.document().path("Parameters").path("OperationsEmail").path("Default").asText()).isEmpty();
    }

    @Test
    void every_route_is_on_the_throttled_and_logged_api_not_an_implicit_one() {
        JsonNode api = JSON.createObjectNode().put("Ref", "SenimHttpApi");

        for (String function : HANDLERS.keySet()) {
            for (JsonNode event : TEMPLATE.functionProperties(function).path("Events")) {
                if (event.path("Type").asText().equals("HttpApi")) {
                    assertThat(event.path("Properties").path("ApiId")).as(function).isEqualTo(api);
                }
            }
        }
        assertThat(TEMPLATE.resources("AWS::Serverless::Api")).isEmpty();
    }

    @Test
    void every_function_runs_java21_from_a_snapstart_snapshot_behind_the_live_alias() {
        for (String function : HANDLERS.keySet()) {
            JsonNode properties = TEMPLATE.functionProperties(function);
            assertThat(properties.path("Runtime").asText()).as(function).isEqualTo("java21");
            assertThat(properties.path("SnapStart").path("ApplyOn").asText()).as(function)
                    .isEqualTo("PublishedVersions");
            assertThat(properties.path("AutoPublishAlias").asText()).as(function).isEqualTo("live");
            assertThat(properties.path("Architectures")).as(function).hasSize(1);
            assertThat(properties.path("MemorySize").asInt()).as(function).isEqualTo(switch (function) {
                // the alert path: one whole vCPU, so a page leaves without waiting for CPU
                case "AlertDispatcherFunction", "SweepAlertsFunction", "EscalateAlertsFunction" -> 1769;
                // nobody waits for them
                case "DirectorySeedFunction", "EraseDueContentFunction" -> 512;
                default -> 1024;
            });
            assertThat(properties.path("Tracing").asText()).as(function).isEqualTo("Active");
            assertThat(properties.path("CodeUri").asText()).as(function)
                    .isEqualTo("../functions/target/senim-functions-lambda.jar");
            assertThat(properties.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText())
                    .as(function).contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void only_the_stream_dispatcher_the_escalation_the_sweeper_and_the_retention_run_get_more_than_15_seconds() {
        for (String function : HANDLERS.keySet()) {
            // a retention run may erase many cases, a few writes each; it runs once an hour
            int expected = function.equals("EraseDueContentFunction") ? 300
                    : function.equals("SweepAlertsFunction") ? 60
                    : Set.of("AlertDispatcherFunction", "EscalateAlertsFunction").contains(function) ? 30 : 15;
            assertThat(TEMPLATE.functionProperties(function).path("Timeout").asInt()).as(function).isEqualTo(expected);
        }
    }

    @Test
    void every_function_logs_json_to_its_own_group_kept_30_days() {
        Set<String> groups = new TreeSet<>();
        for (String function : HANDLERS.keySet()) {
            JsonNode logging = TEMPLATE.functionProperties(function).path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).as(function).isEqualTo("JSON");
            String group = logging.path("LogGroup").path("Ref").asText();
            JsonNode logGroup = TEMPLATE.resource(group);
            assertThat(logGroup.path("Type").asText()).as(function).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").path("RetentionInDays").asInt()).as(function).isEqualTo(30);
            groups.add(group);
        }
        assertThat(groups).hasSize(HANDLERS.size());
    }

    @Test
    void each_function_gets_only_the_environment_it_needs() {
        Map<String, Set<String>> variables = new TreeMap<>();
        TEMPLATE.functions().forEach(function -> variables.put(function.logicalId(),
                without(function.environmentVariables(), GLOBAL_VARIABLES)));

        assertThat(variables).containsOnly(
                Map.entry("SubmitReportFunction", with(Set.of("CASES_TABLE", "DIRECTORY_TABLE",
                        "RECEIPT_KEY_SECRET_ARN"), CONTENT_VARIABLES)),
                Map.entry("ReportStatusFunction", Set.of("CASES_TABLE", "RECEIPT_KEY_SECRET_ARN")),
                Map.entry("RegionsFunction", Set.of()),
                Map.entry("AlertDispatcherFunction", Set.of("CASES_TABLE", "ALERT_TOPIC_ARN_PREFIX",
                        "DIRECTORY_TABLE", "PUBLIC_BASE_URL", "CONSOLE_BASE_URL")),
                Map.entry("SweepAlertsFunction", Set.of("CASES_TABLE", "DIRECTORY_TABLE", "ALERT_TOPIC_ARN_PREFIX",
                        "PUBLIC_BASE_URL", "CONSOLE_BASE_URL", "METRICS_NAMESPACE")),
                Map.entry("DirectorySeedFunction", Set.of("DIRECTORY_TABLE")),
                Map.entry("CaseQueueFunction", CASE_VARIABLES),
                Map.entry("ReadCaseFunction", with(CASE_VARIABLES, CONTENT_VARIABLES)),
                Map.entry("AssignCaseFunction", CASE_VARIABLES),
                Map.entry("ChangeCaseStatusFunction", with(CASE_VARIABLES, CONTENT_VARIABLES)),
                Map.entry("CaseAuditFunction", CASE_VARIABLES),
                Map.entry("AcknowledgeAlertFunction", CASE_VARIABLES),
                Map.entry("AcknowledgementLinkFunction", Set.of("CASES_TABLE", "ACK_LINK_SECRET_ARN",
                        "CONSOLE_BASE_URL")),
                Map.entry("ReferToServiceFunction", CASE_VARIABLES),
                Map.entry("ProviderReferralsFunction", Set.of("CASES_TABLE")),
                Map.entry("ChangeReferralStatusFunction", with(CASE_VARIABLES, CONTENT_VARIABLES)),
                Map.entry("PostCaseMessageFunction", with(CASE_VARIABLES, CONTENT_VARIABLES)),
                Map.entry("ReporterMessagesFunction", with(Set.of("CASES_TABLE", "RECEIPT_KEY_SECRET_ARN"),
                        CONTENT_VARIABLES)),
                Map.entry("ReporterReplyFunction", with(Set.of("CASES_TABLE", "RECEIPT_KEY_SECRET_ARN"),
                        CONTENT_VARIABLES)),
                Map.entry("EscalateAlertsFunction", CASE_VARIABLES),
                Map.entry("MeFunction", Set.of("DIRECTORY_TABLE")),
                Map.entry("PeopleFunction", Set.of("DIRECTORY_TABLE")),
                Map.entry("ProvidersFunction", Set.of("DIRECTORY_TABLE")),
                Map.entry("OverviewFunction", CASE_VARIABLES),
                Map.entry("PostAuthenticationFunction", Set.of("DIRECTORY_TABLE")),
                Map.entry("WithdrawReportFunction", Set.of("CASES_TABLE", "CASE_KEYS_TABLE",
                        "RECEIPT_KEY_SECRET_ARN")),
                Map.entry("EraseDueContentFunction", with(CASE_VARIABLES, Set.of("CASE_KEYS_TABLE",
                        "RETENTION_DAYS_AFTER_CLOSURE", "INACTIVE_ERASURE_DAYS"))));
        assertThat(TEMPLATE.functions()).allSatisfy(function ->
                assertThat(function.environmentVariables()).containsAll(GLOBAL_VARIABLES));
    }

    @Test
    void table_variables_point_at_the_tables() {
        for (String function : HANDLERS.keySet()) {
            JsonNode variables = TEMPLATE.functionProperties(function).path("Environment").path("Variables");
            if (variables.has("CASES_TABLE")) {
                assertThat(variables.path("CASES_TABLE").path("Ref").asText()).as(function).isEqualTo("CasesTable");
            }
            if (variables.has("DIRECTORY_TABLE")) {
                assertThat(variables.path("DIRECTORY_TABLE").path("Ref").asText()).as(function)
                        .isEqualTo("DirectoryTable");
            }
            if (variables.has("CASE_KEYS_TABLE")) {
                assertThat(variables.path("CASE_KEYS_TABLE").path("Ref").asText()).as(function)
                        .isEqualTo("CaseKeysTable");
            }
            if (variables.has("CONTENT_KEY_ARN")) {
                assertThat(variables.path("CONTENT_KEY_ARN")).as(function).isEqualTo(getAtt("ContentKey", "Arn"));
            }
        }
    }

    // ------------------------------------------------------------------ tables

    @Test
    void every_table_has_encryption_and_deletion_protection_and_all_but_the_case_keys_point_in_time_recovery() {
        assertThat(TEMPLATE.resources(SamTemplate.TABLE_TYPE))
                .containsOnlyKeys("CasesTable", "DirectoryTable", "CaseKeysTable");

        TEMPLATE.resources(SamTemplate.TABLE_TYPE).forEach((table, resource) -> {
            JsonNode properties = resource.path("Properties");
            assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean()).as(table).isEqualTo(!table.equals("CaseKeysTable"));
            assertThat(properties.path("SSESpecification").path("SSEEnabled").asBoolean()).as(table).isTrue();
            assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).as(table).isTrue();
            assertThat(properties.path("BillingMode").asText()).as(table).isEqualTo("PAY_PER_REQUEST");
            assertThat(resource.path("DeletionPolicy").asText()).as(table).isEqualTo("Retain");
            assertThat(resource.path("UpdateReplacePolicy").asText()).as(table).isEqualTo("Retain");
        });
    }

    @Test
    void table_names_follow_the_stack_name() {
        assertThat(TEMPLATE.tableName("CasesTable", "senim")).isEqualTo("senim-cases");
        assertThat(TEMPLATE.tableName("DirectoryTable", "senim")).isEqualTo("senim-directory");
    }

    @Test
    void create_table_requests_have_the_documented_keys_billing_and_stream() {
        Map<String, CreateTableRequest> requests = TEMPLATE.tables(id -> TEMPLATE.tableName(id, "senim")).stream()
                .collect(Collectors.toMap(CreateTableRequest::tableName, r -> r));

        assertThat(requests).containsOnlyKeys("senim-cases", "senim-directory", "senim-case-keys");
        requests.values().forEach(request -> {
            assertThat(request.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
                    .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
            assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(request.provisionedThroughput()).isNull();
            assertThat(request.localSecondaryIndexes()).isEmpty();
        });
        assertThat(requests.get("senim-cases").attributeDefinitions())
                .extracting(a -> a.attributeName() + " " + a.attributeType())
                .containsExactlyInAnyOrder("pk S", "sk S", "gsi1pk S", "gsi1sk S", "gsi2pk S", "gsi2sk S",
                        "gsi3pk S", "gsi3sk S", "gsi4pk S", "gsi4sk S", "gsi5pk S", "gsi5sk S");
        assertThat(requests.get("senim-directory").attributeDefinitions())
                .extracting(a -> a.attributeName() + " " + a.attributeType())
                .containsExactlyInAnyOrder("pk " + ScalarAttributeType.S, "sk " + ScalarAttributeType.S);
        assertThat(requests.get("senim-directory").globalSecondaryIndexes()).isEmpty();
        assertThat(requests.get("senim-cases").streamSpecification().streamEnabled()).isTrue();
        assertThat(requests.get("senim-cases").streamSpecification().streamViewType())
                .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(requests.get("senim-directory").streamSpecification()).isNull();
        assertThat(requests.get("senim-case-keys").attributeDefinitions())
                .extracting(a -> a.attributeName() + " " + a.attributeType())
                .containsExactlyInAnyOrder("pk S", "sk S");
        assertThat(requests.get("senim-case-keys").globalSecondaryIndexes()).isEmpty();
        assertThat(requests.get("senim-case-keys").streamSpecification()).isNull();
    }

    // ------------------------------------------------------------------ what people typed: sealed, and erasable

    @Test
    void the_case_keys_table_holds_no_backups_of_its_own_and_is_kept_out_of_backup_plans() {
        JsonNode keys = TEMPLATE.resource("CaseKeysTable");
        JsonNode properties = keys.path("Properties");

        assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").isBoolean())
                .as("point-in-time recovery is switched off explicitly, not by omission").isTrue();
        assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                .asBoolean()).isFalse();
        assertThat(properties.has("StreamSpecification")).as("no stream: a key leaves no copy anywhere").isFalse();
        assertThat(properties.path("Tags")).anySatisfy(tag -> {
            assertThat(tag.path("Key").asText()).isEqualTo("senim:backup");
            assertThat(tag.path("Value").asText()).isEqualTo("never");
        });
        assertThat(keys.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(TEMPLATE.tableName("CaseKeysTable", "senim")).isEqualTo("senim-case-keys");
    }

    @Test
    void the_content_key_is_a_customer_managed_kms_key_with_rotation_that_writers_only_use_to_make_data_keys() {
        JsonNode key = TEMPLATE.resource("ContentKey");
        JsonNode properties = key.path("Properties");
        List<JsonNode> statements = new ArrayList<>();
        properties.path("KeyPolicy").path("Statement").forEach(statements::add);

        assertThat(key.path("Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(properties.path("EnableKeyRotation").asBoolean()).isTrue();
        assertThat(properties.path("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.path("DeletionPolicy").asText()).isEqualTo("Retain");
        Map<String, String> use = new TreeMap<>();
        for (JsonNode statement : statements) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            List<String> actions = values(statement.path("Action"));
            assertThat(actions).allSatisfy(action -> assertThat(action).doesNotContain("*"));
            List<String> using = actions.stream().filter(a -> List.of("kms:Decrypt", "kms:GenerateDataKey",
                    "kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKeyWithoutPlaintext",
                    "kms:CreateGrant").contains(a)).toList();
            if (using.isEmpty()) {
                continue;
            }
            assertThat(using).as(statement.path("Sid").asText()).hasSize(1);
            JsonNode condition = statement.path("Condition");
            assertThat(condition.path("ForAllValues:StringEquals").path("kms:EncryptionContextKeys"))
                    .as("only for one case").containsExactly(JSON.getNodeFactory().textNode("reference"));
            assertThat(condition.path("Null").path("kms:EncryptionContext:reference").asText()).isEqualTo("false");
            use.put(using.getFirst(), condition.path("ArnLike").path("aws:PrincipalArn").path("Fn::Sub").asText());
        }
        String role = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${AWS::StackName}/";
        assertThat(use).containsOnly(
                Map.entry("kms:GenerateDataKey", role + "content-writer/*"),
                Map.entry("kms:Decrypt", role + "content-reader/*"));
    }

    @Test
    void only_writers_of_typed_text_make_data_keys_and_only_the_paths_that_show_a_case_unwrap_them() {
        Map<String, Set<String>> kms = new TreeMap<>();
        Map<String, String> paths = new TreeMap<>();
        for (String function : HANDLERS.keySet()) {
            grants(function).forEach((resource, actions) -> actions.stream()
                    .filter(action -> action.startsWith("kms:"))
                    .forEach(action -> kms.computeIfAbsent(function, f -> new TreeSet<>())
                            .add(action + " on " + resource)));
            JsonNode path = TEMPLATE.functionProperties(function).path("RolePath");
            if (!path.isMissingNode()) {
                paths.put(function, path.path("Fn::Sub").asText());
            }
        }

        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, String> expectedPaths = new TreeMap<>();
        CONTENT_WRITERS.forEach(f -> {
            expected.put(f, Set.of("kms:GenerateDataKey on " + CONTENT_KEY));
            expectedPaths.put(f, "/${AWS::StackName}/content-writer/");
        });
        CONTENT_READERS.forEach(f -> {
            expected.put(f, Set.of("kms:Decrypt on " + CONTENT_KEY));
            expectedPaths.put(f, "/${AWS::StackName}/content-reader/");
        });
        assertThat(kms).isEqualTo(expected);
        assertThat(paths).isEqualTo(expectedPaths);
    }

    @Test
    void the_cases_table_has_its_five_indexes_projecting_everything_on_demand() {
        CreateTableRequest cases = TEMPLATE.tables(id -> TEMPLATE.tableName(id, "senim")).stream()
                .filter(request -> request.tableName().equals("senim-cases")).findFirst().orElseThrow();
        Map<String, List<String>> keys = new TreeMap<>();
        cases.globalSecondaryIndexes().forEach(index -> {
            assertThat(index.projection().projectionType()).as(index.indexName()).isEqualTo(ProjectionType.ALL);
            assertThat(index.provisionedThroughput()).as(index.indexName()).isNull();
            keys.put(index.indexName(), index.keySchema().stream()
                    .map(k -> k.attributeName() + " " + k.keyType()).toList());
        });

        assertThat(keys).containsOnly(
                Map.entry("QueueIndex", List.of("gsi1pk HASH", "gsi1sk RANGE")),
                Map.entry("PendingAlertsIndex", List.of("gsi2pk HASH", "gsi2sk RANGE")),
                Map.entry("ProviderIndex", List.of("gsi3pk HASH", "gsi3sk RANGE")),
                Map.entry("UnpublishedAlertsIndex", List.of("gsi4pk HASH", "gsi4sk RANGE")),
                Map.entry("RetentionIndex", List.of("gsi5pk HASH", "gsi5sk RANGE")));
        assertThat(cases.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void idempotency_records_expire_through_ttl_on_the_cases_table_only() {
        assertThat(TEMPLATE.ttlAttribute("CasesTable")).contains("expiresAt");
        assertThat(TEMPLATE.ttlAttribute("DirectoryTable")).isEmpty();
    }

    // ------------------------------------------------------------------ alert path

    @Test
    void the_dispatcher_consumes_the_cases_stream_with_partial_failures_and_a_dead_letter_queue() {
        JsonNode events = TEMPLATE.functionProperties("AlertDispatcherFunction").path("Events");
        assertThat(events).hasSize(1);
        JsonNode event = events.elements().next();
        JsonNode source = event.path("Properties");

        assertThat(event.path("Type").asText()).isEqualTo("DynamoDB");
        assertThat(source.path("Stream")).isEqualTo(getAtt("CasesTable", "StreamArn"));
        assertThat(source.path("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(source.path("FunctionResponseTypes")).extracting(JsonNode::asText)
                .containsExactly("ReportBatchItemFailures");
        assertThat(source.path("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(source.path("MaximumRetryAttempts").asInt()).isBetween(1, 10);
        assertThat(source.path("BatchSize").asInt()).isEqualTo(10);
        JsonNode onFailure = source.path("DestinationConfig").path("OnFailure");
        assertThat(onFailure.path("Destination")).isEqualTo(getAtt("AlertDispatchDeadLetterQueue", "Arn"));
        assertThat(onFailure.path("Type").asText()).as("lets SAM grant sqs:SendMessage on the queue only")
                .isEqualTo("SQS");
    }

    @Test
    void the_dispatcher_is_woken_only_by_inserted_alert_items() throws Exception {
        JsonNode filters = TEMPLATE.functionProperties("AlertDispatcherFunction").path("Events")
                .elements().next().path("Properties").path("FilterCriteria").path("Filters");
        assertThat(filters).hasSize(1);

        JsonNode pattern = JSON.readTree(filters.get(0).path("Pattern").asText());

        assertThat(pattern).isEqualTo(JSON.readTree(
                "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"kind\":{\"S\":[\"ALERT\"]}}}}"));
    }

    @Test
    void the_dead_letter_queue_is_encrypted_and_keeps_failures_for_14_days() {
        JsonNode queue = TEMPLATE.resource("AlertDispatchDeadLetterQueue");

        assertThat(queue.path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(queue.path("Properties").path("SqsManagedSseEnabled").asBoolean()).isTrue();
        assertThat(queue.path("Properties").path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void there_is_one_encrypted_alert_topic_per_organisation_of_the_directory() {
        assertThat(TEMPLATE.snsTopicNames().stream().filter(name -> name.startsWith(TOPIC_NAME_PREFIX)))
                .containsExactlyInAnyOrderElementsOf(
                ORGANISATION_IDS.stream().map(id -> TOPIC_NAME_PREFIX + id).toList());

        for (String id : ORGANISATION_IDS) {
            JsonNode topic = TEMPLATE.resource("AlertsTopic" + pascalCase(id));
            assertThat(topic.path("Type").asText()).as(id).isEqualTo(SamTemplate.TOPIC_TYPE);
            assertThat(topic.path("Properties").path("KmsMasterKeyId").asText()).as(id).isEqualTo("alias/aws/sns");
        }
    }

    @Test
    void the_dispatcher_topic_prefix_names_exactly_the_alert_topics_and_its_policy_no_others() {
        JsonNode prefix = TEMPLATE.functionProperties("AlertDispatcherFunction")
                .path("Environment").path("Variables").path("ALERT_TOPIC_ARN_PREFIX");

        assertThat(prefix.path("Fn::Sub").asText()).isEqualTo(TOPIC_ARN_PREFIX);
        assertThat(grants("AlertDispatcherFunction")).containsEntry(TOPIC_ARN_PREFIX + "*", Set.of("sns:Publish"));
    }

    @Test
    void the_alert_email_is_subscribed_to_the_national_secretariat_only_when_given() {
        JsonNode subscription = TEMPLATE.resource("NationalSecretariatEmailSubscription");

        assertThat(subscription.path("Condition").asText()).isEqualTo("HasAlertEmail");
        assertThat(subscription.path("Properties").path("TopicArn").path("Ref").asText())
                .isEqualTo("AlertsTopicNationalSecretariat");
        assertThat(subscription.path("Properties").path("Endpoint").path("Ref").asText()).isEqualTo("AlertEmail");
        assertThat(TEMPLATE.document().path("Parameters").path("AlertEmail").path("Default").asText()).isEmpty();
        assertThat(TEMPLATE.document().path("Conditions").path("HasAlertEmail").toString())
                .contains("AlertEmail").contains("Fn::Not").contains("Fn::Equals");
    }

    @Test
    void the_directory_is_reseeded_by_a_custom_resource_whenever_the_data_version_changes() {
        JsonNode seed = TEMPLATE.resource("DirectorySeed");

        assertThat(seed.path("Type").asText()).isEqualTo("Custom::DirectorySeed");
        assertThat(seed.path("Properties").path("ServiceToken")).isEqualTo(getAtt("DirectorySeedFunction", "Arn"));
        assertThat(seed.path("Properties").path("DataVersion").path("Ref").asText()).isEqualTo("DirectoryDataVersion");
        assertThat(TEMPLATE.document().path("Parameters").has("DirectoryDataVersion")).isTrue();
    }

    // ------------------------------------------------------------------ anonymity and least privilege

    @Test
    void the_access_log_records_nothing_that_could_identify_a_reporter() {
        JsonNode api = TEMPLATE.resource("SenimHttpApi").path("Properties");
        String format = api.path("AccessLogSettings").path("Format").asText();

        assertThat(contextVariables(format)).containsExactlyInAnyOrder("$context.requestId", "$context.routeKey",
                "$context.status", "$context.responseLatency", "$context.integrationErrorMessage");
        assertThat(format.toLowerCase(Locale.ROOT)).doesNotContain("sourceip", "useragent", "user-agent",
                "x-forwarded-for", "identity", "$request", "caller", "authorizer");
    }

    @Test
    void the_access_log_group_keeps_30_days_and_the_api_is_throttled() {
        JsonNode api = TEMPLATE.resource("SenimHttpApi").path("Properties");
        String logGroup = api.path("AccessLogSettings").path("DestinationArn").path("Fn::GetAtt").path(0).asText();

        assertThat(TEMPLATE.resource(logGroup).path("Properties").path("RetentionInDays").asInt()).isEqualTo(30);
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt()).isPositive();
        assertThat(api.path("DefaultRouteSettings").path("ThrottlingRateLimit").asDouble()).isPositive();
        assertThat(api.path("CorsConfiguration").path("AllowCredentials").asBoolean(false)).isFalse();
    }

    // ------------------------------------------------------------------ limits (issue 7, section 3)

    @Test
    void every_anonymous_route_has_a_throttle_of_its_own_below_the_default_that_the_staff_routes_keep() {
        JsonNode api = TEMPLATE.resource("SenimHttpApi").path("Properties");
        SamTemplate.Throttle byDefault = new SamTemplate.Throttle(
                api.path("DefaultRouteSettings").path("ThrottlingRateLimit").asDouble(),
                api.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt());

        for (HttpRoute route : ANONYMOUS_ROUTES) {
            assertThat(api.path("RouteSettings").has(route.method() + " " + route.path())).as(route.toString())
                    .isTrue();
            SamTemplate.Throttle own = TEMPLATE.throttle(route).orElseThrow();
            assertThat(own.rateLimit()).as(route.toString()).isLessThan(byDefault.rateLimit());
            assertThat(own.burstLimit()).as(route.toString()).isLessThanOrEqualTo(byDefault.burstLimit());
        }
        for (HttpRoute route : AUTHENTICATED_ROUTES) {
            assertThat(TEMPLATE.throttle(route)).as(route.toString()).contains(byDefault);
        }
    }

    @Test
    void a_report_flood_meets_the_submission_throttle_while_a_hotlines_day_never_does() {
        SamTemplate.Throttle reports = TEMPLATE.throttle(new HttpRoute("POST", "/v1/reports")).orElseThrow();
        // Issue 7: 300 made-up reports in 63 s (4.8 a second) all got through. A national hotline gets tens a day.
        double flood = 300 / 63.0;
        double busiestGenuineHour = 500 / 3600.0;

        assertThat(reports.rateLimit()).isLessThan(flood / 2).isGreaterThan(busiestGenuineHour * 5);
        assertThat(reports.burstLimit()).isBetween(5, 20);
    }

    @Test
    void route_settings_name_only_routes_of_the_api_or_the_stage_would_fail_to_deploy() {
        Set<String> routeKeys = TEMPLATE.functions().stream().flatMap(f -> f.routes().stream())
                .map(route -> route.method() + " " + route.path()).collect(Collectors.toSet());

        assertThat(TEMPLATE.resource("SenimHttpApi").path("Properties").path("RouteSettings").fieldNames())
                .toIterable().isNotEmpty().allSatisfy(key -> assertThat(routeKeys).contains(key));
    }

    @Test
    void clients_reach_the_api_through_cloudfront_behind_the_edge_firewall_which_caches_and_logs_nothing() {
        JsonNode distribution = TEMPLATE.resource("ApiDistribution");
        JsonNode config = distribution.path("Properties").path("DistributionConfig");
        JsonNode origin = config.path("Origins").path(0);
        JsonNode behaviour = config.path("DefaultCacheBehavior");

        assertThat(distribution.path("Type").asText()).isEqualTo("AWS::CloudFront::Distribution");
        assertThat(config.path("WebACLId")).isEqualTo(JSON.createObjectNode().put("Ref", "EdgeFirewallArn"));
        assertThat(TEMPLATE.document().path("Parameters").path("EdgeFirewallArn").has("Default"))
                .as("no deployment without the edge firewall").isFalse();
        assertThat(config.path("Origins")).hasSize(1);
        assertThat(origin.path("DomainName").path("Fn::Sub").asText())
                .isEqualTo("${SenimHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}");
        assertThat(origin.path("OriginPath").path("Fn::Sub").asText()).isEqualTo("/${Stage}");
        assertThat(origin.path("CustomOriginConfig").path("OriginProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(behaviour.path("TargetOriginId").asText()).isEqualTo(origin.path("Id").asText());
        assertThat(behaviour.path("AllowedMethods")).extracting(JsonNode::asText)
                .contains("GET", "POST", "PUT", "OPTIONS");
        assertThat(behaviour.path("CachePolicyId").asText()).as("Managed-CachingDisabled")
                .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(behaviour.path("OriginRequestPolicyId").asText()).as("Managed-AllViewerExceptHostHeader")
                .isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
        assertThat(behaviour.path("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(config.has("Logging")).as("no access log at the edge").isFalse();
        assertThat(config.path("CustomErrorResponses")).isNotEmpty()
                .allSatisfy(error -> assertThat(error.path("ErrorCachingMinTTL").asInt()).isZero());
        assertThat(TEMPLATE.document().path("Outputs").path("ApiUrl").path("Value").path("Fn::Sub").asText())
                .isEqualTo("https://${ApiDistribution.DomainName}");
        assertThat(TEMPLATE.resources("AWS::WAFv2::WebACLAssociation"))
                .as("WAF cannot be associated with an HTTP API; CloudFront carries it").isEmpty();
    }

    @Test
    void the_edge_firewall_limits_each_client_address_and_stores_no_address_anywhere() throws Exception {
        SamTemplate edge = SamTemplate.load(SamTemplate.EDGE_FIREWALL_RESOURCE);
        Map<String, JsonNode> acls = edge.resources("AWS::WAFv2::WebACL");
        assertThat(acls).hasSize(1);
        JsonNode acl = acls.values().iterator().next().path("Properties");
        JsonNode body = JSON.readTree(acl.path("CustomResponseBodies").path("TooManyRequests").path("Content")
                .asText());

        assertThat(acl.path("Scope").asText()).as("a CloudFront distribution's web ACL").isEqualTo("CLOUDFRONT");
        assertThat(acl.path("DefaultAction").has("Allow")).isTrue();
        assertThat(acl.path("VisibilityConfig").path("SampledRequestsEnabled").asBoolean(true)).isFalse();
        assertThat(acl.path("Rules")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(rule -> {
            String name = rule.path("Name").asText();
            JsonNode rate = rule.path("Statement").path("RateBasedStatement");
            JsonNode response = rule.path("Action").path("Block").path("CustomResponse");
            assertThat(rate.path("AggregateKeyType").asText()).as(name).isEqualTo("IP");
            assertThat(rate.has("Limit")).as(name).isTrue();
            assertThat(rule.path("VisibilityConfig").path("SampledRequestsEnabled").asBoolean(true)).as(name)
                    .isFalse();
            assertThat(response.path("ResponseCode").asInt()).as(name).isEqualTo(429);
            assertThat(response.path("CustomResponseBodyKey").asText()).as(name).isEqualTo("TooManyRequests");
            assertThat(response.path("ResponseHeaders")).extracting(h -> h.path("Name").asText()).as(name)
                    .contains("Retry-After", "Cache-Control");
        });
        assertThat(acl.path("Rules").path(0).path("Statement").path("RateBasedStatement")
                .path("ScopeDownStatement").toString()).as("the tighter rule counts reports and replies")
                .contains("POST", "/v1/reports");
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("code").asText()).isEqualTo("too_many_requests");
        assertThat(body.path("type").asText()).isEqualTo("urn:senim:problem:too_many_requests");
        assertThat(edge.resources("AWS::WAFv2::LoggingConfiguration")).as("no request log, ever").isEmpty();
        assertThat(edge.document().path("Outputs").path("WebAclArn").path("Value").path("Fn::GetAtt").path(0)
                .asText()).isEqualTo(acls.keySet().iterator().next());
    }

    @Test
    void browsers_may_send_the_idempotency_key_and_receipt_headers_of_the_mobile_api() {
        JsonNode cors = TEMPLATE.resource("SenimHttpApi").path("Properties").path("CorsConfiguration");

        assertThat(cors.path("AllowHeaders")).extracting(h -> h.asText().toLowerCase(Locale.ROOT))
                .contains("content-type", "idempotency-key", "x-receipt", "accept-language", "authorization",
                        "if-match");
        assertThat(cors.path("ExposeHeaders")).extracting(h -> h.asText().toLowerCase(Locale.ROOT))
                .contains("location", "idempotent-replayed", "retry-after", "etag");
        assertThat(cors.path("AllowMethods")).extracting(JsonNode::asText).contains("GET", "POST", "PUT", "DELETE");
    }

    @Test
    void permissions_are_explicit_statements_never_sam_policy_templates_or_managed_policies() {
        for (String function : HANDLERS.keySet()) {
            JsonNode properties = TEMPLATE.functionProperties(function);
            assertThat(properties.has("Role")).as(function).isFalse();
            for (JsonNode policy : properties.path("Policies")) {
                assertThat(policy.has("Statement")).as(function + ": " + policy).isTrue();
            }
        }
    }

    @Test
    void no_statement_grants_a_wildcard_action_or_every_resource() {
        List<JsonNode> statements = allStatements();
        assertThat(statements).isNotEmpty();

        for (JsonNode statement : statements) {
            assertThat(statement.path("Effect").asText()).as(statement.toString()).isEqualTo("Allow");
            assertThat(statement.has("NotAction")).as(statement.toString()).isFalse();
            assertThat(statement.has("NotResource")).as(statement.toString()).isFalse();
            assertThat(values(statement.path("Action"))).as(statement.toString())
                    .allSatisfy(action -> assertThat(action).doesNotContain("*").matches("[a-z0-9]+:[A-Za-z]+"));
            assertThat(values(statement.path("Resource"))).as(statement.toString()).doesNotContain("*");
        }
    }

    @Test
    void each_function_may_do_exactly_what_its_use_case_needs() {
        assertThat(grants("SubmitReportFunction")).containsOnly(
                Map.entry("CasesTable.Arn", Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:ConditionCheckItem")),
                Map.entry("DirectoryTable.Arn", Set.of("dynamodb:GetItem", "dynamodb:Query")),
                Map.entry(RECEIPT_KEYS, Set.of("secretsmanager:GetSecretValue")),
                Map.entry(CONTENT_KEY, Set.of("kms:GenerateDataKey")),
                Map.entry(KEYS, Set.of("dynamodb:PutItem")));
        assertThat(grants("ReportStatusFunction")).containsOnly(
                Map.entry("CasesTable.Arn", Set.of("dynamodb:GetItem", "dynamodb:PutItem")),
                Map.entry(RECEIPT_KEYS, Set.of("secretsmanager:GetSecretValue")));
        assertThat(grants("AlertDispatcherFunction")).containsOnly(
                Map.entry("CasesTable.Arn", Set.of("dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:BatchGetItem")),
                Map.entry("DirectoryTable.Arn", Set.of("dynamodb:GetItem", "dynamodb:Query")),
                Map.entry(TOPIC_ARN_PREFIX + "*", Set.of("sns:Publish")));
        assertThat(grants("SweepAlertsFunction")).containsOnly(
                Map.entry(index("UnpublishedAlertsIndex"), Set.of("dynamodb:Query")),
                Map.entry("CasesTable.Arn", Set.of("dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:BatchGetItem")),
                Map.entry("DirectoryTable.Arn", Set.of("dynamodb:GetItem", "dynamodb:Query")),
                Map.entry(TOPIC_ARN_PREFIX + "*", Set.of("sns:Publish")));
        assertThat(grants("DirectorySeedFunction")).containsOnly(
                Map.entry("DirectoryTable.Arn", Set.of("dynamodb:PutItem", "dynamodb:BatchWriteItem",
                        "dynamodb:Query", "dynamodb:DeleteItem")));
        ISSUE_3_GRANTS.forEach((function, expected) ->
                assertThat(grants(function)).as(function).isEqualTo(expected));
    }

    private static final Map<String, Set<String>> SCOPE = Map.of(DIRECTORY, Set.of("dynamodb:Query"));

    /** Issue 3: reads GetItem/Query; a change is one TransactWriteItems, authorised per item action. */
    private static final Map<String, Map<String, Set<String>>> ISSUE_3_GRANTS = Map.ofEntries(
            Map.entry("CaseQueueFunction", with(SCOPE,
                    index("QueueIndex"), Set.of("dynamodb:Query"))),
            Map.entry("ReadCaseFunction", with(with(with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem")),
                    CONTENT_KEY, Set.of("kms:Decrypt")), KEYS, Set.of("dynamodb:GetItem"))),
            // The assignee is looked up in the people directory (GetItem of a PERSON item).
            Map.entry("AssignCaseFunction", Map.of(
                    DIRECTORY, Set.of("dynamodb:Query", "dynamodb:GetItem"),
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"))),
            Map.entry("ChangeCaseStatusFunction", sealing(with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem")))),
            Map.entry("CaseAuditFunction", with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"))),
            // Access follows from the alert id (organisation in it), or national scope (the directory type).
            Map.entry("AcknowledgeAlertFunction", with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"))),
            Map.entry("AcknowledgementLinkFunction", Map.of(
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"),
                    SECRET, Set.of("secretsmanager:GetSecretValue"))),
            Map.entry("ReferToServiceFunction", with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"))),
            // The provider is the caller's own organisation: no directory, no table reads.
            Map.entry("ProviderReferralsFunction", Map.of(
                    index("ProviderIndex"), Set.of("dynamodb:Query"))),
            // A referral's change is a conditional put of the whole item over its version, with the update of the
            // case's entry of the referral.
            Map.entry("ChangeReferralStatusFunction", sealing(with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem")))),
            Map.entry("PostCaseMessageFunction", sealing(with(SCOPE,
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:ConditionCheckItem")))),
            Map.entry("ReporterMessagesFunction", Map.of(
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"),
                    RECEIPT_KEYS, Set.of("secretsmanager:GetSecretValue"),
                    CONTENT_KEY, Set.of("kms:Decrypt"),
                    KEYS, Set.of("dynamodb:GetItem"))),
            Map.entry("ReporterReplyFunction", sealing(Map.of(
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:ConditionCheckItem"),
                    RECEIPT_KEYS, Set.of("secretsmanager:GetSecretValue")))),
            Map.entry("EscalateAlertsFunction", with(with(SCOPE,
                    index("PendingAlertsIndex"), Set.of("dynamodb:Query")),
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"))),
            // Issue 10: the people directory and the console's reads; the overview counts from the indexes only.
            Map.entry("MeFunction", Map.of(DIRECTORY, Set.of("dynamodb:Query", "dynamodb:GetItem"))),
            Map.entry("PeopleFunction", SCOPE),
            Map.entry("ProvidersFunction", SCOPE),
            Map.entry("OverviewFunction", with(with(with(SCOPE,
                    index("QueueIndex"), Set.of("dynamodb:Query")),
                    index("PendingAlertsIndex"), Set.of("dynamodb:Query")),
                    CASES, Set.of("dynamodb:PutItem"))),
            Map.entry("PostAuthenticationFunction", Map.of(DIRECTORY, Set.of("dynamodb:Query", "dynamodb:PutItem"))),
            // Erasure: the report changed over its version, the other items stripped, the keys deleted; no KMS.
            Map.entry("WithdrawReportFunction", Map.of(
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem"),
                    KEYS, Set.of("dynamodb:Query", "dynamodb:DeleteItem"),
                    RECEIPT_KEYS, Set.of("secretsmanager:GetSecretValue"))),
            Map.entry("EraseDueContentFunction", with(with(with(SCOPE,
                    index("RetentionIndex"), Set.of("dynamodb:Query")),
                    CASES, Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem")),
                    KEYS, Set.of("dynamodb:Query", "dynamodb:DeleteItem"))));

    /** A writer of typed text: it makes data keys and keeps each with its text. */
    private static Map<String, Set<String>> sealing(Map<String, Set<String>> grants) {
        return with(with(grants, CONTENT_KEY, Set.of("kms:GenerateDataKey")), KEYS, Set.of("dynamodb:PutItem"));
    }

    private static Set<String> with(Set<String> some, Set<String> more) {
        Set<String> all = new TreeSet<>(some);
        all.addAll(more);
        return all;
    }

    private static String index(String name) {
        return "${CasesTable.Arn}/index/" + name;
    }

    private static Map<String, Set<String>> with(Map<String, Set<String>> grants, String resource, Set<String> actions) {
        Map<String, Set<String>> more = new TreeMap<>(grants);
        more.put(resource, actions);
        return more;
    }

    @Test
    void indexes_are_only_ever_queried_and_only_those_of_the_cases_table_exist() {
        for (String function : HANDLERS.keySet()) {
            grants(function).forEach((resource, actions) -> {
                if (resource.contains("/index/")) {
                    assertThat(resource).as(function).isIn(index("QueueIndex"), index("PendingAlertsIndex"),
                            index("ProviderIndex"), index("UnpublishedAlertsIndex"), index("RetentionIndex"));
                    assertThat(actions).as(function + " on " + resource).containsOnly("dynamodb:Query");
                }
            });
        }
    }

    @Test
    void no_function_may_scan_delete_cases_or_write_in_batches() {
        for (String function : HANDLERS.keySet()) {
            grants(function).forEach((resource, actions) -> {
                assertThat(actions).as(function + " on " + resource)
                        .doesNotContain("dynamodb:Scan", "dynamodb:PartiQLSelect", "dynamodb:PartiQLUpdate");
                if (resource.startsWith("CasesTable") || resource.contains("CasesTable.Arn")) {
                    assertThat(actions).as(function + " on " + resource)
                            .doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
                }
            });
        }
    }

    @Test
    void the_regions_function_has_no_aws_permissions_at_all() {
        JsonNode properties = TEMPLATE.functionProperties("RegionsFunction");

        assertThat(properties.has("Policies")).isFalse();
        assertThat(properties.has("Role")).isFalse();
        assertThat(grants("RegionsFunction")).isEmpty();
    }

    @Test
    void the_outputs_name_the_api_tables_and_dead_letter_queue() {
        assertThat(TEMPLATE.document().path("Outputs").fieldNames()).toIterable()
                .contains("ApiUrl", "CasesTableName", "DirectoryTableName", "AlertDeadLetterQueueUrl",
                        "UserPoolId", "UserPoolClientId", "OperationsTopicArn");
        assertThat(TEMPLATE.document().path("Outputs").path("UserPoolId").path("Value").path("Ref").asText())
                .isEqualTo("UserPool");
        assertThat(TEMPLATE.document().path("Outputs").path("UserPoolClientId").path("Value").path("Ref").asText())
                .isEqualTo("UserPoolClient");
        assertThat(TEMPLATE.document().path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode getAtt(String resource, String attribute) {
        return JSON.createObjectNode().set("Fn::GetAtt", JSON.createArrayNode().add(resource).add(attribute));
    }

    /** Resource (GetAtt as {@code Resource.Attribute}, Sub as its template, Ref as the id) → actions granted on it. */
    private static Map<String, Set<String>> grants(String function) {
        Map<String, Set<String>> grants = new HashMap<>();
        for (JsonNode policy : TEMPLATE.functionProperties(function).path("Policies")) {
            for (JsonNode statement : policy.path("Statement")) {
                for (JsonNode resource : elements(statement.path("Resource"))) {
                    String key = resource.has("Fn::GetAtt")
                            ? resource.path("Fn::GetAtt").path(0).asText() + "." + resource.path("Fn::GetAtt").path(1).asText()
                            : resource.has("Fn::Sub") ? resource.path("Fn::Sub").asText()
                            : resource.has("Ref") ? resource.path("Ref").asText() : resource.asText();
                    grants.computeIfAbsent(key, k -> new TreeSet<>()).addAll(values(statement.path("Action")));
                }
            }
        }
        return grants;
    }

    /** Statements of every function's Policies and of any IAM role or policy declared directly. */
    private static List<JsonNode> allStatements() {
        List<JsonNode> statements = new ArrayList<>();
        for (String function : TEMPLATE.resources(SamTemplate.FUNCTION_TYPE).keySet()) {
            TEMPLATE.functionProperties(function).path("Policies")
                    .forEach(policy -> policy.path("Statement").forEach(statements::add));
        }
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            TEMPLATE.resources(type).values().forEach(resource -> {
                JsonNode properties = resource.path("Properties");
                properties.path("PolicyDocument").path("Statement").forEach(statements::add);
                properties.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement")
                        .forEach(statements::add));
            });
        }
        return statements;
    }

    private static List<JsonNode> elements(JsonNode valueOrList) {
        List<JsonNode> elements = new ArrayList<>();
        if (valueOrList.isArray()) {
            valueOrList.forEach(elements::add);
        } else if (!valueOrList.isMissingNode()) {
            elements.add(valueOrList);
        }
        return elements;
    }

    private static List<String> values(JsonNode stringOrList) {
        List<String> values = new ArrayList<>();
        if (stringOrList.isArray()) {
            stringOrList.forEach(v -> values.add(v.isTextual() ? v.textValue() : v.toString()));
        } else if (!stringOrList.isMissingNode()) {
            values.add(stringOrList.isTextual() ? stringOrList.textValue() : stringOrList.toString());
        }
        return values;
    }

    private static Set<String> contextVariables(String format) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$[a-zA-Z]+(\\.[a-zA-Z0-9_-]+)*").matcher(format);
        while (matcher.find()) {
            variables.add(matcher.group());
        }
        return variables;
    }

    private static Set<String> without(Set<String> all, Set<String> removed) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static String pascalCase(String id) {
        return java.util.Arrays.stream(id.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
