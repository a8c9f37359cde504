package org.zhonglou.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code initial * multiplier^(n-1)}, capped at
 * {@code max}, then spread by up to {@code ±jitter} so that retries to one receiver do not arrive in a
 * burst. With the defaults (10 s, x2, cap 15 min, 10 attempts) a delivery is tried for about an hour.
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter, DoubleSupplier random) {

    public Backoff(Duration initial, double multiplier, Duration max, double jitter) {
        this(initial, multiplier, max, jitter, Math::random);
    }

    /** @param failures how many attempts have failed so far (1 after the first) */
    public Duration delayAfter(int failures) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
        double capped = Math.min(base, max.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }
}
