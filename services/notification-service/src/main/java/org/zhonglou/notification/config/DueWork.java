package org.zhonglou.notification.config;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** One scheduled pass over persisted work: claim due items one by one (atomically) and hand them on. */
public final class DueWork {

    private DueWork() {
    }

    /** Never throws: a failed pass is logged and the next pass starts over from the store. */
    public static <T> void drain(String what, int batch, Supplier<Optional<T>> claimNext, Consumer<T> handle,
                                 Logger log) {
        try {
            for (int i = 0; i < batch; i++) {
                Optional<T> due = claimNext.get();
                if (due.isEmpty()) {
                    return;
                }
                handle.accept(due.get());
            }
        } catch (RuntimeException e) {
            log.warn("{} pass failed, the next pass retries: {}", what, e.toString());
        }
    }
}
