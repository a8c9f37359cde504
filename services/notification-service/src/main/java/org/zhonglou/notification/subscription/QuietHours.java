package org.zhonglou.notification.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window in the subscriber's time zone during which non-critical alerts are held. The window
 * may cross midnight ({@code 22:00-07:00}). Daylight-saving gaps resolve as {@link ZonedDateTime} does.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {

    /** When a notification due at {@code now} may go out: {@code now} itself, or the end of the window. */
    public Instant releaseTime(Instant now) {
        ZonedDateTime local = now.atZone(timeZone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            boolean inside = !time.isBefore(start) && time.isBefore(end);
            return inside ? ZonedDateTime.of(today, end, timeZone).toInstant() : now;
        }
        if (!time.isBefore(start)) {
            return ZonedDateTime.of(today.plusDays(1), end, timeZone).toInstant();
        }
        if (time.isBefore(end)) {
            return ZonedDateTime.of(today, end, timeZone).toInstant();
        }
        return now;
    }
}
