package org.zhonglou.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's real jar started as an operator starts it ({@code java -jar}), for tests of what happens at
 * start-up: the environment is the test JVM's minus every variable a service reads, plus {@code env}.
 */
public final class ServiceJar {

    /** Never inherited from the machine running the tests: each would change what the start does. */
    private static final List<String> SERVICE_VARIABLES = List.of("SPRING_PROFILES_ACTIVE", "PII_ENCRYPTION_KEY",
            "PII_HASH_KEY", "PII_ENCRYPTION_OLD_KEYS", "PII_HASH_OLD_KEYS", "NOTIFICATION_SECRET_KEY",
            "NOTIFICATION_SECRET_OLD_KEYS", "NOTIFICATION_CLIENT_ID", "NOTIFICATION_CLIENT_SECRET", "JWT_ISSUER_URI",
            "JWT_AUDIENCE", "SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS");

    /** How the process ended and everything it printed. */
    public record Exit(int code, String output) {
    }

    private ServiceJar() {
    }

    /** The module's own jar, built by {@code package} before the integration tests run. */
    public static Path of(String artifactId) {
        Path jar = Path.of("target", artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the module's package phase first");
        }
        return jar;
    }

    /**
     * Starts the module's jar with {@code env} and no store or broker to find (nothing listens on the
     * ports it is given: a start that got past its checks would not get far), and waits for it to end.
     */
    public static Exit startAlone(String artifactId, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(Map.of("SERVER_PORT", "0",
                "MONGODB_URI", "mongodb://127.0.0.1:" + LocalMongo.freePort() + "/startup",
                "KAFKA_BROKERS", "127.0.0.1:" + LocalMongo.freePort()));
        all.putAll(env);
        return run(of(artifactId), all, Duration.ofSeconds(90));
    }

    /**
     * Starts the jar and waits for it to end.
     *
     * @throws AssertionError when it is still running after {@code timeout} (it is then stopped)
     */
    public static Exit run(Path jar, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("service-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        SERVICE_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Still running after " + timeout + ":\n" + Files.readString(output));
            }
            return new Exit(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly().waitFor();
            Files.deleteIfExists(output);
        }
    }
}
