package kz.senim.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The reader itself: CloudFormation YAML in both intrinsic forms, SAM Globals, and table requests. */
class SamTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SHORT_FORM = """
            Resources:
              Thing:
                Type: AWS::Test::Thing
                Properties:
                  Ref: !Ref Table
                  Attribute: !GetAtt Table.StreamArn
                  NestedAttribute: !GetAtt Cluster.Endpoint.Address
                  ListAttribute: !GetAtt [Table, Arn]
                  Sub: !Sub ${AWS::StackName}-cases
                  SubWithMap: !Sub
                    - ${Name}-x
                    - Name: !Ref AWS::StackName
                  Join: !Join ['', [arn:, !Ref AWS::Partition]]
                  If: !If [HasEmail, !Ref Email, !Ref AWS::NoValue]
                  Not: !Not [!Equals [!Ref Email, '']]
                  Condition: !Condition HasEmail
                  Select: !Select [0, !GetAZs '']
                  Base64: !Base64 text
                  FindInMap: !FindInMap [Map, !Ref AWS::Region, Key]
            """;

    private static final String LONG_FORM = """
            Resources:
              Thing:
                Type: AWS::Test::Thing
                Properties:
                  Ref: {Ref: Table}
                  Attribute: {"Fn::GetAtt": [Table, StreamArn]}
                  NestedAttribute: {"Fn::GetAtt": [Cluster, Endpoint.Address]}
                  ListAttribute:
                    Fn::GetAtt: [Table, Arn]
                  Sub:
                    Fn::Sub: ${AWS::StackName}-cases
                  SubWithMap:
                    Fn::Sub:
                      - ${Name}-x
                      - Name: {Ref: AWS::StackName}
                  Join: {"Fn::Join": ['', [arn:, {Ref: AWS::Partition}]]}
                  If: {"Fn::If": [HasEmail, {Ref: Email}, {Ref: AWS::NoValue}]}
                  Not: {"Fn::Not": [{"Fn::Equals": [{Ref: Email}, '']}]}
                  Condition: {Condition: HasEmail}
                  Select: {"Fn::Select": [0, {"Fn::GetAZs": ''}]}
                  Base64: {"Fn::Base64": text}
                  FindInMap: {"Fn::FindInMap": [Map, {Ref: AWS::Region}, Key]}
            """;

    @Test
    void short_form_intrinsics_read_exactly_like_their_long_form() {
        assertThat(SamTemplate.parse(SHORT_FORM).document()).isEqualTo(SamTemplate.parse(LONG_FORM).document());
    }

    @Test
    void short_form_intrinsics_become_cloudformation_json() throws Exception {
        JsonNode properties = SamTemplate.parse(SHORT_FORM).resource("Thing").path("Properties");

        assertThat(properties.path("Ref")).isEqualTo(JSON.readTree("{\"Ref\":\"Table\"}"));
        assertThat(properties.path("Attribute")).isEqualTo(JSON.readTree("{\"Fn::GetAtt\":[\"Table\",\"StreamArn\"]}"));
        assertThat(properties.path("NestedAttribute"))
                .isEqualTo(JSON.readTree("{\"Fn::GetAtt\":[\"Cluster\",\"Endpoint.Address\"]}"));
        assertThat(properties.path("Sub")).isEqualTo(JSON.readTree("{\"Fn::Sub\":\"${AWS::StackName}-cases\"}"));
        assertThat(properties.path("If")).isEqualTo(JSON.readTree(
                "{\"Fn::If\":[\"HasEmail\",{\"Ref\":\"Email\"},{\"Ref\":\"AWS::NoValue\"}]}"));
        assertThat(properties.path("Select")).isEqualTo(JSON.readTree("{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}"));
    }

    @Test
    void plain_scalars_keep_their_yaml_types_and_standard_tags_are_not_intrinsics() {
        JsonNode properties = SamTemplate.parse("""
                Resources:
                  Thing:
                    Type: AWS::Test::Thing
                    Properties:
                      Number: 15
                      Yes: true
                      QuotedYes: 'true'
                      ExplicitString: !!str 15
                      Version: '2012-10-17'
                """).resource("Thing").path("Properties");

        assertThat(properties.path("Number").isInt()).isTrue();
        assertThat(properties.path("Yes").isBoolean()).isTrue();
        assertThat(properties.path("QuotedYes").isTextual()).isTrue();
        assertThat(properties.path("ExplicitString").asText()).isEqualTo("15");
        assertThat(properties.path("ExplicitString").isTextual()).isTrue();
        assertThat(properties.path("Version").asText()).isEqualTo("2012-10-17");
    }

    @Test
    void a_duplicate_key_is_an_error_as_in_cloudformation() {
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  Thing:
                    Type: AWS::Test::Thing
                  Thing:
                    Type: AWS::Test::Other
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate key 'Thing'");
    }

    @Test
    void a_malformed_short_getatt_is_an_error() {
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  Thing:
                    Type: AWS::Test::Thing
                    Properties: {A: !GetAtt Table}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("!GetAtt");
    }

    @Test
    void a_template_needs_resources() {
        assertThatThrownBy(() -> SamTemplate.parse("Description: nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void function_properties_merge_globals_the_way_sam_does() {
        SamTemplate template = SamTemplate.parse("""
                Globals:
                  Function:
                    Runtime: java21
                    Timeout: 15
                    Layers: [global-layer]
                    Environment:
                      Variables:
                        SHARED: one
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b.C::handleRequest
                      Timeout: 30
                      Layers: [own-layer]
                      Environment:
                        Variables:
                          OWN: !Ref Table
                      Events:
                        Post:
                          Type: HttpApi
                          Properties: {Method: post, Path: /v1/things}
                        Stream:
                          Type: DynamoDB
                          Properties: {Stream: !GetAtt Table.StreamArn}
                """);

        JsonNode properties = template.functionProperties("Fn");

        assertThat(properties.path("Runtime").asText()).isEqualTo("java21");
        assertThat(properties.path("Timeout").asInt()).isEqualTo(30);
        assertThat(properties.path("Layers")).extracting(JsonNode::asText).containsExactly("global-layer", "own-layer");
        assertThat(properties.path("Environment").path("Variables").path("OWN").path("Ref").asText())
                .isEqualTo("Table");
        assertThat(template.functions()).containsExactly(new SamTemplate.Function("Fn", "a.b.C::handleRequest",
                java.util.Set.of("OWN", "SHARED"), List.of(new SamTemplate.HttpRoute("POST", "/v1/things"))));
    }

    @Test
    void a_routes_authorizer_is_its_own_else_the_apis_default_and_none_opens_it() {
        SamTemplate template = SamTemplate.parse("""
                Globals:
                  HttpApi:
                    Auth: {DefaultAuthorizer: GlobalJwt}
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers: {Jwt: {IdentitySource: $request.header.Authorization}}
                        DefaultAuthorizer: Jwt
                  OpenApi:
                    Type: AWS::Serverless::HttpApi
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b.C::handleRequest
                      Events:
                        Default: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: get, Path: /a}}
                        Own: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /b, Auth: {Authorizer: Other}}}
                        Open: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: POST, Path: /c, Auth: {Authorizer: NONE}}}
                        NoDefault: {Type: HttpApi, Properties: {ApiId: !Ref OpenApi, Method: GET, Path: /d}}
                        Implicit: {Type: HttpApi, Properties: {Method: GET, Path: /e}}
                """);

        assertThat(template.authorizer(new SamTemplate.HttpRoute("GET", "/a"))).contains("Jwt");
        assertThat(template.authorizer(new SamTemplate.HttpRoute("GET", "/b"))).contains("Other");
        assertThat(template.authorizer(new SamTemplate.HttpRoute("POST", "/c"))).isEmpty();
        assertThat(template.authorizer(new SamTemplate.HttpRoute("GET", "/d"))).isEmpty();
        assertThat(template.authorizer(new SamTemplate.HttpRoute("GET", "/e"))).contains("GlobalJwt");
        assertThatThrownBy(() -> template.authorizer(new SamTemplate.HttpRoute("GET", "/c")))
                .hasMessageContaining("GET /c");
    }

    @Test
    void a_routes_throttle_is_its_own_route_setting_else_the_apis_default_else_none() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefaultRouteSettings: {ThrottlingRateLimit: 20, ThrottlingBurstLimit: 50}
                      RouteSettings:
                        'POST /v1/reports': {ThrottlingRateLimit: 0.5, ThrottlingBurstLimit: 10}
                        'GET /v1/reports/{reference}': {DetailedMetricsEnabled: true}
                  Unthrottled:
                    Type: AWS::Serverless::HttpApi
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b.C::handleRequest
                      Events:
                        Own: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: post, Path: /v1/reports}}
                        NoThrottle: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: '/v1/reports/{reference}'}}
                        Default: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /v1/regions}}
                        None: {Type: HttpApi, Properties: {ApiId: !Ref Unthrottled, Method: GET, Path: /v1/other}}
                """);

        assertThat(template.throttle(new SamTemplate.HttpRoute("POST", "/v1/reports")))
                .contains(new SamTemplate.Throttle(0.5, 10));
        assertThat(template.throttle(new SamTemplate.HttpRoute("GET", "/v1/reports/{reference}")))
                .as("a route setting without a throttle keeps the default").contains(new SamTemplate.Throttle(20, 50));
        assertThat(template.throttle(new SamTemplate.HttpRoute("GET", "/v1/regions")))
                .contains(new SamTemplate.Throttle(20, 50));
        assertThat(template.throttle(new SamTemplate.HttpRoute("GET", "/v1/other"))).isEmpty();
        assertThatThrownBy(() -> template.throttle(new SamTemplate.HttpRoute("DELETE", "/v1/reports")))
                .hasMessageContaining("DELETE /v1/reports");
    }

    @Test
    void a_throttle_without_both_limits_or_with_a_limit_below_one_is_refused() {
        for (String settings : List.of("{ThrottlingRateLimit: 5}", "{ThrottlingBurstLimit: 5}",
                "{ThrottlingRateLimit: 0, ThrottlingBurstLimit: 5}", "{ThrottlingRateLimit: 1, ThrottlingBurstLimit: 0}",
                "{ThrottlingRateLimit: 1, ThrottlingBurstLimit: 2.5}", "{ThrottlingRateLimit: !Ref Rate, ThrottlingBurstLimit: 5}")) {
            SamTemplate template = SamTemplate.parse("""
                    Resources:
                      Api:
                        Type: AWS::Serverless::HttpApi
                        Properties:
                          DefaultRouteSettings: %s
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Events:
                            Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /a}}
                    """.formatted(settings));

            assertThatThrownBy(() -> template.throttle(new SamTemplate.HttpRoute("GET", "/a"))).as(settings)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("throttle");
        }
    }

    @Test
    void create_table_requests_carry_indexes_projections_and_provisioned_throughput() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Things:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub ${AWS::StackName}-things
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: sk, AttributeType: S}
                        - {AttributeName: region, AttributeType: S}
                        - {AttributeName: at, AttributeType: N}
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                        - {AttributeName: sk, KeyType: RANGE}
                      BillingMode: PROVISIONED
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 2}
                      GlobalSecondaryIndexes:
                        - IndexName: byRegion
                          KeySchema: [{AttributeName: region, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                          Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [status]}
                          ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                      LocalSecondaryIndexes:
                        - IndexName: byTime
                          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                          Projection: {ProjectionType: KEYS_ONLY}
                      TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: false}
                """);

        CreateTableRequest request = template.tables(id -> "local-" + id).getFirst();

        assertThat(request.tableName()).isEqualTo("local-Things");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(request.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(request.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byRegion");
            assertThat(index.keySchema()).extracting(k -> k.attributeName()).containsExactly("region", "at");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
            assertThat(index.projection().nonKeyAttributes()).containsExactly("status");
            assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(1L);
        });
        assertThat(request.localSecondaryIndexes()).singleElement().satisfies(index ->
                assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY));
        assertThat(request.streamSpecification()).isNull();
        assertThat(template.ttlAttribute("Things")).isEmpty();
        assertThat(template.tableName("Things", "dev")).isEqualTo("dev-things");
    }

    @Test
    void values_that_only_cloudformation_can_resolve_are_refused_with_their_location() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Things:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub ${AWS::StackName}-${Stage}-things
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: !Ref KeyName, KeyType: HASH}]
                      BillingMode: PAY_PER_REQUEST
                """);

        assertThatThrownBy(() -> template.tables(id -> "t")).hasMessageContaining("Things.KeySchema");
        assertThatThrownBy(() -> template.tableName("Things", "senim")).hasMessageContaining("${Stage}");
        assertThatThrownBy(() -> template.resource("Missing")).hasMessageContaining("Missing");
    }
}
