package kz.senim.directory.seed;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kz.senim.testing.HttpApiEvents;

/**
 * Stands in for the pre-signed S3 URL CloudFormation gives a custom resource to answer on: a JDK HTTP server on the
 * loopback interface that keeps every request it receives.
 */
public final class CloudFormationResponseUrl implements AutoCloseable {

    /** One answer as CloudFormation's bucket would receive it. */
    public record Answer(String method, String rawPathAndQuery, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return HttpApiEvents.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the custom resource response is not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

    CloudFormationResponseUrl() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            URI uri = exchange.getRequestURI();
            answers.add(new Answer(exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** Points the event's ResponseURL here, keeping its path and pre-signed query exactly. */
    CloudFormationCustomResourceEvent answeringHere(CloudFormationCustomResourceEvent event) {
        event.setResponseUrl("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery(event));
        return event;
    }

    public static String pathAndQuery(CloudFormationCustomResourceEvent event) {
        URI url = URI.create(event.getResponseUrl());
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The one answer received, waiting a little for it. */
    Answer onlyAnswer(Duration wait) {
        try {
            Answer answer = answers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new AssertionError("CloudFormation got no answer within " + wait);
            }
            if (!answers.isEmpty()) {
                throw new AssertionError("CloudFormation got more than one answer: " + answers);
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
