package org.zhonglou.loadtools.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;

/**
 * The local stack as seen from outside: its repository root (for {@code ./run.sh}), its data directory
 * (pid files) and tokens from its identity provider, which is what {@code ./run.sh token} does, without
 * starting a JVM per token.
 */
public final class LocalStack {

    public static final List<String> COMPONENTS = List.of("kafka", "store", "mail", "identity-provider",
            "registration-service", "station-monitoring-service", "notification-service");

    private final Path root;
    private final Path dataDir;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ProviderTokens provider = ProviderTokens.fromEnvironment();

    public LocalStack(Path root, Path dataDir) {
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Root from {@code zhonglou.stack.root} (else the working directory), data from {@code DATA_DIR} (else ./data). */
    public static LocalStack fromEnvironment() {
        Path root = Path.of(System.getProperty("zhonglou.stack.root", System.getProperty("user.dir")));
        String data = System.getProperty("zhonglou.data.dir", System.getenv().getOrDefault("DATA_DIR", ""));
        return new LocalStack(root, data.isBlank() ? root.resolve("data") : root.resolve(data));
    }

    public Path root() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path pidFile(String component) {
        return dataDir.resolve("run").resolve(component + ".pid");
    }

    public Optional<Long> pid(String component) {
        try {
            Path file = pidFile(component);
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Settings of a Kafka client for {@code brokers} logged in as the local broker's admin, whose password
     * the stack made in its data directory; without that file (another deployment) no login.
     */
    public Map<String, Object> kafkaClient(String brokers) {
        Map<String, Object> client = new HashMap<>();
        Path credentials = KafkaCredentials.file(dataDir);
        if (Files.exists(credentials)) {
            client.putAll(KafkaCredentials.load(credentials).client(KafkaAccess.ADMIN));
        }
        client.put("bootstrap.servers", brokers);
        return client;
    }

    public String token(String subject, String role) {
        return tokens.computeIfAbsent(subject + "|" + role, key -> mint(subject, role));
    }

    private String mint(String subject, String role) {
        return provider.token(subject, role);
    }

    /** Runs {@code ./run.sh <args>} with this stack's DATA_DIR; returns its output lines, fails on a non-zero exit. */
    public List<String> runSh(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("run.sh").toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("run-sh", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("DATA_DIR", dataDir.toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./run.sh " + String.join(" ", args) + " took longer than " + timeout);
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./run.sh " + String.join(" ", args) + " exited with "
                        + process.exitValue() + ":\n" + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
