package kz.senim.wiring;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kz.senim.cases.Failures;
import kz.senim.cases.KeyEncryptionKey;
import kz.senim.cases.Reference;
import kz.senim.cases.kms.KmsKeyEncryptionKey;
import kz.senim.http.HttpResponses;
import kz.senim.http.JsonObject;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * SnapStart priming (issue 9): before Lambda snapshots an initialised function, this checkpoint hook runs, once,
 * what a first invocation would otherwise run for the first time after every restore: the AWS SDK's request path for
 * each client the function built (endpoint rules, marshalling, signing, unmarshalling), Jackson's reading and writing,
 * every language's message bundle, the JCA's MACs, ciphers and digests. It writes nothing and reads nothing: the
 * requests go to {@link StandIn}, an HTTP client that answers them itself (clients of their own, with dummy
 * credentials, so the function's role is never asked for credentials), and no key of Senim's is read: the link and
 * receipt keys are read on first use, after the restore. A failure here is logged and ignored: priming only saves
 * time.
 *
 * <p>Registered by {@link Wiring#fromEnvironment()} only, so the handlers Lambda makes prime, and tests and the local
 * runner do not.
 */
final class Priming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    /** The CRaC context holds its resources weakly. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();
    private static final String TABLE = "senim-priming";
    private static final String KEY_ARN =
            "arn:aws:kms:eu-central-1:000000000000:key/00000000-0000-0000-0000-000000000000";

    private final Wiring wiring;

    Priming(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Primes {@code wiring}'s function before its snapshot is taken. */
    static void onCheckpoint(Wiring wiring) {
        Priming priming = new Priming(wiring);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: no connection was opened and nothing secret was read before the snapshot
    }

    /** What was primed ({@code dynamodb:Query}, {@code json}, ...), in order; a part that failed is logged, skipped. */
    List<String> prime() {
        List<String> primed = new ArrayList<>();
        part(primed, "json", Priming::json);
        part(primed, "crypto", Priming::crypto);
        Region region = wiring.region();
        StandIn standIn = new StandIn();
        if (wiring.built(DynamoDbClient.class)) {
            part(primed, "dynamodb", () -> dynamoDb(region, standIn));
        }
        if (wiring.built(SnsClient.class)) {
            part(primed, "sns", () -> sns(region, standIn));
        }
        if (wiring.built(KmsClient.class)) {
            part(primed, "kms", () -> kms(region, standIn));
        }
        primed.addAll(standIn.answered());
        LOG.info("primed {}", String.join(" ", primed));
        return primed;
    }

    private static void part(List<String> primed, String name, Runnable part) {
        try {
            part.run();
            primed.add(name);
        } catch (RuntimeException | LinkageError failure) {
            LOG.warn("priming {} skipped: {}", name, Failures.describe(failure));
        }
    }

    /** A request body read strictly, answers and problems written in every language. */
    private static void json() {
        JsonObject.parse("{\"language\":\"kk\",\"region\":\"KZ-75\",\"immediateDanger\":false,\"count\":1}");
        HttpResponses.json(200, HttpResponses.JSON.createObjectNode().put("reference", "SN-0000-0000-0000")
                .put("status", "received").putArray("items").addObject().put("at", "2026-01-01T00:00:00Z"));
        for (Language language : Language.values()) {
            HttpResponses.problem(Problem.notFound(), language);
        }
    }

    /** The algorithms Senim's own code uses, under throwaway keys. */
    private static void crypto() {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            MessageDigest.getInstance("SHA-256").digest(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.doFinal(key);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
            gcm.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every kind of call Senim's DynamoDB adapters make. */
    private static void dynamoDb(Region region, StandIn standIn) {
        try (DynamoDbClient client = DynamoDbClient.builder().region(region).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRIMING#0"),
                    "sk", AttributeValue.fromS("PRIMING"));
            Map<String, AttributeValue> item = Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                    "version", AttributeValue.fromN("1"), "tags", AttributeValue.fromSs(List.of("a", "b")),
                    "details", AttributeValue.fromM(Map.of("flag", AttributeValue.fromBool(true))));
            client.getItem(r -> r.tableName(TABLE).key(key).consistentRead(true));
            client.queryPaginator(r -> r.tableName(TABLE).indexName("QueueIndex")
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                    .expressionAttributeNames(Map.of("#pk", "gsi1pk", "#sk", "gsi1sk"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("QUEUE#KZ-75"),
                            ":sk", AttributeValue.fromS("2026")))
                    .limit(25).scanIndexForward(true)).items().forEach(found -> { });
            client.putItem(r -> r.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(pk)"));
            client.updateItem(r -> r.tableName(TABLE).key(key)
                    .updateExpression("SET #v = #v + :one REMOVE #gone")
                    .conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version", "#gone", "claimedUntil"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":v", AttributeValue.fromN("1")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            client.transactWriteItems(r -> r.transactItems(
                    w -> w.put(p -> p.tableName(TABLE).item(item).conditionExpression("attribute_not_exists(pk)")),
                    w -> w.update(u -> u.tableName(TABLE).key(key).updateExpression("SET #v = :v")
                            .expressionAttributeNames(Map.of("#v", "version"))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("2")))),
                    w -> w.conditionCheck(c -> c.tableName(TABLE).key(key).conditionExpression("attribute_exists(pk)"))));
            client.batchGetItem(r -> r.requestItems(Map.of(TABLE,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build())));
            client.deleteItem(r -> r.tableName(TABLE).key(key));
        }
    }

    /** A page as the dispatcher publishes it: one JSON per protocol, and the attributes filter policies read. */
    private static void sns(Region region, StandIn standIn) {
        try (SnsClient client = SnsClient.builder().region(region).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            client.publish(r -> r.topicArn("arn:aws:sns:" + region.id() + ":000000000000:senim-priming")
                    .messageStructure("json").subject("Senim")
                    .message("{\"default\":\"{}\",\"sms\":\"Senim\",\"email\":\"Senim\"}")
                    .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String")
                            .stringValue("high").build())));
        }
    }

    /** A content key made and unwrapped as content is written and read: Senim's KMS adapter, a throwaway key id. */
    private static void kms(Region region, StandIn standIn) {
        try (KmsClient client = KmsClient.builder().region(region).httpClient(standIn)
                .credentialsProvider(standIn.credentials()).build()) {
            KeyEncryptionKey key = new KmsKeyEncryptionKey(client, KEY_ARN);
            Reference reference = new Reference("SN-0000-0000-0000");
            key.unwrap(reference, key.newDataKey(reference).wrapped());
        }
    }

    /**
     * An HTTP client that sends nothing: it answers each AWS call itself, with the smallest well-formed answer of
     * its operation ({@code {}} for DynamoDB's, an empty page for a query, a message id for SNS's publish, a
     * throwaway AES-256 key for KMS's).
     */
    static final class StandIn implements SdkHttpClient {

        private final List<String> answered = Collections.synchronizedList(new ArrayList<>());

        StaticCredentialsProvider credentials() {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "PRIMING"));
        }

        List<String> answered() {
            return List.copyOf(answered);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return answer(request);
                }

                @Override
                public void abort() {
                }
            };
        }

        private HttpExecuteResponse answer(HttpExecuteRequest request) {
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            String operation = target.substring(target.indexOf('.') + 1);
            String contentType = "application/x-amz-json-1.0";
            String body = "{}";
            if (target.startsWith("DynamoDB_")) {
                operation = "dynamodb:" + operation;
                body = switch (operation) {
                    case "dynamodb:Query" -> "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}";
                    case "dynamodb:BatchGetItem" -> "{\"Responses\":{},\"UnprocessedKeys\":{}}";
                    default -> "{}";
                };
            } else if (target.startsWith("TrentService.")) {
                operation = "kms:" + operation;
                contentType = "application/x-amz-json-1.1";
                String blob = Base64.getEncoder().encodeToString(new byte[32]);
                String keyId = "\"KeyId\":\"" + KEY_ARN + "\"";
                body = switch (operation) {
                    case "kms:GenerateDataKey" -> "{\"CiphertextBlob\":\"" + blob + "\"," + keyId
                            + ",\"Plaintext\":\"" + blob + "\"}";
                    case "kms:Decrypt" -> "{\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"," + keyId
                            + ",\"Plaintext\":\"" + blob + "\"}";
                    default -> throw new IllegalStateException("priming has no answer for " + target);
                };
            } else if (target.isEmpty() && request.httpRequest().host().startsWith("sns.")) {
                operation = "sns:Publish";
                contentType = "text/xml";
                body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>00000000-0000-0000-0000-000000000000</MessageId></PublishResult>"
                        + "<ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></PublishResponse>";
            } else {
                throw new IllegalStateException("priming has no answer for " + request.httpRequest().host() + " "
                        + target);
            }
            answered.add(operation);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", contentType)
                            .putHeader("Content-Length", Integer.toString(bytes.length))
                            .putHeader("x-amzn-RequestId", "priming").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                    .build();
        }

        @Override
        public String clientName() {
            return "SenimPriming";
        }

        @Override
        public void close() {
        }
    }
}
