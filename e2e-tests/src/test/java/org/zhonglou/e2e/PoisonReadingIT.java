package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.EventTypes;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.CloudEvent;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.testsupport.DeadLetterTopic;
import org.zhonglou.testsupport.TopicWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The reported incident, replayed against the running stack: one sensor's reading with the timestamp
 * {@code -999999999-01-01T00:00:00Z} once got a 202 and then blocked storage and alerting of every
 * station. Now the API refuses it, and the same record planted straight on {@code station.readings.v1}
 * is dead-lettered by both consumers while 10,000 good readings after it are stored and an H2S reading of
 * 40 ppm at another station still raises its alert. The dead letter can be replayed with
 * {@code ./run.sh replay-dlq}.
 */
class PoisonReadingIT {

    private static final String POISON = "-999999999-01-01T00:00:00Z";
    private static final String STORAGE_DLQ = DeadLetterTopic.name(Topics.STATION_READINGS, "station-monitoring-service");
    private static final String ALERTS_DLQ =
            DeadLetterTopic.name(Topics.STATION_READINGS, "station-monitoring-service-alerts");
    private static final int DEVICES = 10;
    private static final int PER_DEVICE = 1000;

    private final E2eStack stack = E2eStack.get();
    private final StationApi stations = stack.stations();

    @Test
    void aPoisonReadingIsRefusedOrDeadLetteredAndNeverStopsStorageOrAlerting() {
        Instant from = Instant.now();
        String poisoned = stations.ensureStation(E2eStack.unique("e2e-poison"), "E2E poisoned station", 200);
        String sensor = stations.registerDevice(poisoned, "gas-0");

        ArrayNode reported = Json.MAPPER.createArrayNode()
                .add(Json.object().put("metric", "h2s_ppm").put("value", 25).put("timestamp", POISON));
        Reply refused = stations.postReadings(poisoned, sensor, reported).join();
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("[0].timestamp");

        RecordMetadata planted = plantPoison(poisoned);
        postGoodReadings(poisoned);
        String other = stations.ensureStation(E2eStack.unique("e2e-h2s"), "E2E neighbour station", 200);
        String gas = stations.registerDevice(other, "gas-1");
        new RetryingDevice(stations, other, gas).send(Json.MAPPER.createArrayNode()
                .add(StationApi.reading(null, "h2s_ppm", 40, Instant.now())), Instant.now().plusSeconds(60));

        await("all 10,000 good readings stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stations.storedCount(poisoned, "fill_level_pct", from, Instant.now()) >= DEVICES * PER_DEVICE);
        await("the 40 ppm reading at the other station raised its alert").atMost(Duration.ofSeconds(60))
                .until(() -> rules(stations.alerts(other)).contains("h2s-dangerous"));
        await("and no reading stored twice").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> stations.storedCount(poisoned, "fill_level_pct", from, Instant.now()) == DEVICES * PER_DEVICE);
        for (String topic : List.of(STORAGE_DLQ, ALERTS_DLQ)) {
            await(topic).atMost(Duration.ofSeconds(30)).until(() -> !letters(topic, poisoned).isEmpty());
            assertThat(letters(topic, poisoned)).singleElement().satisfies(letter -> {
                assertThat(letter.exceptionMessage()).contains(POISON);
                assertThat(letter.originalTopic()).isEqualTo(Topics.STATION_READINGS);
                assertThat(letter.originalPartition()).isEqualTo(planted.partition());
                assertThat(letter.originalOffset()).isEqualTo(planted.offset());
            });
        }

        List<String> replayed = stack.stack.runSh(Duration.ofMinutes(2), "replay-dlq", STORAGE_DLQ);
        assertThat(String.join("\n", replayed)).contains("\"replayed\":");
        await("still poison, so dead-lettered again").atMost(Duration.ofSeconds(30))
                .until(() -> letters(STORAGE_DLQ, poisoned).size() == 2);
    }

    /** What a producer that skips the API's checks would put on the topic. */
    private RecordMetadata plantPoison(String stationId) {
        String batchId = UUID.randomUUID().toString();
        ReadingsAccepted batch = new ReadingsAccepted(batchId, stationId, "gas-0", Instant.now(),
                List.of(new ReadingsAccepted.Reading(batchId + ":0", "h2s_ppm", 25, Instant.parse(POISON))));
        try (TopicWriter writer = new TopicWriter(stack.kafkaClient())) {
            return writer.send(Topics.STATION_READINGS, new CloudEvent<>(batchId, EventTypes.READINGS_ACCEPTED,
                    "/e2e/hostile-producer", stationId, batch.receivedAt(), batch));
        }
    }

    /** Ten sensors of the poisoned station, a thousand readings each, after the poison on the same partition. */
    private void postGoodReadings(String stationId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        for (int d = 0; d < DEVICES; d++) {
            RetryingDevice device = new RetryingDevice(stations, stationId,
                    stations.registerDevice(stationId, "fill-" + d));
            ArrayNode batch = Json.MAPPER.createArrayNode();
            Instant now = Instant.now();
            for (int i = 0; i < PER_DEVICE; i++) {
                batch.add(StationApi.reading("good-" + d + "-" + i, "fill_level_pct", i % 100, now.minusMillis(PER_DEVICE - i)));
            }
            device.send(batch, deadline);
        }
    }

    private List<DeadLetterTopic.Letter> letters(String topic, String stationId) {
        return DeadLetterTopic.read(stack.kafkaClient(), topic).stream()
                .filter(letter -> stationId.equals(letter.key())).toList();
    }

    private static List<String> rules(JsonNode alerts) {
        return alerts.findValuesAsString("rule");
    }
}
