package org.zhonglou.station.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilRefilled() {
        TokenBucket bucket = new TokenBucket(1000, 100, 0);

        assertThat(bucket.take(1000, 0)).isZero();
        assertThat(bucket.take(200, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.take(200, 2 * SECOND)).isZero();
    }

    @Test
    void neverStoresMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(100, 100, 0);

        assertThat(bucket.take(100, 3600 * SECOND)).isZero();
        assertThat(bucket.take(1, 3600 * SECOND)).isPositive();
    }

    @Test
    void waitForTellsTheWaitWithoutTakingAnything() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);

        assertThat(bucket.waitFor(1, 0)).isZero();
        assertThat(bucket.take(2, 0)).isZero();
        assertThat(bucket.waitFor(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.waitFor(1, SECOND)).isZero();
        assertThat(bucket.take(1, SECOND)).isZero();
    }

    @Test
    void retryAfterIsWholeSecondsAndNeverZero() {
        assertThat(TokenBucket.retryAfter(Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(TokenBucket.retryAfter(Duration.ofMillis(1001))).isEqualTo(Duration.ofSeconds(2));
    }
}
