package org.zhonglou.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the registration service's internal contact look-up on a fixed port. {@link #stop()} takes it
 * away (connections refused, as when the service is down) and {@link #start()} brings it back.
 */
public final class RegistrationStandIn {

    private final int port;
    private final Map<String, String> contacts = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;

    RegistrationStandIn(int port) {
        this.port = port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void contact(String enrollmentId, String name, String email, String language) {
        contacts.put(enrollmentId, """
                {"enrollmentId":"%s","guardianId":"g-%s","guardianName":"%s","email":"%s",\
                "phone":"13800000000","language":"%s"}""".formatted(enrollmentId, enrollmentId, name, email, language));
    }

    public int calls() {
        return calls.get();
    }

    public synchronized RegistrationStandIn start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/enrollments/", this::handle);
            server.start();
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String id = path.replaceFirst("^/internal/enrollments/", "").replaceFirst("/contact$", "");
        String contact = contacts.get(id);
        int status = !hasServiceToken(exchange) ? 403 : contact == null ? 404 : 200;
        byte[] body = (status == 200 ? contact : "{}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static boolean hasServiceToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length == 3 && new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .contains("\"SERVICE\"");
    }
}
