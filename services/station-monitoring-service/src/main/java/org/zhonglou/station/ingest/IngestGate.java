package org.zhonglou.station.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.zhonglou.support.web.ApiProblem;

/**
 * Back-pressure at the door: a per-device token bucket (429) and a bound on batches in flight to the
 * broker (503), so overload turns into quick refusals with Retry-After instead of a growing queue.
 */
@Component
class IngestGate {

    private static final int MAX_DEVICES_TRACKED = 100_000;

    private final IngestProperties properties;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    IngestGate(IngestProperties properties) {
        this.properties = properties;
        this.inFlight = new Semaphore(properties.maxInFlight());
    }

    void checkRate(String stationId, String deviceId, int readings) {
        if (buckets.size() > MAX_DEVICES_TRACKED) {
            buckets.clear();
        }
        TokenBucket bucket = buckets.computeIfAbsent(stationId + "|" + deviceId,
                key -> new TokenBucket(properties.burst(), properties.readingsPerSecond(), System.nanoTime()));
        Duration wait = bucket.take(readings, System.nanoTime());
        if (!wait.isZero()) {
            throw ApiProblem.tooManyRequests("Device " + deviceId + " is sending faster than "
                    + (long) properties.readingsPerSecond() + " readings per second.", roundUp(wait));
        }
    }

    /** Runs {@code work} holding one of the in-flight slots, or refuses at once when none is free. */
    <T> T inFlight(java.util.function.Supplier<T> work) {
        if (!inFlight.tryAcquire()) {
            throw ApiProblem.unavailable("Too many batches are being written right now; retry shortly.",
                    Duration.ofSeconds(1));
        }
        try {
            return work.get();
        } finally {
            inFlight.release();
        }
    }

    private static Duration roundUp(Duration wait) {
        return Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
