package org.zhonglou.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zhonglou.httpclient.Http;

import static org.awaitility.Awaitility.await;

/**
 * Processes this test starts itself as an operator would ({@code java -jar} with a plain environment), on
 * free ports beside the running local stack, and stops at the end.
 */
final class ProductionProcesses implements AutoCloseable {

    /** Never inherited from the shell that runs the tests: each would change what a start does. */
    private static final List<String> INHERITED_NEVER = List.of("SPRING_PROFILES_ACTIVE", "PII_ENCRYPTION_KEY",
            "PII_HASH_KEY", "NOTIFICATION_SECRET_KEY", "NOTIFICATION_CLIENT_ID", "NOTIFICATION_CLIENT_SECRET",
            "JWT_ISSUER_URI", "JWT_AUDIENCE", "DEV_TOKENS_CLIENT_SECRET", "SPRING_APPLICATION_JSON",
            "JAVA_TOOL_OPTIONS", "DATA_DIR");

    private final Path root;
    private final Path logs;
    private final Http http = new Http(Duration.ofSeconds(5));
    private final List<Process> processes = new ArrayList<>();

    ProductionProcesses(Path root) throws IOException {
        this.root = root;
        this.logs = Files.createDirectories(root.resolve("e2e-tests/target/production-profile"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code jar} (relative to the repository root) and waits until its health is UP on {@code port}. */
    void start(String name, String jar, int port, Map<String, String> env) throws IOException {
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", root.resolve(jar).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        INHERITED_NEVER.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                return http.get("http://localhost:" + port + "/actuator/health", Map.of()).status() == 200;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(name + " did not become healthy; see " + log, e);
        }
    }

    @Override
    public void close() {
        // Notification first, the provider last: the reverse of the start.
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
