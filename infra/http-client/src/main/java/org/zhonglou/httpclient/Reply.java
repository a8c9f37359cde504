package org.zhonglou.httpclient;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP answer; {@code status} 0 means the request never got an answer (connection refused, timeout).
 * {@code contentType} is null when there was no answer or no such header; {@code headers} are all of them.
 */
public record Reply(int status, String body, String error, String contentType, Map<String, List<String>> headers) {

    public Reply(int status, String body, String error) {
        this(status, body, error, null);
    }

    public Reply(int status, String body, String error, String contentType) {
        this(status, body, error, contentType, Map.of());
    }

    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.body(), null,
                response.headers().firstValue("Content-Type").orElse(null), response.headers().map());
    }

    public static Reply failed(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root != root.getCause()) {
            root = root.getCause();
        }
        return new Reply(0, "", root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /** The first value of the header {@code name} (any case), or null. */
    public String header(String name) {
        return header(headers, name);
    }

    /** The first value of the header {@code name} (any case) in {@code headers}, or null. */
    public static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        return Json.read(body);
    }

    /** Fails loudly with the answer in the message: set-up calls that go wrong should say why. */
    public Reply expect(int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return this;
            }
        }
        throw new IllegalStateException("unexpected HTTP " + status + (error == null ? "" : " (" + error + ")")
                + ": " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
    }
}
