package org.zhonglou.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.station.Severity;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);

    @Test
    void anAlertLateInTheEveningIsHeldUntilSevenNextMorningLocalTime() {
        Instant elevenPm = Instant.parse("2024-08-07T15:00:00Z");

        assertThat(overnight.releaseTime(elevenPm)).isEqualTo(Instant.parse("2024-08-07T23:00:00Z"));
    }

    @Test
    void anAlertAfterMidnightIsHeldUntilSevenTheSameMorning() {
        Instant threeAm = Instant.parse("2024-08-07T19:00:00Z");

        assertThat(overnight.releaseTime(threeAm)).isEqualTo(Instant.parse("2024-08-07T23:00:00Z"));
    }

    @Test
    void outsideTheWindowAnAlertGoesOutAtOnceAndTheEndIsExclusive() {
        Instant noon = Instant.parse("2024-08-07T04:00:00Z");
        Instant sevenSharp = Instant.parse("2024-08-07T23:00:00Z");

        assertThat(overnight.releaseTime(noon)).isEqualTo(noon);
        assertThat(overnight.releaseTime(sevenSharp)).isEqualTo(sevenSharp);
    }

    @Test
    void aDaytimeWindowWorksWithoutCrossingMidnight() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);

        assertThat(lunch.releaseTime(Instant.parse("2024-08-07T04:10:00Z")))
                .isEqualTo(Instant.parse("2024-08-07T05:30:00Z"));
        assertThat(lunch.releaseTime(Instant.parse("2024-08-07T06:00:00Z")))
                .isEqualTo(Instant.parse("2024-08-07T06:00:00Z"));
    }

    @Test
    void criticalAlertsIgnoreQuietHours() {
        Subscription subscription = new Subscription("s", "o", Channel.WEBHOOK, "https://x.example", List.of(),
                Severity.WARNING, false, new Subscription.QuietHoursDocument("22:00", "07:00", "Asia/Shanghai"),
                null, Instant.EPOCH);
        Instant elevenPm = Instant.parse("2024-08-07T15:00:00Z");

        assertThat(subscription.releaseTime(Severity.CRITICAL, elevenPm)).isEqualTo(elevenPm);
        assertThat(subscription.releaseTime(Severity.MAJOR, elevenPm)).isAfter(elevenPm);
    }
}
