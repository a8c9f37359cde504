package org.zhonglou.loadtools.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.zhonglou.httpclient.Json;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.loadtools.simulate.DeviceKeys.Device;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Sends one compressed day of a station's readings: each tick of 200 ms every device posts its share of
 * the rate as one batch, and each transfer posts its load. Scenario time runs
 * {@code 86400 s / run length} times faster than the clock; readings carry the real time.
 */
final class StationSimulator {

    static final Duration TICK = Duration.ofMillis(200);
    private static final int MAX_IN_FLIGHT = 64;
    private static final int MAX_ATTEMPTS = 6;
    private static final int MAX_BATCH = 1000;

    private final StationApi api;
    private final String stationId;
    private final List<Device> devices;
    private final StationModel model;
    private final double rate;
    private final Duration duration;
    private final Progress progress;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Set<CompletableFuture<Reply>> pending = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> metricCursor = new HashMap<>();
    private double carry;
    private long sequence;
    private int loadsPosted;

    StationSimulator(StationApi api, String stationId, List<Device> devices, double rate, Duration duration,
                     Progress progress) {
        this.api = api;
        this.stationId = stationId;
        this.devices = devices;
        this.model = new StationModel(stationId.hashCode());
        this.rate = rate;
        this.duration = duration;
        this.progress = progress;
    }

    /** One tick at {@code elapsed} into the run. */
    void tick(Duration elapsed) {
        Instant now = Instant.now();
        double scenarioSeconds = StationModel.DAY_SECONDS * elapsed.toMillis() / (double) duration.toMillis();
        postLoads(scenarioSeconds, now);
        carry += rate * TICK.toMillis() / 1000.0;
        int count = (int) Math.floor(carry);
        carry -= count;
        List<Device> sampling = devices.stream().filter(d -> !d.role().metrics().isEmpty()).toList();
        if (sampling.isEmpty() || count == 0) {
            return;
        }
        Map<Device, ArrayNode> batches = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int deviceIndex = (int) (sequence % sampling.size());
            Device device = sampling.get(deviceIndex);
            List<String> metrics = device.role().metrics();
            int cursor = metricCursor.merge(deviceIndex, 1, Integer::sum) % metrics.size();
            // Spread the tick's readings over the tick so the series look continuous.
            double offsetMillis = TICK.toMillis() * (double) i / count;
            double at = scenarioSeconds + offsetMillis / 1000.0 * StationModel.DAY_SECONDS / duration.toSeconds();
            String metric = metrics.get(cursor);
            batches.computeIfAbsent(device, d -> jsonArray())
                    .add(StationApi.reading(runTag + "-" + sequence++, metric, model.value(metric, at),
                            now.plusMillis((long) offsetMillis)));
        }
        batches.forEach((device, readings) -> {
            for (int from = 0; from < readings.size(); from += MAX_BATCH) {
                ArrayNode part = jsonArray();
                for (int j = from; j < Math.min(readings.size(), from + MAX_BATCH); j++) {
                    part.add(readings.get(j));
                }
                send(device, part);
            }
        });
    }

    private void postLoads(double scenarioSeconds, Instant now) {
        int due = model.loadsBy(scenarioSeconds);
        Device weighbridge = devices.stream().filter(d -> d.role() == DeviceRole.WEIGHBRIDGE).findFirst()
                .orElse(devices.get(0));
        while (loadsPosted < due) {
            double tonnes = model.loadTonnes(loadsPosted);
            ArrayNode load = jsonArray();
            load.add(StationApi.reading(runTag + "-load-" + loadsPosted, "load_tonnes", tonnes, now));
            send(weighbridge, load);
            progress.loads.incrementAndGet();
            progress.tonnes.add(tonnes);
            loadsPosted++;
        }
    }

    private void send(Device device, ArrayNode readings) {
        progress.sent.addAndGet(readings.size());
        if (!inFlight.tryAcquire()) {
            // The stack is slower than the rate asked for: drop rather than queue without bound.
            progress.failed.addAndGet(readings.size());
            progress.lastProblem = "more than " + MAX_IN_FLIGHT + " requests in flight";
            return;
        }
        CompletableFuture<Reply> call = postWithRetries(device, readings, 1);
        pending.add(call);
        call.whenComplete((reply, error) -> {
            inFlight.release();
            pending.remove(call);
            count(reply, readings.size());
        });
    }

    /**
     * As a sensor on a flaky link should: a batch refused for the moment (503, 429) or lost on the way is
     * sent again, same readings and ids (stored once), backing off, before it counts as failed. Its
     * in-flight slot stays taken meanwhile, so a long outage slows the simulator instead of queueing.
     */
    private CompletableFuture<Reply> postWithRetries(Device device, ArrayNode readings, int attempt) {
        return api.postReadings(stationId, device.key(), readings).thenCompose(reply -> {
            boolean retryable = reply.status() == 0 || reply.status() == 503 || reply.status() == 429;
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                return CompletableFuture.completedFuture(reply);
            }
            progress.retried.incrementAndGet();
            progress.lastProblem = (reply.status() == 0 ? reply.error() : "HTTP " + reply.status()) + ", retrying";
            Executor later = CompletableFuture.delayedExecutor(2L * attempt, TimeUnit.SECONDS);
            return CompletableFuture.supplyAsync(() -> attempt + 1, later)
                    .thenCompose(next -> postWithRetries(device, readings, next));
        });
    }

    private void count(Reply reply, int size) {
        if (reply.status() == 202) {
            progress.accepted.addAndGet(reply.json().path("accepted").asLong(size));
        } else if (reply.status() >= 400 && reply.status() < 500) {
            progress.rejected.addAndGet(size);
            progress.lastProblem = "HTTP " + reply.status() + " " + reply.json().path("detail").asString("");
        } else {
            progress.failed.addAndGet(size);
            progress.lastProblem = reply.status() == 0 ? reply.error() : "HTTP " + reply.status();
        }
    }

    /** Distinct alerts of the station seen so far, and how many are not resolved. */
    void pollAlerts(Set<String> seen) {
        JsonNode alerts = api.alerts(stationId);
        JsonNode list = alerts.isArray() ? alerts : alerts.path("content");
        int open = 0;
        Set<String> now = new HashSet<>();
        for (JsonNode alert : list) {
            now.add(alert.path("id").asString(alert.path("alertId").asString("")));
            if (!"RESOLVED".equals(alert.path("state").asString(""))) {
                open++;
            }
        }
        seen.addAll(now);
        progress.alertsSeen = seen.size();
        progress.alertsOpen = open;
    }

    void awaitInFlight(Duration timeout) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static ArrayNode jsonArray() {
        return Json.MAPPER.createArrayNode();
    }
}
