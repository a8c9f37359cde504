package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Json;
import org.zhonglou.loadtools.client.StationApi;
import tools.jackson.databind.node.ArrayNode;

/**
 * The station monitoring service is killed with SIGKILL while a device keeps posting, then restarted
 * with {@code ./run.sh start}. The device retries every batch that got no 202 with the same reading
 * ids, as a real device would, so afterwards every reading must be stored exactly once: the stored
 * count equals the readings sent, no more (a duplicate) and no less (a loss).
 */
class CrashRecoveryIT {

    private static final String SERVICE = "station-monitoring-service";
    private static final int BATCHES = 240;
    private static final int BATCH_SIZE = 25;
    private static final Duration PACE = Duration.ofMillis(50);

    private final E2eStack stack = E2eStack.get();
    private final StationApi stations = stack.stations();

    @Test
    void killedAndRestartedServiceLosesAndDuplicatesNothingItAccepted() throws Exception {
        Instant from = Instant.now();
        String stationId = stations.ensureStation(E2eStack.unique("e2e-crash"), "E2E crash station", 200);
        String deviceKey = stations.registerDevice(stationId, "container-1");
        long pid = stack.stack.pid(SERVICE).orElseThrow(() -> new AssertionError(
                "no pid file " + stack.stack.pidFile(SERVICE) + "; is DATA_DIR the stack's?"));
        RetryingDevice device = new RetryingDevice(stations, stationId, deviceKey);

        CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> sendAll(device));
        await("some readings accepted before the crash").atMost(Duration.ofSeconds(30))
                .until(() -> stations.storedCount(stationId, "fill_level_pct", from, Instant.now()) > 0);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroyForcibly()).as("SIGKILL to %s", pid).isTrue();
        process.onExit().get();
        stack.stack.runSh(Duration.ofMinutes(5), "start");
        assertThat(stack.stack.pid(SERVICE)).isPresent().get().isNotEqualTo(pid);

        traffic.get();
        assertThat(device.retries()).as("batches retried while the service was down").isPositive();
        long expected = (long) BATCHES * BATCH_SIZE;
        await("every accepted reading stored").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stations.storedCount(stationId, "fill_level_pct", from, Instant.now()) >= expected);
        await("and stored once").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stations.storedCount(stationId, "fill_level_pct", from, Instant.now()))
                        .isEqualTo(expected));
    }

    /** Every batch until it gets a 202; a batch that failed is sent again unchanged (same reading ids). */
    private static void sendAll(RetryingDevice device) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        for (int b = 0; b < BATCHES; b++) {
            device.send(batch(b), deadline);
            RetryingDevice.pause(PACE);
        }
    }

    private static ArrayNode batch(int b) {
        ArrayNode batch = Json.MAPPER.createArrayNode();
        Instant now = Instant.now();
        for (int i = 0; i < BATCH_SIZE; i++) {
            batch.add(StationApi.reading("crash-" + b + "-" + i, "fill_level_pct", (b + i) % 90, now.minusMillis(BATCH_SIZE - i)));
        }
        return batch;
    }
}
