package org.zhonglou.station.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.station.StandaloneStation;
import org.zhonglou.station.StationApi;
import org.zhonglou.support.messaging.PoisonRecordException;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.DeadLetterTopic;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.TopicReader;
import org.zhonglou.testsupport.TopicWriter;

/**
 * Both consumers of {@code station.readings.v1} (storage and alert evaluation) against the real broker
 * and store: a poison record (the reported {@code -999999999-01-01T00:00:00Z} timestamp, planted on the
 * topic by a producer that skips the API's checks) goes to each consumer's dead-letter topic while the
 * good records around it are stored and evaluated once; and a store outage is retried until it ends
 * without a single good record dead-lettered.
 */
class ReadingsDeadLetterIT {

    private static final String STORAGE_DLQ = DeadLetterTopic.name(Topics.STATION_READINGS, "station-monitoring-service");
    private static final String ALERTS_DLQ =
            DeadLetterTopic.name(Topics.STATION_READINGS, "station-monitoring-service-alerts");
    private static final Instant POISON = Instant.parse("-999999999-01-01T00:00:00Z");
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 10;

    private static LocalMongo store;
    private static RestartableKafka kafka;
    private static ConfigurableApplicationContext service;
    private static StationApi api;
    private static TopicWriter writer;

    @BeforeAll
    static void start() throws Exception {
        store = LocalMongo.onFile(Files.createTempDirectory("dead-letters").resolve("store.mv")).start();
        kafka = new RestartableKafka().start();
        service = StandaloneStation.start(store, kafka, "dead_letters");
        api = new StationApi(StandaloneStation.port(service));
        writer = new TopicWriter(kafka.brokers());
    }

    @AfterAll
    static void stop() {
        writer.close();
        service.close();
        kafka.close();
        store.stop();
    }

    @Test
    void aPoisonRecordIsDeadLetteredByBothConsumersWhileItsNeighboursAreStoredAndEvaluatedOnce() {
        String station = api.newStation(200);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        writer.send(Topics.STATION_READINGS, event(batch(station, t, 5)));
        RecordMetadata poison = writer.send(Topics.STATION_READINGS, event(poisonBatch(station)));
        sendGoodBatches(station, t.plusSeconds(1));

        await("the good neighbours stored within 5 s").atMost(Duration.ofSeconds(5))
                .until(() -> stored(station) == (BATCHES + 1) * PER_BATCH);
        await("the 40 ppm reading raised its alert").atMost(Duration.ofSeconds(5))
                .until(() -> alertEvents(station, EventTypes.ALERT_RAISED, 1).size() == 1);

        assertDeadLetteredOnce(station, poison);
        assertStoredAndEvaluatedOnce(station);
    }

    @Test
    void aStoreOutageIsRetriedUntilItEndsAndNoGoodRecordIsDeadLettered() {
        String station = api.newStation(200);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        writer.send(Topics.STATION_READINGS, event(batch(station, t, 5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(station) == PER_BATCH);

        store.stop();
        RecordMetadata poison;
        try {
            poison = writer.send(Topics.STATION_READINGS, event(poisonBatch(station)));
            sendGoodBatches(station, t.plusSeconds(1));
            // Far longer than a record that can never succeed is given: the good ones must still be waiting.
            await("only the poison record dead-lettered during the outage").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> letters(STORAGE_DLQ, station).size() <= 1 && letters(ALERTS_DLQ, station).size() <= 1);
        } finally {
            store.start();
        }

        await("everything stored once the store is back").atMost(Duration.ofSeconds(60))
                .until(() -> stored(station) == (BATCHES + 1) * PER_BATCH);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertEvents(station, EventTypes.ALERT_RAISED, 1).size() == 1);
        assertDeadLetteredOnce(station, poison);
        assertStoredAndEvaluatedOnce(station);
    }

    @Test
    void staffReplayADeadLetterTopicOnceEachRecordAndNobodyElseMay() {
        String station = api.newStation(200);
        RecordMetadata poison = writer.send(Topics.STATION_READINGS, event(poisonBatch(station)));
        await().atMost(Duration.ofSeconds(10)).until(() -> letters(STORAGE_DLQ, station).size() == 1
                && letters(ALERTS_DLQ, station).size() == 1);
        String replay = "/api/admin/dead-letters/" + STORAGE_DLQ + "/replay";

        assertThat(api.client().post(replay, "").bearer(TestTokens.parent("p-1")).send().status()).isEqualTo(403);
        assertThat(api.client().post("/api/admin/dead-letters/station.readings.v1.nobody.dlq/replay", "")
                .bearer(StationApi.STAFF).send().status()).isEqualTo(404);
        ApiClient.Answer listed = api.get("/api/admin/dead-letters");
        assertThat(listed.json().findValuesAsString("consumer")).contains("storeReadings", "evaluateReadings");
        for (var consumer : listed.json()) {
            assertThat(consumer.path("deadLetteredSinceStart").asLong()).as("counted: %s", consumer).isPositive();
            assertThat(consumer.path("waitingForReplay").asLong()).as("waiting: %s", consumer).isPositive();
        }
        ApiClient.Answer replayed = api.client().post(replay, "").bearer(StationApi.STAFF).send();

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("replayed").asLong()).isPositive();
        assertThat(replayed.json().path("remaining").asLong()).isZero();
        List<ConsumerRecord<String, byte[]>> copies = TopicReader.read(kafka.brokers(), Topics.STATION_READINGS,
                record -> station.equals(record.key()), 2, Duration.ofSeconds(10));
        assertThat(copies).as("the original and its replayed copy").hasSize(2);
        assertThat(copies.get(1).value()).isEqualTo(copies.get(0).value());
        assertThat(TopicReader.header(copies.get(1), "ce_id")).isEqualTo(TopicReader.header(copies.get(0), "ce_id"));
        assertThat(copies.get(1).headers().lastHeader("kafka_dlt-original-topic")).isNull();
        // Still poison (nothing was fixed): dead-lettered again, after the replay mark, so replayable once more.
        await().atMost(Duration.ofSeconds(10)).until(() -> letters(STORAGE_DLQ, station).size() == 2);
        assertThat(letters(STORAGE_DLQ, station).get(1).originalOffset()).isGreaterThan(poison.offset());
        assertThat(api.client().post(replay, "").bearer(StationApi.STAFF).send().json().path("replayed").asLong())
                .isPositive();
    }

    /** Ten batches of ten H2S readings; the fifth holds 40 ppm (raises h2s-dangerous), later ones clear it. */
    private static void sendGoodBatches(String station, Instant from) {
        for (int b = 0; b < BATCHES; b++) {
            writer.send(Topics.STATION_READINGS, event(batch(station, from.plusSeconds(b * PER_BATCH), b == 4 ? 40 : 5)));
        }
    }

    private static void assertDeadLetteredOnce(String station, RecordMetadata poison) {
        for (String topic : List.of(STORAGE_DLQ, ALERTS_DLQ)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !letters(topic, station).isEmpty());
            assertThat(letters(topic, station)).as(topic).singleElement().satisfies(letter -> {
                assertThat(letter.exceptionClass()).isEqualTo(PoisonRecordException.class.getName());
                assertThat(letter.exceptionMessage()).contains("timestamp").contains(POISON.toString());
                assertThat(letter.originalTopic()).isEqualTo(Topics.STATION_READINGS);
                assertThat(letter.originalPartition()).isEqualTo(poison.partition());
                assertThat(letter.originalOffset()).isEqualTo(poison.offset());
            });
        }
    }

    private static void assertStoredAndEvaluatedOnce(String station) {
        await("and no more than that").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> stored(station) == (BATCHES + 1) * PER_BATCH);
        assertThat(alertEvents(station, EventTypes.ALERT_RAISED, 2)).hasSize(1);
        assertThat(alertEvents(station, EventTypes.ALERT_RESOLVED, 2)).hasSize(1);
    }

    private static long stored(String station) {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return api.storedCount(station, "h2s_ppm", day.minus(1, ChronoUnit.DAYS), day.plus(2, ChronoUnit.DAYS));
    }

    private static List<DeadLetterTopic.Letter> letters(String topic, String station) {
        return DeadLetterTopic.read(kafka.brokers(), topic).stream()
                .filter(letter -> station.equals(letter.key())).toList();
    }

    private static List<?> alertEvents(String station, String type, int expected) {
        return TopicReader.read(kafka.brokers(), Topics.STATION_ALERTS, record -> station.equals(record.key())
                && type.equals(TopicReader.header(record, "ce_type")), expected, Duration.ofSeconds(2));
    }

    private static ReadingsAccepted batch(String station, Instant from, double value) {
        List<Reading> readings = new ArrayList<>();
        String batchId = UUID.randomUUID().toString();
        for (int i = 0; i < PER_BATCH; i++) {
            readings.add(new Reading(batchId + ":" + i, "h2s_ppm", i == PER_BATCH - 1 ? 5 : value, from.plusMillis(i * 100L)));
        }
        return new ReadingsAccepted(batchId, station, "gas-1", Instant.now(), readings);
    }

    /** What the API accepted before it checked timestamps: one H2S reading at the dawn of time. */
    private static ReadingsAccepted poisonBatch(String station) {
        String batchId = UUID.randomUUID().toString();
        return new ReadingsAccepted(batchId, station, "gas-1", Instant.now(),
                List.of(new Reading(batchId + ":0", "h2s_ppm", 25, POISON)));
    }

    private static CloudEvent<ReadingsAccepted> event(ReadingsAccepted batch) {
        return new CloudEvent<>(batch.batchId(), EventTypes.READINGS_ACCEPTED, "/test/producer", batch.stationId(),
                batch.receivedAt(), batch);
    }
}
