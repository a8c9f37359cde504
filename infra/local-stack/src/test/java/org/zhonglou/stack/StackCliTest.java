package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCliTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void tokenAsksTheIdentityProviderAsTheDevTokenClientAndPrintsTheTokenLast() throws Exception {
        try (StubProvider provider = new StubProvider()) {
            int code = cli(Map.of("JWT_ISSUER_URI", provider.url())).execute(new String[] {"token", "staff 7", "STAFF"});

            assertThat(code).isZero();
            String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            assertThat(lines[lines.length - 1]).isEqualTo("header.claims.signature");
            assertThat(provider.form).isEqualTo("grant_type=client_credentials&subject=staff+7&role=STAFF");
            assertThat(provider.authorization).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "dev-tokens:dev-only-dev-tokens-client-secret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aSecretWithFormCharactersIsEncodedAsTheProviderDecodesIt() throws Exception {
        try (StubProvider provider = new StubProvider()) {
            cli(Map.of("JWT_ISSUER_URI", provider.url(), "DEV_TOKENS_CLIENT_SECRET", "a+b/c="))
                    .execute(new String[] {"token", "x", "STAFF"});

            assertThat(provider.authorization).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "dev-tokens:a%2Bb%2Fc%3D".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void tokenWithoutARunningProviderFailsInOneLineNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int code = cli(Map.of("JWT_ISSUER_URI", "http://127.0.0.1:" + closedPort))
                .execute(new String[] {"token", "x", "STAFF"});

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("identity provider", "is not running")
                .doesNotContain("\tat ");
    }

    @Test
    void replayDlqNeedsADeadLetterTopic() {
        assertThat(cli(Map.of()).execute(new String[] {"replay-dlq"})).isEqualTo(2);
        assertThat(cli(Map.of()).execute(new String[] {"replay-dlq", "station.readings.v1"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./run.sh replay-dlq <topic>.<consumer-group>.dlq");
    }

    @Test
    void tokenAcceptsARoleInLowerCase() throws Exception {
        try (StubProvider provider = new StubProvider()) {
            assertThat(cli(Map.of("JWT_ISSUER_URI", provider.url())).execute(new String[] {"token", "parent-1", "parent"}))
                    .isZero();
            assertThat(provider.form).endsWith("&role=PARENT");
        }
    }

    @Test
    void tokenRejectsAnUnknownRoleInOneLine() {
        int code = cli(Map.of()).execute(new String[] {"token", "x", "ADMIN"});

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("unknown role 'ADMIN': use PARENT, STAFF or SERVICE");
    }

    @Test
    void tokenNeedsASubjectAndARole() {
        assertThat(cli(Map.of()).execute(new String[] {"token", "only-sub"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./run.sh token <sub>");
    }

    @Test
    void unknownCommandShowsUsage() {
        assertThat(cli(Map.of()).execute(new String[] {"restart"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'restart'", "usage:");
    }

    @Test
    void lifecycleCommandsTakeNoArguments() {
        assertThat(cli(Map.of()).execute(new String[] {"stop", "kafka"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stop takes no arguments");
    }

    @Test
    void dataDirDefaultsToDataUnderTheRootAndIsMadeAbsolute() {
        assertThat(cli(Map.of()).paths().dataDir()).isEqualTo(root.resolve("data"));
        assertThat(cli(Map.of("DATA_DIR", "/tmp/elsewhere")).paths().dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    /** The provider's token endpoint as far as ./run.sh token uses it. */
    private static final class StubProvider implements AutoCloseable {

        private final HttpServer server;
        volatile String form;
        volatile String authorization;

        StubProvider() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth2/token", exchange -> {
                form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                authorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = "{\"access_token\":\"header.claims.signature\",\"token_type\":\"Bearer\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private StackCli cli(Map<String, String> env) {
        return new StackCli(env, root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
