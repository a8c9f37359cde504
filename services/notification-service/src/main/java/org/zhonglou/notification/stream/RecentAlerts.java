package org.zhonglou.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.zhonglou.notification.alert.AlertNotice;

/**
 * The alerts this instance streamed in the replay window, oldest first, bounded in count too. Not
 * thread-safe: the {@link AlertStreamHub} guards it.
 */
final class RecentAlerts {

    private record Entry(Instant receivedAt, AlertNotice notice) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Duration window;
    private final int maxEntries;
    private final Clock clock;

    RecentAlerts(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    void add(AlertNotice notice) {
        entries.addLast(new Entry(clock.instant(), notice));
        prune();
    }

    /** What came after {@code lastEventId}; everything in the window when that id is unknown. */
    List<AlertNotice> after(String lastEventId) {
        prune();
        List<AlertNotice> all = entries.stream().map(Entry::notice).toList();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).id().equals(lastEventId)) {
                return new ArrayList<>(all.subList(i + 1, all.size()));
            }
        }
        return all;
    }

    private void prune() {
        Instant oldest = clock.instant().minus(window);
        while (!entries.isEmpty()
                && (entries.size() > maxEntries || entries.peekFirst().receivedAt().isBefore(oldest))) {
            entries.removeFirst();
        }
    }
}
