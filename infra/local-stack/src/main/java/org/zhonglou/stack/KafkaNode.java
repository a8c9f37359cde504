package org.zhonglou.stack;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhonglou.contracts.Topics;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.SecuredBroker;
import org.zhonglou.kafkaaccess.SingleNodeBroker;

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
        writeConfig(config, brokerConfig(logDir, credentials));
        if (!formatted) {
            log.info("Formatted Kafka storage (cluster id {})", SingleNodeBroker.format(config, credentials));
            Files.createFile(secured);
        }
        Map<String, Object> admin = adminClient(dataDir);
        Thread topics = new Thread(() -> createTopicsAndUsers(admin, credentials), "create-topics");
        topics.setDaemon(true);
        topics.start();
        // Blocks until SIGTERM; Kafka installs its own shutdown hook for a clean stop.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** The shared single-node set-up ({@link SingleNodeBroker}) with what the stack adds. */
    static Properties brokerConfig(Path logDir, KafkaCredentials credentials) {
        Properties p = SingleNodeBroker.config("localhost", Ports.KAFKA, Ports.KAFKA_CONTROLLER, logDir, credentials);
        p.setProperty("num.partitions", String.valueOf(KafkaTopics.PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.num.partitions", "10");
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

    private static void createTopicsAndUsers(Map<String, Object> client, KafkaCredentials credentials) {
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                // Users and ACLs first: the health check counts topics, and a service started on a healthy
                // broker must find its user there.
                try (Admin admin = KafkaTopics.admin(client, 5_000)) {
                    SecuredBroker.grant(admin, credentials, 5_000);
                }
                KafkaTopics.ensure(client, 5_000);
                log.info("Topics ready: {}; users {}", Topics.ALL, KafkaAccess.USERS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("Topics not created yet (attempt {}): {}", attempt, e.toString());
            }
        }
        log.error("Could not create the topics {} within the start-up window", Topics.ALL);
    }
}
