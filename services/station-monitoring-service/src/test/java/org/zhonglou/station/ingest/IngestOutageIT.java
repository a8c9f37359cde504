package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhonglou.station.StandaloneStation;
import org.zhonglou.station.StationApi;
import org.zhonglou.testsupport.ApiClient;
import org.zhonglou.testsupport.LocalMongo;
import org.zhonglou.testsupport.RestartableKafka;

/**
 * The ingestion path rides out an outage of the broker and of the store without a restart of the
 * service: readings are refused fast with 503 while a dependency they need is away, accepted again once
 * it is back, and every reading that got a 202 ends up stored exactly once.
 */
class IngestOutageIT {

    private static final Duration FAIL_FAST = Duration.ofSeconds(15);
    private static final String METRIC = "h2s_ppm";

    @TempDir
    Path storeFiles;

    @Test
    void aBrokerOutageRefusesReadingsUntilItIsBackAndLosesNothingAccepted() {
        LocalMongo store = LocalMongo.onFile(storeFiles.resolve("store.mv")).start();
        try (RestartableKafka kafka = new RestartableKafka().start();
             ConfigurableApplicationContext service = start(store, kafka)) {
            Device device = Device.registered(new StationApi(port(service)));
            StationApi api = device.api();
            String station = device.station();
            String key = device.key();
            long accepted = postBatches(api, station, key, 3);

            kafka.stop();
            assertRefusedFast(api, station, key);

            kafka.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> api.post(station, key, batch(10)).status() == 202);
            accepted += 10 + postBatches(api, station, key, 3);

            device.awaitStored(accepted);
        } finally {
            store.stop();
        }
    }

    @Test
    void aStoreOutageRefusesReadingsUntilItIsBackThenStoresEveryAcceptedOneOnce() {
        LocalMongo store = LocalMongo.onFile(storeFiles.resolve("store.mv")).start();
        try (RestartableKafka kafka = new RestartableKafka().start();
             ConfigurableApplicationContext service = start(store, kafka)) {
            Device device = Device.registered(new StationApi(port(service)));
            StationApi api = device.api();
            String station = device.station();
            String key = device.key();
            long accepted = postBatches(api, station, key, 3);

            store.stop();
            assertRefusedFast(api, station, key);
            await().atMost(Duration.ofSeconds(20)).until(() -> health(api).equals("DOWN"));

            store.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(api).equals("UP"));
            accepted += postBatches(api, station, key, 3);

            device.awaitStored(accepted);
        } finally {
            store.stop();
        }
    }

    /** A fresh station with one gas sensor, and the window its readings are counted in. */
    private record Device(StationApi api, String station, String key, Instant from) {

        static Device registered(StationApi api) {
            String station = api.newStation(200);
            return new Device(api, station, api.newDevice(station, "gas-1"),
                    Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS));
        }

        void awaitStored(long expected) {
            api.awaitStored(station, METRIC, from, from.plus(3, ChronoUnit.DAYS), expected);
        }
    }

    private static void assertRefusedFast(StationApi api, String station, String key) {
        long started = System.nanoTime();
        ApiClient.Answer refused = api.post(station, key, batch(10));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
    }

    private static long postBatches(StationApi api, String station, String key, int batches) {
        for (int i = 0; i < batches; i++) {
            ApiClient.Answer answer = api.post(station, key, batch(100));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        }
        return batches * 100L;
    }

    private static String batch(int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append("{\"metric\": \"").append(METRIC).append("\", \"value\": ")
                    .append(i % 50).append('}');
        }
        return json.append(']').toString();
    }

    private static String health(StationApi api) {
        return api.client().get("/actuator/health").send().json().path("status").asString();
    }

    private static ConfigurableApplicationContext start(LocalMongo store, RestartableKafka kafka) {
        return StandaloneStation.start(store, kafka, "outage");
    }

    private static int port(ConfigurableApplicationContext context) {
        return StandaloneStation.port(context);
    }
}
