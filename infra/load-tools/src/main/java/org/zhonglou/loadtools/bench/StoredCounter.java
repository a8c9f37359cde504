package org.zhonglou.loadtools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.zhonglou.loadtools.client.StationApi;

/** Polls the readings query of a set of stations and metrics and keeps the stored total over time. */
final class StoredCounter {

    record Outcome(long stored, double secondsToReach, List<double[]> timeline) {
    }

    private static final Duration POLL = Duration.ofSeconds(2);

    private final StationApi api;
    private final List<String> stations;
    private final List<String> metrics;
    private final Instant from;
    private final List<double[]> timeline = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private long startNanos;

    StoredCounter(StationApi api, List<String> stations, List<String> metrics, Instant from) {
        this.api = api;
        this.stations = stations;
        this.metrics = metrics;
        this.from = from;
    }

    void startPolling(long start) {
        this.startNanos = start;
        poller.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls until {@code expected} are stored or the count has not grown for {@code stall}. */
    Outcome awaitTotal(long expected, Duration stall) {
        long lastGrowth = System.nanoTime();
        long last = -1;
        while (true) {
            long now = latest();
            if (now > last) {
                last = now;
                lastGrowth = System.nanoTime();
            }
            if (now >= expected || System.nanoTime() - lastGrowth > stall.toNanos()) {
                break;
            }
            sleep();
        }
        poller.shutdownNow();
        long stored = latest();
        double reachedAt = timeline.stream().filter(point -> point[1] >= stored).mapToDouble(point -> point[0])
                .findFirst().orElse((System.nanoTime() - startNanos) / 1e9);
        return new Outcome(stored, reachedAt, new ArrayList<>(timeline));
    }

    private long latest() {
        return timeline.isEmpty() ? -1 : (long) timeline.get(timeline.size() - 1)[1];
    }

    private void poll() {
        long total = 0;
        Instant to = Instant.now().plusSeconds(3600);
        for (String station : stations) {
            for (String metric : metrics) {
                long count = api.storedCount(station, metric, from, to);
                if (count < 0) {
                    return;
                }
                total += count;
            }
        }
        timeline.add(new double[] {(System.nanoTime() - startNanos) / 1e9, total});
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting stored readings", e);
        }
    }
}
