package org.zhonglou.notification.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueScheduleTest {

    private static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");

    private final DueSchedule schedule = new DueSchedule(Duration.ofSeconds(60));

    @Test
    void scansAtFirstThenOnlyWhenKnownWorkFallsDueOrTheRescanIsDue() {
        assertThat(schedule.scanNow(T0)).as("first pass after a start").isTrue();
        assertThat(schedule.scanNow(T0.plusSeconds(1))).isFalse();

        schedule.wakeAt(T0.plusSeconds(10));
        schedule.wakeAt(T0.plusSeconds(20));
        assertThat(schedule.scanNow(T0.plusSeconds(9))).isFalse();
        assertThat(schedule.scanNow(T0.plusSeconds(10))).isTrue();
        assertThat(schedule.scanNow(T0.plusSeconds(11))).as("the 10 s wake-up was covered").isFalse();
        assertThat(schedule.scanNow(T0.plusSeconds(25))).as("the later wake-up is still known").isTrue();

        assertThat(schedule.scanNow(T0.plusSeconds(84))).isFalse();
        assertThat(schedule.scanNow(T0.plusSeconds(85))).as("a minute after the last scan").isTrue();
    }

    @Test
    void oneScanCoversEveryWakeUpUpToItsTime() {
        schedule.scanNow(T0);
        schedule.wakeAt(T0.plusSeconds(5));
        schedule.wakeAt(T0.plusSeconds(6));

        assertThat(schedule.scanNow(T0.plusSeconds(7))).isTrue();
        assertThat(schedule.scanNow(T0.plusSeconds(8))).isFalse();
    }
}
