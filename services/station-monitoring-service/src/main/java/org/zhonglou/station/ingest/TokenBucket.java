package org.zhonglou.station.ingest;

import java.time.Duration;

/** A plain token bucket; callers synchronise on it. Time is passed in so tests need no clock tricks. */
final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes {@code cost} tokens, or returns how long until they would be there (nothing taken). */
    synchronized Duration take(double cost, long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (cost <= tokens) {
            tokens -= cost;
            return Duration.ZERO;
        }
        double missing = Math.min(cost, capacity) - tokens;
        return Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000));
    }
}
