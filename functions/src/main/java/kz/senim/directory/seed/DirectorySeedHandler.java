package kz.senim.directory.seed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kz.senim.cases.Failures;
import kz.senim.directory.DirectoryData;
import kz.senim.directory.dynamodb.DirectorySeeder;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudFormation custom resource {@code Custom::DirectorySeed}: on every deploy, makes the directory table say what
 * {@code organisations.json} says. Deleting the stack leaves the table to CloudFormation.
 */
public final class DirectorySeedHandler implements RequestHandler<CloudFormationCustomResourceEvent, String> {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySeedHandler.class);
    private static final String PHYSICAL_ID = "senim-directory-seed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DirectorySeeder seeder;
    private final HttpClient http;

    public DirectorySeedHandler() {
        this(Wiring.fromEnvironment());
    }

    public DirectorySeedHandler(Wiring wiring) {
        this(wiring.directorySeeder(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    public DirectorySeedHandler(DirectorySeeder seeder, HttpClient http) {
        this.seeder = seeder;
        this.http = http;
    }

    @Override
    public String handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        ObjectNode response = JSON.createObjectNode()
                .put("PhysicalResourceId", PHYSICAL_ID)
                .put("StackId", event.getStackId())
                .put("RequestId", event.getRequestId())
                .put("LogicalResourceId", event.getLogicalResourceId());
        try {
            if (!"Delete".equals(event.getRequestType())) {
                int seeded = seeder.seed(DirectoryData.seed());
                response.putObject("Data").put("Organisations", seeded);
                LOG.info("directory seeded organisations={}", seeded);
            }
            response.put("Status", "SUCCESS");
        } catch (RuntimeException e) {
            LOG.error("directory seed failed: {}", Failures.describe(e));
            response.put("Status", "FAILED").put("Reason", "Directory seed failed: " + e.getClass().getSimpleName()
                    + ". See the function's log.");
        }
        respond(event.getResponseUrl(), response.toString());
        return response.get("Status").asText();
    }

    private void respond(String url, String body) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("custom resource response sent status={}", answer.statusCode());
        } catch (IOException e) {
            throw new IllegalStateException("could not answer CloudFormation", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted answering CloudFormation", e);
        }
    }
}
