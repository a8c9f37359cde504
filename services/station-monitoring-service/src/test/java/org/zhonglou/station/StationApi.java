package org.zhonglou.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** Drives the service over HTTP as staff and devices do; every station it makes has a fresh id. */
public final class StationApi {

    public static final String STAFF = TestTokens.staff("staff-wang");

    private final ApiClient api;

    public StationApi(int port) {
        this.api = ApiClient.localhost(port);
    }

    public ApiClient client() {
        return api;
    }

    public String newStation(double capacity) {
        String id = "st-" + UUID.randomUUID().toString().substring(0, 12);
        ApiClient.Answer created = api.post("/api/stations", """
                {"id": "%s", "name": "龙江路垃圾转运站", "address": "常州市钟楼区龙江路", "dailyCapacityTonnes": %s}
                """.formatted(id, capacity)).bearer(STAFF).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** Registers a device and returns its key. */
    public String newDevice(String stationId, String deviceId) {
        ApiClient.Answer created = api.post("/api/stations/" + stationId + "/devices",
                "{\"deviceId\": \"" + deviceId + "\"}").bearer(STAFF).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("deviceKey").asString();
    }

    public ApiClient.Answer post(String stationId, String key, Object body) {
        return api.post("/api/stations/" + stationId + "/readings", body).header("X-Device-Key", key).send();
    }

    public ApiClient.Answer get(String path) {
        return api.get(path).bearer(STAFF).send();
    }

    /** Number of stored readings of a metric in a range, from the day-level aggregates. */
    public long storedCount(String stationId, String metric, Instant from, Instant to) {
        ApiClient.Answer series = get("/api/stations/" + stationId + "/readings?metric=" + metric + "&from=" + from
                + "&to=" + to + "&step=P1D");
        assertThat(series.status()).as(series.body()).isEqualTo(200);
        long count = 0;
        for (JsonNode bucket : series.json().path("buckets")) {
            count += bucket.path("count").asLong();
        }
        return count;
    }

    /** Waits until exactly {@code expected} readings are stored, then checks that no more arrive. */
    public void awaitStored(String stationId, String metric, Instant from, Instant to, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> storedCount(stationId, metric, from, to) >= expected);
        assertThat(storedCount(stationId, metric, from, to)).isEqualTo(expected);
    }
}
