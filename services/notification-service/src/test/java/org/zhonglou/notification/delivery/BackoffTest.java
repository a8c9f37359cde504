package org.zhonglou.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), 0.0, () -> 0.5);

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterSpreadsWithinItsBounds() {
        Backoff low = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), 0.2, () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), 0.2, () -> 1.0);

        assertThat(low.delayAfter(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(high.delayAfter(1)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void theDefaultScheduleTriesForAboutAnHour() {
        Backoff defaults = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), 0.0, () -> 0.5);
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < 10; failures++) {
            total = total.plus(defaults.delayAfter(failures));
        }

        assertThat(total).isBetween(Duration.ofMinutes(45), Duration.ofMinutes(75));
    }
}
