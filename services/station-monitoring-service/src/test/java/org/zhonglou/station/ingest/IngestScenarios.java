package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.zhonglou.contracts.Topics;
import org.zhonglou.contracts.cloudevents.EventCodec;
import org.zhonglou.contracts.station.ReadingsAccepted;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import org.zhonglou.testsupport.TopicReader;
import tools.jackson.databind.JsonNode;

/** Ingestion over HTTP against the real broker and store: validation, device keys, storage, status. */
public abstract class IngestScenarios {

    @Value("${local.server.port}")
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    StationApi api;

    @BeforeEach
    void client() {
        api = new StationApi(port);
    }

    @Test
    void aStationIsRegisteredADevicePostsAndStaffReadStatusSeriesAndTonnage() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "compactor-1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        ApiClient.Answer posted = api.post(station, key, """
                [{"metric": "load_tonnes", "value": 12.5, "timestamp": "%s"},
                 {"metric": "h2s_ppm", "value": 3.2},
                 {"readingId": "np-1", "metric": "negative_pressure_pa", "value": -85, "timestamp": "%s"}]
                """.formatted(now, now));

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().path("accepted").asInt()).isEqualTo(3);
        String batchId = posted.json().path("batchId").asString();
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(brokers, Topics.STATION_READINGS,
                r -> batchId.equals(TopicReader.header(r, "ce_id")), 1, Duration.ofSeconds(20));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(station);
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("ReadingsAccepted");
            ReadingsAccepted batch = EventCodec.decode(record.value(), ReadingsAccepted.class);
            assertThat(batch.deviceId()).isEqualTo("compactor-1");
            assertThat(batch.readings()).extracting(ReadingsAccepted.Reading::readingId)
                    .containsExactly(batchId + ":0", batchId + ":1", "np-1");
        });

        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        api.awaitStored(station, "negative_pressure_pa", hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(2)), 1);
        JsonNode status = api.get("/api/stations/" + station + "/status").json();
        assertThat(status.path("metrics").findValuesAsString("metric"))
                .containsExactly("h2s_ppm", "load_tonnes", "negative_pressure_pa");
        assertThat(status.path("today").path("tonnes").asDouble()).isEqualTo(12.5);
        assertThat(status.path("today").path("shareOfCapacity").asDouble()).isEqualTo(0.0625);
        assertThat(status.path("today").path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(status.path("devicesLastSeen").has("compactor-1")).isTrue();

        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        JsonNode series = api.get("/api/stations/" + station + "/readings?metric=negative_pressure_pa&from="
                + minute.minus(Duration.ofMinutes(2)) + "&to=" + minute.plus(Duration.ofMinutes(1)) + "&step=PT1M").json();
        assertThat(series.path("buckets")).hasSize(3);
        JsonNode last = series.path("buckets").get(2);
        assertThat(last.path("start").asString()).isEqualTo(minute.toString());
        assertThat(last.path("count").asInt()).isEqualTo(1);
        assertThat(last.path("min").asDouble()).isEqualTo(-85.0);
        assertThat(last.path("avg").asDouble()).isEqualTo(-85.0);
    }

    @Test
    void aBatchWithOneBadItemIsRejectedWholeAndNothingOfItIsStored() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");
        Instant t = Instant.parse("2024-08-07T02:00:00Z");

        ApiClient.Answer refused = api.post(station, key, """
                [{"metric": "h2s_ppm", "value": 1, "timestamp": "2024-08-07T02:00:01Z"},
                 {"metric": "h2s_ppm", "value": 9000, "timestamp": "2024-08-07T02:00:02Z"},
                 {"metric": "unknown_metric", "value": 1}]""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("[1].value", "[2].metric");
        ApiClient.Answer accepted = api.post(station, key, "{\"metric\": \"h2s_ppm\", \"value\": 2, "
                + "\"timestamp\": \"2024-08-07T02:00:03Z\"}");
        assertThat(accepted.status()).isEqualTo(202);
        api.awaitStored(station, "h2s_ppm", t, t.plus(Duration.ofDays(1)), 1);
    }

    @Test
    void aDeviceKeyWorksOnlyForItsOwnStationAndOnlyUntilRotated() {
        String home = api.newStation(200);
        String other = api.newStation(200);
        String key = api.newDevice(home, "compactor-1");
        api.newDevice(other, "compactor-1");
        String reading = "{\"metric\": \"fill_level_pct\", \"value\": 40}";

        assertThat(api.post(other, key, reading).status()).isEqualTo(403);
        assertThat(api.post(home, "zdk_not-a-real-key", reading).status()).isEqualTo(401);
        assertThat(api.client().post("/api/stations/" + home + "/readings", reading).send().status()).isEqualTo(401);
        assertThat(api.client().post("/api/stations/" + home + "/readings", reading)
                .bearer(TestTokens.staff("s1")).send().status()).isEqualTo(403);
        assertThat(api.client().get("/api/stations/" + home + "/status").header("X-Device-Key", key).send().status())
                .isEqualTo(403);
        assertThat(api.client().get("/api/stations/" + home + "/status").bearer(TestTokens.parent("p1")).send()
                .status()).isEqualTo(403);

        ApiClient.Answer rotated = api.client().post("/api/stations/" + home + "/devices/compactor-1/rotate-key", "{}")
                .bearer(StationApi.STAFF).send();
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.json().path("deviceKey").asString();
        assertThat(newKey).isNotEqualTo(key).hasSizeGreaterThanOrEqualTo(43);
        assertThat(api.post(home, key, reading).status()).isEqualTo(401);
        assertThat(api.post(home, newKey, reading).status()).isEqualTo(202);
        assertThat(api.get("/api/stations/" + home + "/devices").body()).doesNotContain(newKey);
    }

    @Test
    void stationAndDeviceInputIsValidated() {
        String station = api.newStation(200);
        api.newDevice(station, "compactor-1");

        assertThat(api.client().post("/api/stations", "{\"id\": \"Bad Slug\", \"name\": \"x\", \"address\": \"y\", "
                + "\"dailyCapacityTonnes\": 200}").bearer(StationApi.STAFF).send().status()).isEqualTo(400);
        assertThat(api.client().post("/api/stations", "{\"id\": \"" + station + "\", \"name\": \"x\", \"address\": "
                + "\"y\", \"dailyCapacityTonnes\": 200}").bearer(StationApi.STAFF).send().status()).isEqualTo(409);
        assertThat(api.client().post("/api/stations/" + station + "/devices", "{\"deviceId\": \"compactor-1\"}")
                .bearer(StationApi.STAFF).send().status()).isEqualTo(409);
        assertThat(api.client().post("/api/stations/no-such-station/devices", "{\"deviceId\": \"d1\"}")
                .bearer(StationApi.STAFF).send().status()).isEqualTo(404);
        assertThat(api.get("/api/stations/no-such-station/status").status()).isEqualTo(404);
        assertThat(api.get("/api/stations/" + station + "/readings?metric=h2s_ppm&from=2024-08-07T00:00:00Z"
                + "&to=2024-08-08T00:00:00Z&step=PT1S").status()).isEqualTo(400);
        assertThat(api.get("/api/stations/" + station + "/readings?metric=h2s_ppm&from=2024-08-07T00:00:00Z"
                + "&to=2024-08-08T00:00:00Z&step=P2D").status()).isEqualTo(400);
        assertThat(api.get("/api/stations/" + station + "/readings?metric=co2&from=2024-08-07T00:00:00Z"
                + "&to=2024-08-08T00:00:00Z&step=PT1H").json().path("errors").findValuesAsString("field"))
                .containsExactly("metric");
        assertThat(api.get("/api/stations/" + station + "/throughput?from=2024-08-07&to=2024-08-01").status())
                .isEqualTo(400);
    }

    @Test
    void aDeviceMaySendAMinuteOfBacklogAtOnceThenGetsA429WithRetryAfterWhileItsNeighboursGoOn() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "fill-1");
        String neighbour = api.newDevice(station, "fill-2");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"metric\": \"fill_level_pct\", \"value\": ").append(i % 100).append('}');
        }
        String thousand = batch.append(']').toString();

        for (int b = 0; b < 6; b++) {
            assertThat(api.post(station, key, thousand).status()).as("batch %d of the backlog", b).isEqualTo(202);
        }
        ApiClient.Answer flooded = api.post(station, key, thousand);

        assertThat(flooded.status()).isEqualTo(429);
        assertThat(flooded.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(flooded.header("Retry-After"))).isBetween(1, 10);
        assertThat(api.post(station, neighbour, thousand).status()).isEqualTo(202);
    }

    @Test
    void aRepeatedReadingIdOfTheSameDeviceIsStoredOnce() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "motor-1");
        String other = api.newDevice(station, "motor-2");
        Instant t = Instant.parse("2024-08-07T03:00:00Z");
        String template = "{\"readingId\": \"%s\", \"metric\": \"motor_temp_c\", \"value\": %s, \"timestamp\": \"%s\"}";

        assertThat(api.post(station, key, "[" + template.formatted("r1", 50, t) + "," + template.formatted("r2", 51, t)
                + "," + template.formatted("r2", 51, t) + "]").status()).isEqualTo(202);
        assertThat(api.post(station, key, "[" + template.formatted("r1", 50, t) + "," + template.formatted("r3", 52, t)
                + "]").status()).isEqualTo(202);
        assertThat(api.post(station, other, template.formatted("r1", 60, t)).status()).isEqualTo(202);

        api.awaitStored(station, "motor_temp_c", t.truncatedTo(ChronoUnit.DAYS), t.truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1)), 4);
    }

    @Test
    void tonnageIsCountedPerShanghaiDay() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "weighbridge-1");

        assertThat(api.post(station, key, """
                [{"metric": "load_tonnes", "value": 12.5, "timestamp": "2024-08-06T15:59:59Z"},
                 {"metric": "load_tonnes", "value": 7.25, "timestamp": "2024-08-06T16:00:00Z"},
                 {"metric": "load_tonnes", "value": 3, "timestamp": "2024-08-07T15:59:59Z"},
                 {"metric": "load_tonnes", "value": 11, "timestamp": "2024-08-07T16:00:00Z"}]""").status())
                .isEqualTo(202);

        api.awaitStored(station, "load_tonnes", Instant.parse("2024-08-06T00:00:00Z"),
                Instant.parse("2024-08-09T00:00:00Z"), 4);
        JsonNode days = api.get("/api/stations/" + station + "/throughput?from=2024-08-06&to=2024-08-08").json()
                .path("days");
        assertThat(days.findValuesAsString("date")).containsExactly("2024-08-06", "2024-08-07", "2024-08-08");
        assertThat(List.of(days.get(0).path("tonnes").asDouble(), days.get(1).path("tonnes").asDouble(),
                days.get(2).path("tonnes").asDouble())).containsExactly(12.5, 10.25, 11.0);
        assertThat(days.get(1).path("loads").asInt()).isEqualTo(2);
    }

    @Test
    void bucketsEqualABruteForceComputationOverRandomReadings() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "motor-1");
        Instant base = Instant.parse("2024-08-07T00:00:00Z");
        java.util.Random random = new java.util.Random(42);
        List<double[]> readings = new java.util.ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 400; i++) {
                long offsetMillis = (long) (random.nextDouble() * Duration.ofHours(3).toMillis());
                double value = Math.round((random.nextDouble() * 240 - 40) * 100) / 100.0;
                readings.add(new double[] {offsetMillis, value});
                body.append(i == 0 ? "" : ",").append("{\"metric\": \"motor_temp_c\", \"value\": ").append(value)
                        .append(", \"timestamp\": \"").append(base.plusMillis(offsetMillis)).append("\"}");
            }
            assertThat(api.post(station, key, body.append("]").toString()).status()).isEqualTo(202);
        }
        api.awaitStored(station, "motor_temp_c", base, base.plus(Duration.ofDays(1)), 1200);

        record Query(Instant from, Instant to, Duration step) {
        }
        for (Query q : List.of(new Query(base.plusSeconds(3600), base.plusSeconds(4200), Duration.ofSeconds(1)),
                new Query(base.plusSeconds(1234), base.plusSeconds(5000), Duration.ofSeconds(7)),
                new Query(base, base.plus(Duration.ofHours(3)), Duration.ofMinutes(1)),
                new Query(base.plusSeconds(60), base.plus(Duration.ofHours(4)), Duration.ofMinutes(15)),
                new Query(base, base.plus(Duration.ofHours(5)), Duration.ofHours(1)),
                new Query(base.minus(Duration.ofDays(1)), base.plus(Duration.ofDays(1)), Duration.ofDays(1)))) {
            JsonNode buckets = api.get("/api/stations/" + station + "/readings?metric=motor_temp_c&from=" + q.from()
                    + "&to=" + q.to() + "&step=" + q.step()).json().path("buckets");
            long stepMillis = q.step().toMillis();
            int expectedBuckets = (int) ((Duration.between(q.from(), q.to()).toMillis() + stepMillis - 1) / stepMillis);
            assertThat(buckets).as(q.toString()).hasSize(expectedBuckets);
            for (int b = 0; b < expectedBuckets; b++) {
                long start = q.from().toEpochMilli() + b * stepMillis;
                long end = Math.min(start + stepMillis, q.to().toEpochMilli());
                double[] expected = bruteForce(readings, base, start, end);
                JsonNode bucket = buckets.get(b);
                assertThat(bucket.path("count").asLong()).as(q + " bucket " + b).isEqualTo((long) expected[0]);
                if (expected[0] > 0) {
                    assertThat(bucket.path("min").asDouble()).isEqualTo(expected[1]);
                    assertThat(bucket.path("max").asDouble()).isEqualTo(expected[2]);
                    assertThat(bucket.path("avg").asDouble()).isCloseTo(expected[3] / expected[0],
                            org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    /** count, min, max, sum of the readings whose second lies in [start, end). */
    private static double[] bruteForce(List<double[]> readings, Instant base, long start, long end) {
        double[] result = {0, Double.MAX_VALUE, -Double.MAX_VALUE, 0};
        for (double[] reading : readings) {
            long second = (base.toEpochMilli() + (long) reading[0]) / 1000 * 1000;
            if (second >= start && second < end) {
                result[0]++;
                result[1] = Math.min(result[1], reading[1]);
                result[2] = Math.max(result[2], reading[1]);
                result[3] += reading[1];
            }
        }
        return result;
    }

    @Test
    void readingsPostedByJsonShapeErrorsAre400NotServerErrors() {
        String station = api.newStation(200);
        String key = api.newDevice(station, "gas-1");

        for (String body : List.of("{\"metric\": ", "\"text\"", "[1, 2]", "{\"metric\": \"h2s_ppm\", \"value\": NaN}")) {
            ApiClient.Answer answer = api.post(station, key, body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(400);
        }
    }
}
