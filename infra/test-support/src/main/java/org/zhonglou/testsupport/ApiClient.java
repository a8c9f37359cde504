package org.zhonglou.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * A plain HTTP client for tests that drive a service over a real socket, as a parent's app or a
 * station device would. Bodies are JSON strings or objects; answers come back parsed. The requests go
 * through http-client's {@link Http}, the client the end-to-end tests and load tools use; this class only
 * adds the fluent calls the tests read well with, and throws when no answer came.
 */
public final class ApiClient {

    private final Http http = new Http(Duration.ofSeconds(30));
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiClient localhost(int port) {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    /** Any method without a body, e.g. HEAD or OPTIONS (access rules must treat them as GET). */
    public Call method(String method, String path) {
        return new Call(method, path, null);
    }

    public static String json(Object value) {
        return Json.write(value);
    }

    /** One request being built: add headers, then {@link #send()}. */
    public final class Call {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Answer send() {
            try {
                Reply reply = http.exchange(method, baseUrl + path, headers, body);
                return new Answer(reply.status(), reply.headers(), reply.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    /** A response: status, headers and the body, parsed on demand. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body);
        }

        public String header(String name) {
            return Reply.header(headers, name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
