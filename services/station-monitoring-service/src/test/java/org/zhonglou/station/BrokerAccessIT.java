package org.zhonglou.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.DeadLetterTopic;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;
import org.zhonglou.testsupport.TopicReader;
import org.zhonglou.testsupport.TopicWriter;

/**
 * The broker the local stack runs (SASL/SCRAM, one user per service, ACLs from kafka-access) with the
 * service logged in as its own user: its flows work (ingest, both consumers, alerts, dead letters and
 * their replay), and nobody gets further than their ACLs: another service's topic, another service's
 * group, a wrong password and no login at all are refused by the broker.
 */
class BrokerAccessIT {

    private static final String STATION = KafkaAccess.STATION_MONITORING.user();
    private static final String REGISTRATION = KafkaAccess.REGISTRATION.user();
    private static final String NOTIFICATION = KafkaAccess.NOTIFICATION.user();
    private static final String STORAGE_DLQ = DeadLetterTopic.name(Topics.STATION_READINGS, "station-monitoring-service");

    private static LocalMongo store;
    private static RestartableKafka kafka;
    private static ConfigurableApplicationContext service;
    private static StationApi api;

    @BeforeAll
    static void start() throws Exception {
        store = LocalMongo.onFile(Files.createTempDirectory("broker-access").resolve("store.mv")).start();
        kafka = RestartableKafka.secured().start();
        service = StandaloneStation.start(store, kafka, "broker_access", kafka.serviceEnvironment(STATION));
        api = new StationApi(StandaloneStation.port(service));
    }

    @AfterAll
    static void stop() {
        service.close();
        kafka.close();
        store.stop();
    }

    @Test
    void theServiceLoggedInAsItsOwnUserIngestsStoresAlertsDeadLettersAndReplays() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        assertThat(api.post(station, key, "{\"metric\": \"h2s_ppm\", \"value\": 40, \"timestamp\": \"" + t + "\"}")
                .status()).isEqualTo(202);

        Instant day = t.truncatedTo(ChronoUnit.DAYS);
        api.awaitStored(station, "h2s_ppm", day.minus(1, ChronoUnit.DAYS), day.plus(2, ChronoUnit.DAYS), 1);
        assertThat(TopicReader.read(kafka.client(KafkaAccess.ADMIN), Topics.STATION_ALERTS,
                record -> station.equals(record.key()), 1, Duration.ofSeconds(10))).isNotEmpty();

        try (TopicWriter admin = new TopicWriter(kafka.client(KafkaAccess.ADMIN))) {
            admin.send(Topics.STATION_READINGS, new CloudEvent<>(UUID.randomUUID().toString(),
                    EventTypes.READINGS_ACCEPTED, "/test/producer", station, Instant.now(), "not json"),
                    "not json".getBytes(StandardCharsets.UTF_8));
        }
        await("the service created and wrote its dead-letter topic").atMost(Duration.ofSeconds(20))
                .until(() -> DeadLetterTopic.read(kafka.client(KafkaAccess.ADMIN), STORAGE_DLQ).stream()
                        .anyMatch(letter -> station.equals(letter.key())));
        ApiClient.Answer replayed = api.client().post("/api/admin/dead-letters/" + STORAGE_DLQ + "/replay", "")
                .bearer(StationApi.STAFF).send();
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("replayed").asLong()).isPositive();
    }

    @Test
    void aServiceUserCannotWriteAnotherServicesTopic() {
        for (String user : List.of(REGISTRATION, NOTIFICATION)) {
            try (TopicWriter writer = new TopicWriter(kafka.client(user))) {
                assertThatThrownBy(() -> writer.send(Topics.STATION_ALERTS, forged()))
                        .as(user + " forging an alert").hasRootCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        try (TopicWriter writer = new TopicWriter(kafka.client(STATION))) {
            assertThatThrownBy(() -> writer.send(Topics.REGISTRATION_ENROLLMENTS, forged()))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceUserCannotReadWithAnotherServicesGroupNorATopicItDoesNotConsume() {
        assertThatThrownBy(() -> poll(NOTIFICATION, Topics.STATION_ALERTS, "station-monitoring-service"))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> poll(STATION, Topics.STATION_READINGS, "notification-service"))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> poll(NOTIFICATION, Topics.STATION_READINGS, "notification-service"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithAWrongPasswordOrWithoutLoginIsRefused() throws Exception {
        Map<String, Object> wrong = new HashMap<>(kafka.client(KafkaAccess.ADMIN));
        wrong.putAll(KafkaCredentials.sasl(KafkaAccess.ADMIN, "not-the-password"));
        assertThatThrownBy(() -> clusterNodes(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> anonymous = Map.of("bootstrap.servers", kafka.brokers());
        assertThatThrownBy(() -> clusterNodes(anonymous)).as("a plaintext client gets no answer at all")
                .isInstanceOf(Exception.class);
        assertThat(clusterNodes(kafka.client(KafkaAccess.ADMIN))).isEqualTo(1);
    }

    private static CloudEvent<String> forged() {
        return new CloudEvent<>(UUID.randomUUID().toString(), EventTypes.ALERT_RAISED, "/forged", "st-forged",
                Instant.now(), "{}");
    }

    private static void poll(String user, String topic, String group) {
        Map<String, Object> config = new HashMap<>(kafka.client(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 20; i++) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    private static int clusterNodes(Map<String, Object> client) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put("default.api.timeout.ms", 5_000);
        config.put("request.timeout.ms", 3_000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get().size();
        }
    }
}
