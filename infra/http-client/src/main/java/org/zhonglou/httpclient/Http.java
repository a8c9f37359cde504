package org.zhonglou.httpclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one HTTP client of the services' APIs (test-support's ApiClient, the end-to-end tests, the load
 * tools): a thin JDK HttpClient wrapper with JSON bodies and headers as pairs that never throws for an
 * HTTP status. HTTP/1.1, as browsers and devices talk to the services.
 */
public final class Http {

    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this(timeout, null);
    }

    public Http(Duration timeout, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
        this.timeout = timeout;
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public Reply get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    public Reply post(String url, Map<String, String> headers, Object body) {
        return send("POST", url, headers, body);
    }

    public Reply put(String url, Map<String, String> headers, Object body) {
        return send("PUT", url, headers, body);
    }

    /** Sends and answers; a request that got no answer is a {@link Reply#failed} reply (status 0). */
    public Reply send(String method, String url, Map<String, String> headers, Object body) {
        try {
            return exchange(method, url, headers, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(e);
        } catch (Exception e) {
            return Reply.failed(e);
        }
    }

    /** Sends and answers; a request that got no answer throws, for callers that want the exception. */
    public Reply exchange(String method, String url, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(method, url, headers, body),
                HttpResponse.BodyHandlers.ofString());
        return Reply.of(response);
    }

    public CompletableFuture<Reply> sendAsync(String method, String url, Map<String, String> headers, Object body) {
        try {
            return client.sendAsync(request(method, url, headers, body), HttpResponse.BodyHandlers.ofString())
                    .thenApply(Reply::of)
                    .exceptionally(Reply::failed);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Reply.failed(e));
        }
    }

    private HttpRequest request(String method, String url, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        return request.build();
    }
}
