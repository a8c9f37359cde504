package org.zhonglou.support.bounds;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The span every instant and date in a request or an event must fall in: 2000-01-01 (inclusive) to
 * 2100-01-01 (exclusive). Nothing this system records is older, no plan reaches further, and inside it
 * every conversion (epoch milliseconds, {@code java.util.Date}, time-zone arithmetic, bucket indexes) is
 * exact, where {@code -999999999-01-01T00:00:00Z} overflowed a {@code long} and blocked two consumers.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Exclusive. */
    public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    public static final String MESSAGE = "must be between 2000-01-01 and 2099-12-31";

    private TimeBounds() {
    }

    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }

    public static boolean contains(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }
}
