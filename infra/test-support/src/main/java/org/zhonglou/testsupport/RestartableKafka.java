package org.zhonglou.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.zhonglou.contracts.Topics;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.SecuredBroker;
import org.zhonglou.kafkaaccess.SingleNodeBroker;

/**
 * A real KRaft broker on fixed loopback ports that a test can stop and start again with its log kept,
 * as an outage of the cluster looks to a service. ({@code EmbeddedKafkaKraftBroker} picks new random
 * ports on every start, so a service could never find it again.) {@link #secured()} gives the broker the
 * local stack runs: SASL/SCRAM for every client and the services' ACLs.
 */
public final class RestartableKafka implements AutoCloseable {

    private final int port = LocalMongo.freePort();
    private final int controllerPort = LocalMongo.freePort();
    private final Path logDir;
    private final KafkaCredentials credentials;
    private KafkaRaftServer server;

    public RestartableKafka() {
        this(null);
    }

    private RestartableKafka(KafkaCredentials credentials) {
        this.credentials = credentials;
        try {
            logDir = Files.createTempDirectory("restartable-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every client must log in ({@link #client}); each service user gets only its ACLs. */
    public static RestartableKafka secured() {
        return new RestartableKafka(KafkaCredentials.random());
    }

    public synchronized RestartableKafka start() {
        if (server == null) {
            boolean first = !Files.exists(logDir.resolve("meta.properties"));
            if (first) {
                format();
            }
            server = new KafkaRaftServer(new KafkaConfig(config()), Time.SYSTEM);
            server.startup();
            if (first) {
                createTopicsAndUsers();
            }
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String brokers() {
        return "127.0.0.1:" + port;
    }

    /** Settings of a client logged in as {@code user} (of {@link KafkaAccess#USERS}); none when not secured. */
    public Map<String, Object> client(String user) {
        Map<String, Object> client = new HashMap<>(credentials == null ? Map.of() : credentials.client(user));
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        return client;
    }

    /** The environment the local stack gives a service to log in as {@code user}. */
    public Map<String, String> serviceEnvironment(String user) {
        if (credentials == null) {
            throw new IllegalStateException("A broker without users: start it with RestartableKafka.secured()");
        }
        return Map.of("KAFKA_BROKERS", brokers(), "KAFKA_SECURITY_PROTOCOL", SecuredBroker.LISTENER,
                "KAFKA_SASL_MECHANISM", KafkaCredentials.MECHANISM, "KAFKA_USERNAME", user,
                "KAFKA_PASSWORD", credentials.password(user));
    }

    @Override
    public void close() {
        stop();
    }

    /** The stack's single-node set-up ({@link SingleNodeBroker}); fewer offsets partitions start faster. */
    private Properties config() {
        Properties p = SingleNodeBroker.config("127.0.0.1", port, controllerPort, logDir, credentials);
        p.setProperty("offsets.topic.num.partitions", "2");
        return p;
    }

    private void format() {
        Path file = logDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config().store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SingleNodeBroker.format(file, credentials);
    }

    private void createTopicsAndUsers() {
        try (AdminClient admin = AdminClient.create(client(KafkaAccess.ADMIN))) {
            List<NewTopic> topics = Topics.ALL.stream().map(name -> new NewTopic(name, 2, (short) 1)).toList();
            admin.createTopics(topics).all().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            if (credentials != null) {
                SecuredBroker.grant(admin, credentials, Duration.ofSeconds(30).toMillis());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics on the test broker", e);
        }
    }
}
