package org.zhonglou.loadtools.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.zhonglou.httpclient.Json;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber's webhook endpoint on 127.0.0.1: answers 204, checks {@code X-Signature} against the
 * subscription's signing secret and keeps every call with its arrival time.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call: the CloudEvent JSON, whether its signature matched, and when it arrived. */
    public record Call(JsonNode event, String eventId, boolean signatureValid, long arrivedNanos) {

        public String type() {
            return event.path("type").asString("");
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile String secret = "";
    private volatile Consumer<Call> listener = call -> { };

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void useSecret(String signingSecret) {
        this.secret = signingSecret;
    }

    public void onCall(Consumer<Call> callback) {
        this.listener = callback;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Signature");
        boolean valid = signature != null && !secret.isEmpty() && MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII), sign(body, secret).getBytes(StandardCharsets.US_ASCII));
        JsonNode event = Json.read(new String(body, StandardCharsets.UTF_8));
        String eventId = exchange.getRequestHeaders().getFirst("X-Event-Id");
        Call call = new Call(event, eventId == null ? event.path("id").asString("") : eventId, valid, arrived);
        calls.add(call);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        listener.accept(call);
    }

    /** {@code sha256=<hex HMAC-SHA256(body, secret)>}, the contract's signature format. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
