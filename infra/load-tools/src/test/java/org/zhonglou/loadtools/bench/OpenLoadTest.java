package org.zhonglou.loadtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Http;

class OpenLoadTest {

    private final HttpServer slowServer = slowServer();

    @AfterEach
    void stop() {
        slowServer.stop(0);
    }

    @Test
    void latencyOfAStalledServerIncludesTheTimeRequestsWaitedNotJustTheirServiceTime() {
        Http http = new Http(Duration.ofSeconds(30));
        String url = "http://127.0.0.1:" + slowServer.getAddress().getPort() + "/";

        // 40 arrivals in 1 s at a server that handles one request per 50 ms: the last waits about 1 s.
        OpenLoad.Result result = OpenLoad.run(40, Duration.ofSeconds(1), 100,
                i -> http.sendAsync("GET", url, Map.of(), null), reply -> reply.status() == 204);

        assertThat(result.scheduled()).isEqualTo(40);
        assertThat(result.ok()).isEqualTo(40);
        assertThat(result.dropped()).isZero();
        assertThat(result.p50Ms()).isGreaterThan(300);
        assertThat(result.p99Ms()).isGreaterThan(800);
    }

    @Test
    void arrivalsBeyondTheInFlightBoundAreDroppedAndCounted() {
        Http http = new Http(Duration.ofSeconds(30));
        String url = "http://127.0.0.1:" + slowServer.getAddress().getPort() + "/";

        OpenLoad.Result result = OpenLoad.run(100, Duration.ofMillis(500), 5,
                i -> http.sendAsync("GET", url, Map.of(), null), reply -> reply.status() == 204);

        assertThat(result.dropped()).isPositive();
        assertThat(result.ok() + result.failed() + result.dropped()).isEqualTo(result.scheduled());
    }

    private static HttpServer slowServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/", exchange -> {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newSingleThreadExecutor());
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
