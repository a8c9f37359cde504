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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the registration service's internal contact look-up on a fixed port. {@link #stop()} takes it
 * away (connections refused, as when the service is down) and {@link #start()} brings it back.
 */
public final class RegistrationStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final Map<String, String> contacts = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    /** While closed, answers wait: like a busy registration service, without guessing how long. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
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

    /** From now on, answers wait until {@link #answer()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets the held answers (and all later ones) go. */
    public void answer() {
        gate.countDown();
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
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        if (!hasServiceToken(exchange)) {
            status = 403;
            body = "{}";
        } else if (path.equals("/internal/enrollments/contacts") && exchange.getRequestMethod().equals("POST")) {
            status = 200;
            body = contactsOf(JSON.readTree(exchange.getRequestBody()).path("enrollmentIds"));
        } else {
            String contact = contacts.get(path.replaceFirst("^/internal/enrollments/", "").replaceFirst("/contact$", ""));
            status = contact == null ? 404 : 200;
            body = contact == null ? "{}" : contact;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Like registration: the known ones, unknown ids left out. */
    private String contactsOf(JsonNode ids) {
        String known = ids.valueStream().map(id -> contacts.get(id.asString())).filter(Objects::nonNull)
                .collect(Collectors.joining(","));
        return "{\"contacts\":[" + known + "]}";
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
