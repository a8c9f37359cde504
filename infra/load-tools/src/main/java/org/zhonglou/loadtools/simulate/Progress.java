package org.zhonglou.loadtools.simulate;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** Counters of a simulator run and the one line that shows them. */
final class Progress {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong loads = new AtomicLong();
    final DoubleAdder tonnes = new DoubleAdder();
    volatile int alertsSeen;
    volatile int alertsOpen;
    volatile String lastProblem = "";

    private final long startNanos = System.nanoTime();

    String line(double progressShare) {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        String problem = lastProblem.isEmpty() ? "" : " | last error: " + lastProblem;
        return String.format(Locale.ROOT,
                "%3.0f%% %5.0fs | sent %,d accepted %,d rejected %,d failed %,d retries %,d | %,.0f/s | loads %d (%.1f t)"
                        + " | alerts seen %d, open %d%s",
                progressShare * 100, seconds, sent.get(), accepted.get(), rejected.get(), failed.get(),
                retried.get(), accepted.get() / seconds, loads.get(), tonnes.sum(), alertsSeen, alertsOpen,
                problem.length() > 80 ? problem.substring(0, 80) : problem);
    }
}
