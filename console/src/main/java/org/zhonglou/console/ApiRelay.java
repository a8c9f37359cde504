package org.zhonglou.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code /api/<service>/...} to that service's {@code /api/...} with the session's bearer token: the page
 * talks to one origin only, so the APIs need no CORS, and the token stays in this process. Bodies are
 * streamed both ways, so the notification service's event stream reaches the page as it happens.
 */
final class ApiRelay {

    static final int MAX_BODY = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ApiRelay.class.getName());
    /** What the page may send on; cookies and the page's own headers stay here. */
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Idempotency-Key", "Last-Event-ID");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Retry-After", "Content-Disposition");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    private final Map<String, URI> apis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiRelay(Map<String, URI> apis) {
        this.apis = apis;
    }

    void relay(HttpExchange exchange, Sessions.Session session) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String[] parts = path.split("/", 4);
        URI base = parts.length == 4 ? apis.get(parts[2]) : null;
        if (base == null) {
            Exchanges.problem(exchange, 404, "Not Found", "No API at " + path + ".");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!METHODS.contains(method)) {
            Exchanges.problem(exchange, 405, "Method Not Allowed", method + " is not relayed.");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Exchanges.problem(exchange, 413, "Payload Too Large", "Bodies above 1 MiB are refused.");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create(base.toString().replaceAll("/$", "") + "/api/" + parts[3] + (query == null ? "" : "?" + query));
        boolean stream = "text/event-stream".equals(exchange.getRequestHeaders().getFirst("Accept"));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + session.accessToken());
        if (!stream) {
            request.timeout(Duration.ofSeconds(30));
        }
        for (String name : REQUEST_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.warning(() -> "API " + parts[2] + " unreachable: " + e.getClass().getSimpleName());
            Exchanges.problem(exchange, 502, "Bad Gateway", "The " + parts[2] + " service cannot be reached; try again shortly.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        copy(exchange, response);
    }

    private static void copy(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        for (String name : RESPONSE_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            boolean empty = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, empty ? -1 : 0);
            if (empty) {
                return;
            }
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                int n;
                // Flushed per read: an SSE event must not wait for the buffer to fill.
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The page went away (a closed event stream, a reload): nothing left to tell anyone.
        } finally {
            exchange.close();
        }
    }
}
