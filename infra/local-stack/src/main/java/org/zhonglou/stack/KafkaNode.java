package org.zhonglou.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.SecuredBroker;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one JVM), as the local stack runs
 * it: formats its storage on first start, then creates the services' topics, users and ACLs once it is
 * up. Every client logs in with SASL/SCRAM ({@link SecuredBroker}); the passwords are made on first start
 * into {@code <dataDir>/kafka/credentials.properties} (mode 600). Usage: {@code KafkaNode <dataDir>}.
 */
public final class KafkaNode {

    private static final Logger log = LoggerFactory.getLogger(KafkaNode.class);

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path kafkaDir = dataDir.resolve("kafka");
        Path logDir = kafkaDir.resolve("data");
        Path config = kafkaDir.resolve("server.properties");
        Path secured = kafkaDir.resolve("sasl-formatted");
        boolean formatted = Files.exists(logDir.resolve("meta.properties"));
        if (formatted && !Files.exists(secured)) {
            // Formatted by a stack without users: the admin's SCRAM credential is missing from its metadata.
            throw new IllegalStateException("The Kafka log in " + kafkaDir + " has no broker users (made before"
                    + " SASL came in); delete that directory to start a fresh broker");
        }
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(KafkaCredentials.file(dataDir));
        Files.createDirectories(logDir);
        writeConfig(config, SecuredBroker.configure(brokerConfig(logDir), "localhost", Ports.KAFKA,
                Ports.KAFKA_CONTROLLER, credentials));
        if (!formatted) {
            format(config, credentials);
            Files.createFile(secured);
        }
        Map<String, Object> admin = adminClient(dataDir);
        Thread topics = new Thread(() -> createTopicsAndUsers(admin, credentials), "create-topics");
        topics.setDaemon(true);
        topics.start();
        // Blocks until SIGTERM; Kafka installs its own shutdown hook for a clean stop.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties brokerConfig(Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + Ports.KAFKA_CONTROLLER);
        p.setProperty("listeners",
                "PLAINTEXT://localhost:" + Ports.KAFKA + ",CONTROLLER://localhost:" + Ports.KAFKA_CONTROLLER);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + Ports.KAFKA);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", String.valueOf(KafkaTopics.PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("auto.create.topics.enable", "false");
        // A single broker cannot hold more than one replica of the internal topics.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a freshly started service should not wait 3 s for a rebalance nobody else joins.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Settings of a client logged in as the admin (the launcher, the tools, the end-to-end tests). */
    public static Map<String, Object> adminClient(Path dataDir) {
        Map<String, Object> client = new HashMap<>(
                KafkaCredentials.load(KafkaCredentials.file(dataDir)).client(KafkaAccess.ADMIN));
        client.put("bootstrap.servers", "localhost:" + Ports.KAFKA);
        return client;
    }

    /** Owner-only: it holds the admin's password (the controller listener's PLAIN login). */
    private static void writeConfig(Path config, Properties properties) throws IOException {
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(out, "Written by the local stack on every start; edit KafkaNode instead");
        }
    }

    private static void format(Path config, KafkaCredentials credentials) {
        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting Kafka storage (cluster id {})", clusterId);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config", config.toString()));
        args.addAll(SecuredBroker.formatArguments(credentials));
        int code = kafka.tools.StorageTool.execute(args.toArray(String[]::new), quiet);
        if (code != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + code);
        }
    }

    private static void createTopicsAndUsers(Map<String, Object> client, KafkaCredentials credentials) {
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                // Users and ACLs first: the health check counts topics, and a service started on a healthy
                // broker must find its user there.
                try (Admin admin = KafkaTopics.admin(client, 5_000)) {
                    SecuredBroker.grant(admin, credentials, 5_000);
                }
                KafkaTopics.ensure(client, 5_000);
                log.info("Topics ready: {}; users {}", KafkaTopics.NAMES, KafkaAccess.USERS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("Topics not created yet (attempt {}): {}", attempt, e.toString());
            }
        }
        log.error("Could not create the topics {} within the start-up window", KafkaTopics.NAMES);
    }
}
