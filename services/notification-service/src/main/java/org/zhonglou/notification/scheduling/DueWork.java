package org.zhonglou.notification.scheduling;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** One scheduled pass over persisted work: claim due items one by one (atomically) and hand them on. */
public final class DueWork {

    private DueWork() {
    }

    /**
     * Claims and hands on what is due, if {@code schedule} says a scan is worth it now. Never throws: a
     * failed pass is logged and the next tick tries again.
     */
    public static <T> void drain(String what, int batch, DueSchedule schedule, Instant now,
                                 Supplier<Optional<T>> claimNext, Consumer<T> handle, Logger log) {
        if (!schedule.scanNow(now)) {
            return;
        }
        try {
            for (int i = 0; i < batch; i++) {
                Optional<T> due = claimNext.get();
                if (due.isEmpty()) {
                    return;
                }
                handle.accept(due.get());
            }
            // A full batch: there may be more, so the next tick looks again.
            schedule.wakeAt(now);
        } catch (RuntimeException e) {
            schedule.wakeAt(now);
            log.warn("{} pass failed, the next pass retries: {}", what, e.toString());
        }
    }
}
