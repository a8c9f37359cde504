package org.zhonglou.notification.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Tells a dispatcher when scanning the store for due work is worth it. The claim query filters on
 * state and times, which the local store answers by reading every document (about 0.2 ms each); polling
 * twice a second made it burn a third of a core while idle once a few hundred deliveries had piled up
 * (real MongoDB would use an index, but the schedule costs nothing there either). So a dispatcher scans
 * when work this instance scheduled falls due, and otherwise once per {@code rescanEvery} for what it
 * cannot know about: leases left by a crashed instance, retries another instance scheduled.
 */
public final class DueSchedule {

    /** Beyond this many known wake-ups, later ones rely on the periodic rescan (at most that much late). */
    private static final int MAX_WAKE_UPS = 10_000;

    private final Duration rescanEvery;
    private final NavigableSet<Instant> wakeUps = new ConcurrentSkipListSet<>();
    private volatile Instant nextRescan = Instant.MIN;

    public DueSchedule(Duration rescanEvery) {
        this.rescanEvery = rescanEvery;
    }

    /** Work that becomes due at {@code due} (a retry, the end of quiet hours). */
    public void wakeAt(Instant due) {
        if (wakeUps.size() < MAX_WAKE_UPS) {
            wakeUps.add(due);
        }
    }

    /** Whether to scan now (the first call always says yes); a yes covers every wake-up up to {@code now}. */
    public boolean scanNow(Instant now) {
        boolean knownDue = !wakeUps.isEmpty() && !wakeUps.first().isAfter(now);
        if (!knownDue && now.isBefore(nextRescan)) {
            return false;
        }
        wakeUps.headSet(now, true).clear();
        nextRescan = now.plus(rescanEvery);
        return true;
    }
}
