package org.zhonglou.station.limit;

import java.time.Duration;

/** A plain token bucket, thread-safe. Time is passed in so tests need no clock tricks. */
public final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes {@code cost} tokens, or returns how long until they would be there (nothing taken). */
    public synchronized Duration take(double cost, long nowNanos) {
        Duration wait = waitFor(cost, nowNanos);
        if (wait.isZero()) {
            tokens -= cost;
        }
        return wait;
    }

    /** How long until {@code cost} tokens are there; zero when they are now. Takes nothing. */
    public synchronized Duration waitFor(double cost, long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = Math.max(lastNanos, nowNanos);
        if (cost <= tokens) {
            return Duration.ZERO;
        }
        double missing = Math.min(cost, capacity) - tokens;
        return Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000));
    }

    /** A wait as a client reads it in Retry-After: whole seconds, at least one. */
    public static Duration retryAfter(Duration wait) {
        return Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
