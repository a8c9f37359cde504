package org.zhonglou.loadtools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.StationApi;

/**
 * Readings through {@code POST /readings} in batches at a fixed offered rate (open model), counted
 * twice: accepted (202) and stored, the latter by polling the readings query of every station and
 * metric until the count stops growing.
 */
final class IngestBench {

    static final List<String> METRICS = List.of("fill_level_pct", "motor_temp_c", "hydraulic_pressure_mpa", "h2s_ppm");

    record Target(String stationId, String deviceId, String deviceKey) {
    }

    record Result(double offeredPerSecond, long accepted, long stored, double acceptedPerSecond,
                  double storedPerSecond, OpenLoad.Result http, List<double[]> storedTimeline) {
    }

    private final StationApi api;
    private final String runTag;
    private final List<Target> targets;
    private final Instant createdAt = Instant.now();

    private IngestBench(StationApi api, String runTag, List<Target> targets) {
        this.api = api;
        this.runTag = runTag;
        this.targets = targets;
    }

    /** Fresh stations (so the stored counts are this run's alone), each with a few devices. */
    static IngestBench prepare(StationApi api, String runTag, String role, int stations, int devicesPerStation) {
        List<Target> targets = new ArrayList<>();
        for (int s = 1; s <= stations; s++) {
            String stationId = api.ensureStation("bench-" + runTag + "-" + role + "-" + s,
                    "Benchmark station " + role + " " + s + " (" + runTag + ")", 200);
            for (int d = 1; d <= devicesPerStation; d++) {
                String deviceId = "sensor-" + d;
                targets.add(new Target(stationId, deviceId, api.registerDevice(stationId, deviceId)));
            }
        }
        return new IngestBench(api, runTag, targets);
    }

    List<String> stationIds() {
        return targets.stream().map(Target::stationId).distinct().toList();
    }

    /** Offers {@code readingsPerSecond} for {@code duration} and, if {@code countStored}, waits for the store. */
    Result run(double readingsPerSecond, int batchSize, Duration duration, boolean countStored, Duration drainTimeout) {
        AtomicLong accepted = new AtomicLong();
        StoredCounter counter = new StoredCounter(api, stationIds(), METRICS, createdAt.minusSeconds(3600));
        long start = System.nanoTime();
        if (countStored) {
            counter.startPolling(start);
        }
        OpenLoad.Result http = OpenLoad.run(readingsPerSecond / batchSize, duration, 512,
                i -> send(i, batchSize, accepted), reply -> reply.status() == 202);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        if (!countStored) {
            return new Result(readingsPerSecond, accepted.get(), -1, accepted.get() / sendSeconds, Double.NaN,
                    http, List.of());
        }
        StoredCounter.Outcome stored = counter.awaitTotal(accepted.get(), drainTimeout);
        return new Result(readingsPerSecond, accepted.get(), stored.stored(), accepted.get() / sendSeconds,
                stored.stored() / Math.max(0.001, stored.secondsToReach()), http, stored.timeline());
    }

    private CompletableFuture<Reply> send(long i, int batchSize, AtomicLong accepted) {
        Target target = targets.get((int) (i % targets.size()));
        String body = batch(i, batchSize, Instant.now());
        return api.postReadings(target.stationId(), target.deviceKey(), body).thenApply(reply -> {
            if (reply.status() == 202) {
                accepted.addAndGet(reply.json().path("accepted").asLong(batchSize));
            }
            return reply;
        });
    }

    /** Built as text: at tens of thousands of readings a second a tree per reading costs the generator itself. */
    private String batch(long i, int size, Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder json = new StringBuilder(size * 110).append('[');
        for (int j = 0; j < size; j++) {
            String metric = METRICS.get(j % METRICS.size());
            double value = switch (metric) {
                case "fill_level_pct" -> 10 + random.nextDouble() * 70;
                case "motor_temp_c" -> 40 + random.nextDouble() * 20;
                case "hydraulic_pressure_mpa" -> 5 + random.nextDouble() * 20;
                default -> random.nextDouble() * 3;
            };
            if (j > 0) {
                json.append(',');
            }
            json.append("{\"readingId\":\"").append(runTag).append('-').append(i).append('-').append(j)
                    .append("\",\"metric\":\"").append(metric)
                    .append("\",\"value\":").append(String.format(Locale.ROOT, "%.2f", value))
                    .append(",\"timestamp\":\"").append(now.minusMillis(size - j)).append("\"}");
        }
        return json.append(']').toString();
    }
}
