package org.zhonglou.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on a free port: what comes back, and what happens when nothing answers. */
class HttpTest {

    private final Http http = new Http(Duration.ofSeconds(10));
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"type\":\""
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\",\"got\":"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(418, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aJsonBodyGoesOutAndStatusHeadersAndBodyComeBackWhateverTheStatus() {
        Reply reply = http.post(base + "/echo", Map.of("X-Test", "1"), Json.object().put("n", 1));

        assertThat(reply.status()).isEqualTo(418);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.header("retry-after")).isEqualTo("7");
        assertThat(reply.json().path("method").asString()).isEqualTo("POST");
        assertThat(reply.json().path("type").asString()).isEqualTo("application/json");
        assertThat(reply.json().path("got").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void noAnswerIsStatusZeroFromSendAndAnExceptionFromExchange() {
        String nobody = base;
        server.stop(0);

        Reply reply = http.get(nobody + "/echo", Map.of());
        assertThat(reply.status()).isZero();
        assertThat(reply.error()).isNotBlank();
        assertThatThrownBy(() -> http.exchange("GET", nobody + "/echo", Map.of(), null)).isInstanceOf(IOException.class);
    }
}
