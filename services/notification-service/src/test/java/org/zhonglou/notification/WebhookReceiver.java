package org.zhonglou.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP receiver on loopback: records every request, answers 500 (or 400) to the first
 * {@code failFirst} calls and 204 after that, or never answers while {@code hanging} (a dead receiver that accepts the
 * connection).
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String eventId, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final CountDownLatch release = new CountDownLatch(1);
    private final boolean hanging;
    private final int failureStatus;
    private final AtomicReference<Runnable> beforeFirstAnswer;

    private WebhookReceiver(int failFirst, int failureStatus, boolean hanging, Runnable beforeFirstAnswer) {
        this.failuresLeft = new AtomicInteger(failFirst);
        this.failureStatus = failureStatus;
        this.hanging = hanging;
        this.beforeFirstAnswer = new AtomicReference<>(beforeFirstAnswer);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static WebhookReceiver healthy() {
        return new WebhookReceiver(0, 500, false, null);
    }

    public static WebhookReceiver failingFirst(int failures) {
        return new WebhookReceiver(failures, 500, false, null);
    }

    /** Answers 400 (the receiver is up but refuses): retried, yet not a circuit-breaker failure. */
    public static WebhookReceiver rejectingFirst(int failures) {
        return new WebhookReceiver(failures, 400, false, null);
    }

    public static WebhookReceiver hanging() {
        return new WebhookReceiver(0, 500, true, null);
    }

    /** Healthy, but runs {@code action} (e.g. stops the store) after the first request and before answering it. */
    public static WebhookReceiver runningBeforeFirstAnswer(Runnable action) {
        return new WebhookReceiver(0, 500, false, action);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> eventIds() {
        return received.stream().map(Received::eventId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-Event-Id"),
                exchange.getRequestHeaders().getFirst("X-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (hanging) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runnable action = beforeFirstAnswer.getAndSet(null);
        if (action != null) {
            action.run();
        }
        int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
