package org.zhonglou.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.zhonglou.loadtools.client.StationApi;
import tools.jackson.databind.node.ArrayNode;

/**
 * A station sensor on a flaky link: it sends each batch until it gets a 202, unchanged (same reading ids)
 * every time, so a batch the service took but could not acknowledge is recognised when it comes again.
 */
final class RetryingDevice {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final StationApi stations;
    private final String stationId;
    private final String key;
    private final AtomicInteger retries = new AtomicInteger();

    RetryingDevice(StationApi stations, String stationId, String key) {
        this.stations = stations;
        this.stationId = stationId;
        this.key = key;
    }

    /** Returns once the batch is acknowledged; fails the test if that does not happen by {@code deadline}. */
    void send(ArrayNode batch, Instant deadline) {
        while (stations.postReadings(stationId, key, batch).join().status() != 202) {
            retries.incrementAndGet();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("a batch for " + stationId + " was never accepted");
            }
            pause(RETRY_PAUSE);
        }
    }

    int retries() {
        return retries.get();
    }

    static void pause(Duration duration) {
        // A device's own pacing between requests, not a wait for a condition of the system under test.
        LockSupport.parkNanos(duration.toNanos());
    }
}
