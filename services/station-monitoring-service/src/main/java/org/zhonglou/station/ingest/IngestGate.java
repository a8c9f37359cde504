package org.zhonglou.station.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.zhonglou.station.limit.TokenBucket;
import org.zhonglou.support.refusal.Refusal;

/**
 * Back-pressure at the door: a per-device token bucket (429), a per-device share of the slots in flight
 * to the broker (429) and a bound on all batches in flight (503), so overload turns into quick refusals
 * with Retry-After instead of a growing queue, and one device's flood into refusals for that device only.
 */
@Component
class IngestGate {

    private static final int MAX_DEVICES_TRACKED = 100_000;
    private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(1);

    private final IngestProperties properties;
    // An idle device's bucket is full again after burst / rate seconds, so dropping it then loses nothing.
    private final Cache<String, TokenBucket> buckets;
    // Entries exist only while a device has batches in flight, so the map never holds more than maxInFlight.
    private final ConcurrentHashMap<String, Integer> heldByDevice = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    IngestGate(IngestProperties properties) {
        this.properties = properties;
        this.inFlight = new Semaphore(properties.maxInFlight());
        long refillSeconds = (long) Math.ceil(properties.burst() / properties.readingsPerSecond());
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_DEVICES_TRACKED)
                .expireAfterAccess(Duration.ofSeconds(Math.max(60, refillSeconds))).build();
    }

    void checkRate(String stationId, String deviceId, int readings) {
        TokenBucket bucket = buckets.get(stationId + "|" + deviceId,
                key -> new TokenBucket(properties.burst(), properties.readingsPerSecond(), System.nanoTime()));
        Duration wait = bucket.take(readings, System.nanoTime());
        if (!wait.isZero()) {
            throw Refusal.rateLimited("Device " + deviceId + " is sending faster than "
                    + (long) properties.readingsPerSecond() + " readings per second.", TokenBucket.retryAfter(wait));
        }
    }

    /**
     * Runs {@code work} holding one of the in-flight slots: 429 at once when the device already holds its
     * share, 503 when none is free.
     */
    <T> T inFlight(String stationId, String deviceId, Supplier<T> work) {
        String device = stationId + "|" + deviceId;
        if (!holdOneMore(device)) {
            throw Refusal.rateLimited("Device " + deviceId + " already has "
                    + properties.maxInFlightPerDevice() + " batches being written; wait for their answers.",
                    IN_FLIGHT_RETRY);
        }
        try {
            if (!inFlight.tryAcquire()) {
                throw Refusal.unavailable("Too many batches are being written right now; retry shortly.",
                        IN_FLIGHT_RETRY);
            }
            try {
                return work.get();
            } finally {
                inFlight.release();
            }
        } finally {
            heldByDevice.computeIfPresent(device, (key, held) -> held <= 1 ? null : held - 1);
        }
    }

    private boolean holdOneMore(String device) {
        boolean[] granted = {false};
        heldByDevice.compute(device, (key, held) -> {
            int now = held == null ? 0 : held;
            if (now >= properties.maxInFlightPerDevice()) {
                return held;
            }
            granted[0] = true;
            return now + 1;
        });
        return granted[0];
    }
}
