package org.zhonglou.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service API on a real local port: echoes what reached it (method, path, query, bearer token, body), and
 * serves an event stream that sends one event and then holds the connection until released.
 */
final class FakeApi implements AutoCloseable {

    final CountDownLatch releaseStream = new CountDownLatch(1);
    private final HttpServer server;

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/alerts/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event: AlertRaised\ndata: {\"alertId\":\"a1\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                releaseStream.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        });
        server.createContext("/api/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " cookie="
                    + exchange.getRequestHeaders().getFirst("Cookie") + " body=" + body;
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200;
            exchange.getResponseHeaders().set("Content-Type", status == 404 ? "application/problem+json" : "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        releaseStream.countDown();
        server.stop(0);
    }
}
