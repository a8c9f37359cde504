package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.registration.EnrollmentEvent;
import org.zhonglou.contracts.registration.EnrollmentStatus;
import org.zhonglou.contracts.station.AlertEvent;
import org.zhonglou.contracts.station.AlertState;
import org.zhonglou.contracts.station.Severity;
import org.zhonglou.support.messaging.PoisonRecordException;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.DeadLetterTopic;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.TopicWriter;

/**
 * Both consumers of this service ({@code alertEvents}, {@code enrollmentEvents}) against the real broker
 * and store: a poison event between good ones goes to the consumer's dead-letter topic with its headers
 * while every good one is delivered once (webhook, parent e-mail); and a store outage longer than the
 * old give-up time of the binder's retries is retried until it ends, with no good event dead-lettered;
 * and a store that goes away just after a webhook went out, for longer than the delivery's lease, does
 * not make it go out again.
 */
class ConsumerDeadLetterIT {

    private static final String ALERTS_DLQ = DeadLetterTopic.name(Topics.STATION_ALERTS, "notification-service");
    private static final String ENROLLMENTS_DLQ =
            DeadLetterTopic.name(Topics.REGISTRATION_ENROLLMENTS, "notification-service");
    private static final Instant DAWN_OF_TIME = Instant.parse("-999999999-01-01T00:00:00Z");
    private static final int GOOD = 5;
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static LocalMongo store;
    private static RestartableKafka kafka;
    private static ConfigurableApplicationContext service;
    private static TopicWriter writer;
    private static WebhookReceiver receiver;
    private static ApiClient api;
    private final RegistrationStandIn registration = TestPeers.registration();

    @BeforeAll
    static void start() throws Exception {
        store = LocalMongo.onFile(Files.createTempDirectory("notification-dead-letters").resolve("store.mv")).start();
        kafka = new RestartableKafka().start();
        Map<String, String> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.profiles.active", "local",
                "spring.mongodb.uri", store.uri("notification_dead_letters"),
                "spring.cloud.stream.kafka.binder.brokers", kafka.brokers(),
                "spring.cloud.stream.kafka.binder.replication-factor", "1",
                "spring.cloud.stream.kafka.binder.min-partition-count", "1",
                "zhonglou.security.jwt.public-key-location", TestTokens.publicKeyLocation(),
                "zhonglou.security.jwt.issuer-uri", ""));
        properties.putAll(Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(TestPeers.mail().getSmtp().getPort()),
                "notification.registration.base-url", TestPeers.registration().baseUrl(),
                "notification.service-token.signing-key-location", TestTokens.privateKeyFile().toUri().toString(),
                "notification.delivery.initial-backoff", "PT0.2S",
                "notification.delivery.max-backoff", "PT1S",
                "notification.parent.initial-backoff", "PT0.2S",
                "notification.parent.max-backoff", "PT1S",
                "notification.delivery.lease", LEASE.toString()));
        service = new SpringApplicationBuilder(NotificationApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        api = ApiClient.localhost(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        writer = new TopicWriter(kafka.brokers());
        receiver = WebhookReceiver.healthy();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        writer.close();
        service.close();
        kafka.close();
        store.stop();
    }

    @Test
    void poisonEventsAreDeadLetteredWhileTheGoodOnesAroundThemAreDeliveredOnce() {
        String station = subscribedStation();
        List<String> addresses = new ArrayList<>();
        String programme = "prg-" + UUID.randomUUID();

        List<String> alertIds = sendAlerts(station, 1);
        RecordMetadata poisonAlert = writer.send(Topics.STATION_ALERTS, alert(station, DAWN_OF_TIME));
        alertIds.addAll(sendAlerts(station, GOOD));
        sendEnrollments(programme, addresses, 1);
        RecordMetadata poisonEnrollment = writer.send(Topics.REGISTRATION_ENROLLMENTS, enrollment(programme, "x"),
                "{\"enrollmentId\": ".getBytes(StandardCharsets.UTF_8));
        sendEnrollments(programme, addresses, GOOD);

        await("the good alert events delivered within 5 s").atMost(Duration.ofSeconds(5))
                .until(() -> receiver.eventIds().containsAll(alertIds));
        await("the parent e-mails sent").atMost(Duration.ofSeconds(10))
                .until(() -> addresses.stream().allMatch(address -> mailsTo(address) == 1));

        assertDeadLettered(ALERTS_DLQ, station, poisonAlert, "occurredAt");
        assertDeadLettered(ENROLLMENTS_DLQ, programme, poisonEnrollment, "EnrollmentEvent");
        assertDeliveredOnce(alertIds, addresses);
    }

    @Test
    void aStoreOutageIsRetriedUntilItEndsAndNoGoodEventIsDeadLettered() {
        String station = subscribedStation();
        String programme = "prg-" + UUID.randomUUID();
        List<String> addresses = new ArrayList<>();
        List<String> alertIds;
        RecordMetadata poisonAlert;

        store.stop();
        try {
            alertIds = sendAlerts(station, GOOD);
            poisonAlert = writer.send(Topics.STATION_ALERTS, alert(station, DAWN_OF_TIME));
            sendEnrollments(programme, addresses, GOOD);
            // Longer than a record that can never succeed is given: the good events must still be waiting.
            await("no good event dead-lettered during the outage").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(20)).until(() -> letters(ALERTS_DLQ, station).size() <= 1
                            && letters(ENROLLMENTS_DLQ, programme).isEmpty());
        } finally {
            store.start();
        }

        await("every alert delivered once the store is back").atMost(Duration.ofSeconds(60))
                .until(() -> receiver.eventIds().containsAll(alertIds));
        await("every parent e-mail sent").atMost(Duration.ofSeconds(60))
                .until(() -> addresses.stream().allMatch(address -> mailsTo(address) == 1));
        assertDeadLettered(ALERTS_DLQ, station, poisonAlert, "occurredAt");
        assertThat(letters(ENROLLMENTS_DLQ, programme)).isEmpty();
        assertDeliveredOnce(alertIds, addresses);
    }

    @Test
    void aStoreLostJustAfterAWebhookWentOutDoesNotSendItAgain() {
        try (WebhookReceiver storeStopping = WebhookReceiver.runningBeforeFirstAnswer(store::stop)) {
            String station = subscribedStation(storeStopping);
            List<String> alertIds;
            try {
                alertIds = sendAlerts(station, 1);
                await("the webhook sent, the store gone before its answer").atMost(Duration.ofSeconds(10))
                        .until(() -> storeStopping.eventIds().containsAll(alertIds));
                // The delivery's lease runs out while the store is away: its claim is free again when it is back.
                await().pollDelay(LEASE.multipliedBy(2)).until(() -> true);
            } finally {
                store.start();
            }
            await("sent once, not again after the store is back").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(10)).until(() -> storeStopping.eventIds().equals(alertIds));
        }
    }

    private String subscribedStation() {
        return subscribedStation(receiver);
    }

    private String subscribedStation(WebhookReceiver target) {
        String station = Alerts.station();
        ApiClient.Answer answer = api.post("/api/subscriptions", Map.of("channel", "WEBHOOK", "target", target.url(),
                "stationIds", List.of(station), "minSeverity", "WARNING", "includeResolved", true))
                .bearer(TestTokens.staff("staff-dlq")).send();
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return station;
    }

    private List<String> sendAlerts(String station, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CloudEvent<AlertEvent> event = alert(station, Instant.now());
            writer.send(Topics.STATION_ALERTS, event);
            ids.add(event.id());
        }
        return ids;
    }

    private void sendEnrollments(String programme, List<String> addresses, int count) {
        for (int i = 0; i < count; i++) {
            String enrollment = "enr-" + UUID.randomUUID();
            String address = "guardian-" + UUID.randomUUID() + "@family.example";
            registration.contact(enrollment, "王芳", address, "zh");
            addresses.add(address);
            writer.send(Topics.REGISTRATION_ENROLLMENTS, enrollment(programme, enrollment));
        }
    }

    private void assertDeliveredOnce(List<String> alertIds, List<String> addresses) {
        await("and nothing twice").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                alertIds.stream().allMatch(id -> receiver.eventIds().stream().filter(id::equals).count() == 1)
                        && addresses.stream().allMatch(address -> mailsTo(address) == 1));
    }

    private static void assertDeadLettered(String topic, String key, RecordMetadata poison, String why) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !letters(topic, key).isEmpty());
        assertThat(letters(topic, key)).as(topic).singleElement().satisfies(letter -> {
            assertThat(letter.exceptionClass()).isEqualTo(PoisonRecordException.class.getName());
            assertThat(letter.exceptionMessage()).contains(why);
            assertThat(letter.originalTopic()).isEqualTo(poison.topic());
            assertThat(letter.originalPartition()).isEqualTo(poison.partition());
            assertThat(letter.originalOffset()).isEqualTo(poison.offset());
        });
    }

    private static List<DeadLetterTopic.Letter> letters(String topic, String key) {
        return DeadLetterTopic.read(kafka.brokers(), topic).stream()
                .filter(letter -> key.equals(letter.key())).toList();
    }

    private static long mailsTo(String address) {
        return TestPeers.mailsTo(address).size();
    }

    private static CloudEvent<AlertEvent> alert(String station, Instant occurredAt) {
        String alertId = "alr-" + UUID.randomUUID();
        AlertEvent data = new AlertEvent(alertId, station, "gas-1", "h2s-dangerous", "h2s_ppm", 40.0,
                Severity.CRITICAL, AlertState.ACTIVE, occurredAt);
        return new CloudEvent<>(UUID.randomUUID().toString(), EventTypes.ALERT_RAISED,
                "/zhonglou/station-monitoring-service", station, Instant.now(), data);
    }

    private static CloudEvent<EnrollmentEvent> enrollment(String programme, String enrollment) {
        Instant now = Instant.now();
        return new CloudEvent<>(UUID.randomUUID().toString(), EventTypes.ENROLLMENT_CONFIRMED,
                "/zhonglou/registration-service", programme, now,
                new EnrollmentEvent(enrollment, programme, "parent-1", EnrollmentStatus.CONFIRMED, null, now));
    }
}
