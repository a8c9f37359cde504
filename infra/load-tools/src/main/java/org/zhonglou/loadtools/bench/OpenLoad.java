package org.zhonglou.loadtools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.zhonglou.httpclient.Reply;

/**
 * An open-model load generator: request {@code i} is due at {@code start + i / rate}, whatever the
 * answers so far, and its latency is measured from that due time, not from when it was actually sent.
 * So a stalled server shows up in the percentiles instead of quietly slowing the arrivals down (no
 * coordinated omission). Requests beyond {@code maxInFlight} are not queued without bound: they count
 * as dropped, which a report must show next to the percentiles.
 */
public final class OpenLoad {

    /** Latencies in microseconds. */
    public record Result(long scheduled, long ok, long failed, long dropped, Histogram latencyMicros,
                         double seconds, List<Histogram> bySecond) {

        /** p50/p99/max in ms of the requests due in each second of the run: where a tail comes from. */
        public List<Map<String, Object>> timeline() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int second = 0; second < bySecond.size(); second++) {
                Histogram h = bySecond.get(second);
                if (h.getTotalCount() > 0) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("second", second);
                    row.put("requests", h.getTotalCount());
                    row.put("p50Ms", h.getValueAtPercentile(50) / 1000);
                    row.put("p99Ms", h.getValueAtPercentile(99) / 1000);
                    row.put("maxMs", h.getMaxValue() / 1000);
                    rows.add(row);
                }
            }
            return rows;
        }

        public double p50Ms() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Ms() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        public double maxMs() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }
    }

    private OpenLoad() {
    }

    /**
     * @param request  builds and sends request number {@code i} (called on the scheduling thread: keep it
     *                 non-blocking)
     * @param success  which answers count as ok; others as failed (their latency is recorded too)
     */
    public static Result run(double ratePerSecond, Duration duration, int maxInFlight,
                             LongFunction<CompletableFuture<Reply>> request, Predicate<Reply> success) {
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long dropped = 0;
        Semaphore inFlight = new Semaphore(maxInFlight);
        long total = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        double periodNanos = 1e9 / ratePerSecond;
        List<Histogram> bySecond = new ArrayList<>();
        for (long second = 0; second <= duration.toSeconds(); second++) {
            bySecond.add(new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 2));
        }
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * periodNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                dropped++;
                continue;
            }
            Histogram ofSecond = bySecond.get((int) Math.min(bySecond.size() - 1, (due - start) / 1_000_000_000L));
            request.apply(i).whenComplete((reply, error) -> {
                long micros = Math.max(0, (System.nanoTime() - due) / 1000);
                latency.recordValue(micros);
                ofSecond.recordValue(micros);
                if (reply != null && success.test(reply)) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        // Wait for the stragglers so their (long) latencies are in the histogram.
        inFlight.acquireUninterruptibly(maxInFlight);
        inFlight.release(maxInFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(total, ok.get(), failed.get(), dropped, latency, seconds, bySecond);
    }
}
