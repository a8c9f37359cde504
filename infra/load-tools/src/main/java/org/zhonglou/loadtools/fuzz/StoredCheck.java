package org.zhonglou.loadtools.fuzz;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.zhonglou.fuzz.AcceptedReadings;
import org.zhonglou.loadtools.client.StationApi;

/** After fuzzing: every reading the stack acknowledged with 202 must be stored (waits up to a minute). */
final class StoredCheck {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private StoredCheck() {
    }

    /** The number of acknowledged readings still not stored when the wait ends. */
    static long missing(StationApi api, String stationId, AcceptedReadings accepted, PrintStream out) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long missing;
        do {
            missing = 0;
            for (Map.Entry<String, Map<Instant, Long>> metric : accepted.perMetricAndDay().entrySet()) {
                for (Map.Entry<Instant, Long> day : metric.getValue().entrySet()) {
                    long stored = api.storedCount(stationId, metric.getKey(), day.getKey(),
                            day.getKey().plus(Duration.ofDays(1)));
                    missing += Math.max(0, day.getValue() - stored);
                }
            }
            if (missing == 0) {
                return 0;
            }
            pause();
        } while (System.nanoTime() < deadline);
        out.printf("  %d readings answered 202 are still not stored after %s%n", missing, WAIT);
        return missing;
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
