package kz.senim.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The staff console's hosting in template.yaml: a private bucket that only the stack's CloudFront distribution reads,
 * strict security headers on every response, sign-in through the hosted UI with the code flow and PKCE, the API's
 * CORS limited to the console's origin, and the console's settings written at deploy time with no secret in them.
 */
class ConsoleHostingTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void the_console_bucket_is_private_encrypted_and_read_by_the_distribution_only() {
        JsonNode bucket = TEMPLATE.resource("ConsoleBucket").path("Properties");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                .allSatisfy(setting -> assertThat(block.path(setting).asBoolean()).as(setting).isTrue());
        assertThat(bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).isNotBlank();
        assertThat(bucket.has("WebsiteConfiguration")).isFalse();
        assertThat(bucket.has("AccessControl")).isFalse();

        JsonNode statements = TEMPLATE.resource("ConsoleBucketPolicy").path("Properties").path("PolicyDocument")
                .path("Statement");
        List<JsonNode> allows = new ArrayList<>();
        statements.forEach(statement -> {
            if (statement.path("Effect").asText().equals("Allow")) {
                allows.add(statement);
            }
        });
        assertThat(allows).singleElement().satisfies(allow -> {
            assertThat(allow.path("Principal").path("Service").asText()).isEqualTo("cloudfront.amazonaws.com");
            assertThat(allow.path("Condition").path("StringEquals").path("AWS:SourceArn").path("Fn::Sub").asText())
                    .endsWith(":distribution/${ConsoleDistribution}");
            assertThat(allow.path("Action").toString()).doesNotContain("Put", "Delete", "s3:*");
        });
        assertThat(statements.toString()).contains("aws:SecureTransport");
    }

    @Test
    void the_distribution_reads_the_bucket_through_origin_access_control_over_https_only() {
        JsonNode config = TEMPLATE.resource("ConsoleDistribution").path("Properties").path("DistributionConfig");
        JsonNode origin = config.path("Origins").path(0);
        assertThat(origin.path("OriginAccessControlId").path("Fn::GetAtt").path(0).asText())
                .isEqualTo("ConsoleOriginAccessControl");
        assertThat(origin.path("S3OriginConfig").path("OriginAccessIdentity").asText()).isEmpty();
        assertThat(TEMPLATE.resource("ConsoleOriginAccessControl").path("Properties")
                .path("OriginAccessControlConfig").path("SigningBehavior").asText()).isEqualTo("always");

        List<JsonNode> behaviours = new ArrayList<>();
        behaviours.add(config.path("DefaultCacheBehavior"));
        config.path("CacheBehaviors").forEach(behaviours::add);
        assertThat(behaviours).hasSizeGreaterThanOrEqualTo(2).allSatisfy(behaviour -> {
            assertThat(behaviour.path("ViewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
            assertThat(behaviour.path("ResponseHeadersPolicyId").path("Ref").asText())
                    .isEqualTo("ConsoleResponseHeadersPolicy");
        });
    }

    @Test
    void every_console_response_carries_a_strict_csp_hsts_no_referrer_and_nosniff() {
        JsonNode headers = TEMPLATE.resource("ConsoleResponseHeadersPolicy").path("Properties")
                .path("ResponseHeadersPolicyConfig").path("SecurityHeadersConfig");
        String csp = headers.path("ContentSecurityPolicy").path("ContentSecurityPolicy").path("Fn::Sub").asText();

        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "data:", " * ", "http:");
        assertThat(directive(csp, "connect-src")).contains("'self'", "https://*.cloudfront.net",
                "https://${ConsoleSignInDomain}.auth.${AWS::Region}.amazoncognito.com")
                .as("never the API's own address, which is not behind the edge firewall").doesNotContain("execute-api");
        assertThat(headers.path("ContentSecurityPolicy").path("Override").asBoolean()).isTrue();
        assertThat(headers.path("StrictTransportSecurity").path("AccessControlMaxAgeSec").asInt())
                .isGreaterThanOrEqualTo(31536000);
        assertThat(headers.path("ReferrerPolicy").path("ReferrerPolicy").asText()).isEqualTo("no-referrer");
        assertThat(headers.path("ContentTypeOptions").path("Override").asBoolean()).isTrue();
        assertThat(headers.path("FrameOptions").path("FrameOption").asText()).isEqualTo("DENY");
    }

    @Test
    void the_apis_cors_allows_the_consoles_origin_and_never_every_origin() {
        JsonNode origins = TEMPLATE.resource("SenimHttpApi").path("Properties").path("CorsConfiguration")
                .path("AllowOrigins").path("Fn::If");
        assertThat(origins.path(0).asText()).isEqualTo("HasCorsAllowOrigin");
        for (JsonNode branch : List.of(origins.path(1), origins.path(2))) {
            assertThat(branch.path(0).path("Fn::Sub").asText()).isEqualTo("https://${ConsoleDistribution.DomainName}");
            assertThat(branch.toString()).doesNotContain("\"*\"");
        }
        assertThat(TEMPLATE.document().path("Parameters").path("CorsAllowOrigin").path("Default").asText()).isEmpty();
        assertThat(TEMPLATE.document().path("Parameters").path("CorsAllowOrigin").path("AllowedPattern").asText())
                .startsWith("^$|^https://");
    }

    @Test
    void the_console_signs_in_with_the_code_flow_on_its_own_url_and_the_api_accepts_its_tokens() {
        JsonNode client = TEMPLATE.resource("ConsoleUserPoolClient").path("Properties");
        assertThat(client.path("GenerateSecret").asBoolean(true)).isFalse();
        assertThat(client.path("AllowedOAuthFlows")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.path("AllowedOAuthScopes")).extracting(JsonNode::asText).contains("openid");
        assertThat(client.path("CallbackURLs")).singleElement()
                .satisfies(url -> assertThat(url.path("Fn::Sub").asText())
                        .isEqualTo("https://${ConsoleDistribution.DomainName}/"));
        assertThat(client.path("LogoutURLs")).isEqualTo(client.path("CallbackURLs"));
        assertThat(client.path("WriteAttributes").toString()).doesNotContain("custom:");

        JsonNode audience = TEMPLATE.resource("SenimHttpApi").path("Properties").path("Auth").path("Authorizers")
                .path("SenimJwt").path("JwtConfiguration").path("audience");
        assertThat(audience).extracting(a -> a.path("Ref").asText()).contains("UserPoolClient", "ConsoleUserPoolClient");
        assertThat(TEMPLATE.resource("ConsoleSignInDomain").path("Properties").path("UserPoolId").path("Ref").asText())
                .isEqualTo("UserPool");
    }

    @Test
    void the_consoles_settings_are_written_at_deploy_time_with_nothing_secret_in_them() {
        JsonNode config = TEMPLATE.resource("ConsoleConfig").path("Properties");
        List<String> names = new ArrayList<>();
        config.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("ServiceToken", "Bucket", "ApiUrl", "CognitoDomain", "ClientId");
        assertThat(config.path("ApiUrl").path("Fn::Sub").asText()).as("the API behind the edge firewall")
                .isEqualTo("https://${ApiDistribution.DomainName}");
        assertThat(config.path("ClientId").path("Ref").asText()).isEqualTo("ConsoleUserPoolClient");

        String code = TEMPLATE.resource("ConsoleConfigFunction").path("Properties").path("Code").path("ZipFile")
                .asText();
        assertThat(code).contains("Key=\"config.json\"", "\"mode\": \"cognito\"", "CacheControl=\"no-cache\"");
        JsonNode statements = TEMPLATE.resource("ConsoleConfigRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement");
        assertThat(statements.path(0).path("Resource").path("Fn::Sub").asText())
                .isEqualTo("${ConsoleBucket.Arn}/config.json");
    }

    @Test
    void the_stack_outputs_the_console_url_bucket_and_distribution() {
        JsonNode outputs = TEMPLATE.document().path("Outputs");
        assertThat(outputs.path("ConsoleUrl").path("Value").path("Fn::Sub").asText())
                .isEqualTo("https://${ConsoleDistribution.DomainName}/");
        assertThat(outputs.path("ConsoleBucketName").path("Value").path("Ref").asText()).isEqualTo("ConsoleBucket");
        assertThat(outputs.path("ConsoleDistributionId").path("Value").path("Ref").asText())
                .isEqualTo("ConsoleDistribution");
    }

    private static String directive(String csp, String name) {
        for (String directive : csp.split(";")) {
            if (directive.trim().startsWith(name + " ")) {
                return directive.trim();
            }
        }
        throw new AssertionError("no " + name + " in " + csp);
    }
}
