package org.zhonglou.station.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.contracts.station.ReadingsAccepted.Reading;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.LocalStackTest;

/** The storage consumer under redelivery, restarts and retention, against the real broker and store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LocalStackTest
class ReadingsRedeliveryIT {

    private static final String BINDING = "storeReadings-in-0";
    private static final String GROUP = "station-monitoring-service";

    @Value("${local.server.port}")
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Value("${station.storage.raw-retention}")
    Duration retention;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    ReadingWriter store;

    @Autowired
    RetentionPurge purge;

    @Autowired
    MongoTemplate mongo;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void noReadingIsLostAcrossAConsumerRestart() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "fill-1");
        Instant t = Instant.parse("2024-08-05T10:00:00Z");
        bindings.stop(BINDING);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(api.post(station, key, "[" + reading(t.plusSeconds(i), i) + "," + reading(t.plusSeconds(i), i)
                        + "]").status()).isEqualTo(202);
            }
            assertThat(api.storedCount(station, "fill_level_pct", t.minusSeconds(36_000), t.plusSeconds(50_400)))
                    .isZero();
        } finally {
            bindings.start(BINDING);
        }
        api.awaitStored(station, "fill_level_pct", t.minusSeconds(36_000), t.plusSeconds(50_400), 10);
    }

    @Test
    void aForcedRedeliveryOfTheWholeTopicStoresNothingTwice() throws Exception {
        String station = api.newStation(200);
        String key = api.newDevice(station, "fill-1");
        Instant t = Instant.parse("2024-08-04T10:00:00Z");
        assertThat(api.post(station, key, "[" + reading(t, 10) + "," + reading(t.plusSeconds(1), 20) + "]").status())
                .isEqualTo(202);
        assertThat(api.post(station, key, "[{\"readingId\": \"x-1\", \"metric\": \"fill_level_pct\", \"value\": 30, "
                + "\"timestamp\": \"" + t.plusSeconds(2) + "\"}]").status()).isEqualTo(202);
        Instant dayStart = Instant.parse("2024-08-04T00:00:00Z");
        Instant dayEnd = Instant.parse("2024-08-05T00:00:00Z");
        api.awaitStored(station, "fill_level_pct", dayStart, dayEnd, 3);
        long chunks = mongo.count(Query.query(Criteria.where("stationId").is(station)), RawChunks.COLLECTION);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            bindings.stop(BINDING);
            try {
                Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
                for (int p = 0; p < 2; p++) {
                    rewind.put(new TopicPartition(Topics.STATION_READINGS, p), new OffsetAndMetadata(0));
                }
                Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                        admin.alterConsumerGroupOffsets(GROUP, rewind).all().get());
            } finally {
                bindings.start(BINDING);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            IntStream.range(0, 2).forEach(p -> latest.put(new TopicPartition(Topics.STATION_READINGS, p), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }

        assertThat(api.storedCount(station, "fill_level_pct", dayStart, dayEnd)).isEqualTo(3);
        assertThat(mongo.count(Query.query(Criteria.where("stationId").is(station)), RawChunks.COLLECTION))
                .isEqualTo(chunks);
    }

    @Test
    void aRedeliveredPollWithMoreRecordsAddsOnlyWhatIsNew() {
        String station = api.newStation(200);
        Instant t = Instant.parse("2024-08-03T10:00:00Z");
        String firstId = UUID.randomUUID().toString();
        ReceivedBatch first = batch(station, 90, 7, firstId, List.of(new Reading("dup", "h2s_ppm", 5, t),
                new Reading(firstId + ":1", "h2s_ppm", 7, t)));
        ReceivedBatch second = batch(station, 90, 8, UUID.randomUUID().toString(), List.of(
                new Reading("dup", "h2s_ppm", 5, t),
                new Reading("new", "h2s_ppm", 9, t.plusSeconds(1))));

        store.store(List.of(first));
        store.store(List.of(first, second));
        store.store(List.of(first, second));

        Instant dayStart = Instant.parse("2024-08-03T00:00:00Z");
        assertThat(api.storedCount(station, "h2s_ppm", dayStart, dayStart.plus(Duration.ofDays(1)))).isEqualTo(3);
        var seconds = api.get("/api/stations/" + station + "/readings?metric=h2s_ppm&from=" + t + "&to="
                + t.plusSeconds(2) + "&step=PT1S").json().path("buckets");
        assertThat(seconds.get(0).path("count").asInt()).isEqualTo(2);
        assertThat(seconds.get(0).path("avg").asDouble()).isEqualTo(6.0);
        assertThat(seconds.get(1).path("max").asDouble()).isEqualTo(9.0);
    }

    @Test
    void rawReadingsPastTheRetentionArePurgedWhileHourlyAggregatesStay() {
        String station = api.newStation(200);
        Instant old = Instant.now().minus(retention).minus(Duration.ofDays(10))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        store.store(List.of(batch(station, 91, 1, UUID.randomUUID().toString(), List.of(new Reading("old-1", "nh3_ppm", 4, old)))));
        assertThat(mongo.count(Query.query(Criteria.where("stationId").is(station)), RawChunks.COLLECTION)).isOne();

        purge.purge();

        assertThat(mongo.count(Query.query(Criteria.where("stationId").is(station)), RawChunks.COLLECTION)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("stationId").is(station)), Level.SECONDS.collection())).isZero();
        assertThat(api.storedCount(station, "nh3_ppm", old.truncatedTo(java.time.temporal.ChronoUnit.DAYS),
                old.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1)))).isOne();
    }

    private static ReceivedBatch batch(String station, int partition, long offset, String batchId,
                                       List<Reading> readings) {
        return new ReceivedBatch(partition, offset, new ReadingsAccepted(batchId, station, "gas-1", Instant.now(),
                readings));
    }

    private static String reading(Instant at, double value) {
        return "{\"metric\": \"fill_level_pct\", \"value\": " + value + ", \"timestamp\": \"" + at + "\"}";
    }
}
