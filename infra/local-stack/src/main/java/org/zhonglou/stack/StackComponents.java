package org.zhonglou.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.SecuredBroker;

/**
 * What the local stack runs and how. The environment variables given to the services are the
 * contract between this launcher and the services' {@code application.yml}.
 */
public final class StackComponents {

    /** System properties on every command line we start; they tell our processes from anyone else's. */
    static final String COMPONENT_MARKER = "-Dzhonglou.stack.component=";
    static final String DATA_MARKER = "-Dzhonglou.stack.data=";

    public static final String REGISTRATION = "registration-service";
    public static final String STATION_MONITORING = "station-monitoring-service";
    public static final String NOTIFICATION = "notification-service";
    public static final String IDENTITY_PROVIDER = "identity-provider";
    public static final String CONSOLE = "console";
    public static final String ISSUER = "http://localhost:" + Ports.IDENTITY;

    /**
     * The services' Spring profile: {@code local} (dev-only defaults allowed) unless {@code STACK_PROFILE}
     * names another, e.g. {@code production}, to run them as deployed, with real secrets from the environment.
     */
    static final String PROFILE_VARIABLE = "STACK_PROFILE";

    private final StackPaths paths;
    private final String javaOpts;
    private final String profile;
    private final Supplier<KafkaCredentials> kafkaCredentials;

    /** The broker users' passwords are made on first use, in the data directory (see {@link KafkaNode}). */
    public StackComponents(StackPaths paths, String javaOpts) {
        this(paths, javaOpts, (String) null);
    }

    public StackComponents(StackPaths paths, String javaOpts, String profile) {
        this(paths, javaOpts, profile, () -> KafkaCredentials.loadOrCreate(KafkaCredentials.file(paths.dataDir())));
    }

    StackComponents(StackPaths paths, String javaOpts, Supplier<KafkaCredentials> kafkaCredentials) {
        this(paths, javaOpts, null, kafkaCredentials);
    }

    StackComponents(StackPaths paths, String javaOpts, String profile, Supplier<KafkaCredentials> kafkaCredentials) {
        this.paths = paths;
        this.javaOpts = javaOpts == null ? "" : javaOpts.trim();
        this.profile = profile == null || profile.isBlank() ? "local" : profile.trim();
        this.kafkaCredentials = kafkaCredentials;
    }

    /** Started first, together; the services need the store and the topics at start-up. */
    public List<Component> infrastructure() {
        return List.of(
                node("kafka", List.of(Ports.KAFKA, Ports.KAFKA_CONTROLLER), "-Xmx384m", KafkaNode.class,
                        HealthChecks.kafka(paths.dataDir())),
                node("store", List.of(Ports.STORE), "-Xmx384m", StoreNode.class, HealthChecks.store()),
                node("mail", List.of(Ports.SMTP, Ports.MAIL_HTTP), "-Xmx96m", MailSinkNode.class,
                        HealthChecks.http(Ports.MAIL_HTTP, "/health")),
                identityProvider());
    }

    /** Spring Authorization Server, its signing key in DATA_DIR (infra/identity-provider). */
    private Component identityProvider() {
        Path jar = paths.root().resolve("infra").resolve(IDENTITY_PROVIDER).resolve("target")
                .resolve(IDENTITY_PROVIDER + ".jar");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx160m",
                "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", COMPONENT_MARKER + IDENTITY_PROVIDER,
                DATA_MARKER + paths.dataDir(), "-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(Ports.IDENTITY));
        env.put("IDP_ISSUER", ISSUER);
        env.put("DATA_DIR", paths.dataDir().toString());
        return new Component(IDENTITY_PROVIDER, List.of(Ports.IDENTITY), command, env,
                HealthChecks.http(Ports.IDENTITY, "/actuator/health"), Optional.of(jar));
    }

    public List<Component> services() {
        KafkaCredentials kafka = kafkaCredentials.get();
        Map<String, String> notification = new LinkedHashMap<>();
        notification.put("REGISTRATION_INTERNAL_URL", "http://localhost:" + Ports.REGISTRATION_INTERNAL);
        notification.put("JWT_AUDIENCE", "notification");
        notification.put("SMTP_HOST", "localhost");
        notification.put("SMTP_PORT", String.valueOf(Ports.SMTP));
        return List.of(
                service(REGISTRATION, List.of(Ports.REGISTRATION, Ports.REGISTRATION_INTERNAL), "registration", kafka,
                        Map.of("INTERNAL_PORT", String.valueOf(Ports.REGISTRATION_INTERNAL), "JWT_AUDIENCE", "registration")),
                service(STATION_MONITORING, List.of(Ports.STATION_MONITORING), "station_monitoring", kafka,
                        Map.of("JWT_AUDIENCE", "station-monitoring")),
                service(NOTIFICATION, List.of(Ports.NOTIFICATION), "notification", kafka, notification));
    }

    /** Started last, stopped first: the staff console in front of the services (console/). */
    public List<Component> frontEnds() {
        return List.of(console());
    }

    public List<Component> all() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.addAll(services());
        all.addAll(frontEnds());
        return all;
    }

    /**
     * A JDK server with no framework; the flags keep it far below the 150 MB the console may add to the stack
     * (measured in docs/console.md): a small heap, small thread stacks for the open event streams, C1 only.
     */
    private Component console() {
        Path jar = paths.root().resolve(CONSOLE).resolve("target").resolve(CONSOLE + ".jar");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx48m", "-Xss256k",
                "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=48m",
                COMPONENT_MARKER + CONSOLE, DATA_MARKER + paths.dataDir(), "-jar", jar.toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(Ports.CONSOLE));
        env.put("CONSOLE_ISSUER_URI", ISSUER);
        env.put("REGISTRATION_URL", "http://localhost:" + Ports.REGISTRATION);
        env.put("STATION_MONITORING_URL", "http://localhost:" + Ports.STATION_MONITORING);
        env.put("NOTIFICATION_URL", "http://localhost:" + Ports.NOTIFICATION);
        return new Component(CONSOLE, List.of(Ports.CONSOLE), command, env, HealthChecks.http(Ports.CONSOLE, "/health"),
                Optional.of(jar));
    }

    private Component node(String name, List<Integer> ports, String heap, Class<?> main, HealthCheck health) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), heap, "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", COMPONENT_MARKER + name, DATA_MARKER + paths.dataDir(),
                "-cp", absoluteClassPath(), main.getName(), paths.dataDir().toString()));
        return new Component(name, ports, command, Map.of(), health, Optional.empty());
    }

    private Component service(String name, List<Integer> ports, String database, KafkaCredentials kafka,
            Map<String, String> extra) {
        int port = ports.get(0);
        Path jar = paths.serviceJar(name);
        // C1 only: on two cores shared by six JVMs, C2 recompiling a Spring service for minutes competed
        // with the requests it was meant to speed up. Measured (docs/benchmarks.md): the first sign-up rush's
        // p99 down from 2.8-3.7 s to 1.8 s, ingest unchanged, about 60 MB less per service.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m"));
        // After our defaults so that a user's JAVA_OPTS wins.
        if (!javaOpts.isEmpty()) {
            command.addAll(Arrays.asList(javaOpts.split("\\s+")));
        }
        command.addAll(List.of(COMPONENT_MARKER + name, DATA_MARKER + paths.dataDir(), "-jar", jar.toString()));

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_PROFILES_ACTIVE", profile);
        env.put("MONGODB_URI", "mongodb://localhost:" + Ports.STORE + "/" + database);
        env.put("KAFKA_BROKERS", "localhost:" + Ports.KAFKA);
        env.put("JWT_ISSUER_URI", ISSUER);
        // Each service logs in to the broker as its own user (named after it), which may only use its topics.
        env.put("KAFKA_SECURITY_PROTOCOL", SecuredBroker.LISTENER);
        env.put("KAFKA_SASL_MECHANISM", KafkaCredentials.MECHANISM);
        env.put("KAFKA_USERNAME", name);
        env.put("KAFKA_PASSWORD", kafka.password(name));
        env.putAll(extra);
        return new Component(name, ports, command, env, HealthChecks.http(port, "/actuator/health"),
                Optional.of(jar));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Children run from the repository root, but a relative class path would still be fragile. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
