package org.zhonglou.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers over the JDK's HttpExchange: cookies, redirects, JSON and problem details. */
final class Exchanges {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Exchanges() {
    }

    static Optional<String> cookie(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of()).stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst();
    }

    /** HttpOnly always: no script of the page ever reads a session or login cookie. */
    static void setCookie(HttpExchange exchange, String name, String value, String sameSite, long maxAgeSeconds,
                          boolean secure) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=" + sameSite
                + "; Max-Age=" + maxAgeSeconds + (secure ? "; Secure" : ""));
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
