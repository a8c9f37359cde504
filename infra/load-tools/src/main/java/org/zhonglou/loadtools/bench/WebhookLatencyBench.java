package org.zhonglou.loadtools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.zhonglou.httpclient.Json;
import org.zhonglou.loadtools.client.StationApi;
import org.zhonglou.loadtools.client.WebhookReceiver;
import tools.jackson.databind.node.ArrayNode;

/**
 * From posting a rule-breaking reading to its signed webhook arriving: a probe station with one
 * immediate threshold rule alternates a breaking and a clearing reading, and a local receiver
 * subscribed to that station timestamps each {@code AlertRaised}.
 */
final class WebhookLatencyBench {

    record Result(Histogram latencyMicros, int probes, int missed, int badSignatures) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private WebhookLatencyBench() {
    }

    static Result run(StationApi api, String runTag, Duration duration, Runnable startBackgroundLoad)
            throws Exception {
        String stationId = api.ensureStation("bench-" + runTag + "-probe", "Benchmark probe station " + runTag, 200);
        String deviceKey = api.registerDevice(stationId, "deodoriser-probe");
        ArrayNode rules = Json.MAPPER.createArrayNode().add(StationApi.negativePressureRule("CRITICAL"));
        api.replaceRules(stationId, rules);
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        int probes = 0;
        int missed = 0;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            BlockingQueue<WebhookReceiver.Call> calls = new LinkedBlockingQueue<>();
            receiver.onCall(calls::add);
            receiver.useSecret(api.subscribeWebhook(receiver.url(), List.of(stationId), "WARNING"));
            startBackgroundLoad.run();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                probes++;
                long sent = System.nanoTime();
                double value = -5.0 - (probes % 10) / 10.0;
                if (!post(api, stationId, deviceKey, value)) {
                    missed++;
                    continue;
                }
                WebhookReceiver.Call raised = await(calls, "AlertRaised", stationId, value);
                if (raised == null) {
                    missed++;
                } else {
                    latency.recordValue(Math.max(0, (raised.arrivedNanos() - sent) / 1000));
                }
                post(api, stationId, deviceKey, -100);
                await(calls, "AlertResolved", stationId, Double.NaN);
            }
            int bad = (int) receiver.calls().stream().filter(call -> !call.signatureValid()).count();
            return new Result(latency, probes, missed, bad);
        }
    }

    /** A probe whose reading is not accepted (the stack is saturated) counts as missed, not as a latency. */
    private static boolean post(StationApi api, String stationId, String deviceKey, double value) {
        ArrayNode reading = Json.MAPPER.createArrayNode()
                .add(StationApi.reading(null, "negative_pressure_pa", value, Instant.now()));
        return api.postReadings(stationId, deviceKey, reading).join().status() == 202;
    }

    private static WebhookReceiver.Call await(BlockingQueue<WebhookReceiver.Call> calls, String type,
                                              String stationId, double value) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            WebhookReceiver.Call call = calls.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (call != null && type.equals(call.type())
                    && stationId.equals(call.data().path("stationId").asString(""))
                    && (Double.isNaN(value) || Math.abs(call.data().path("value").asDouble() - value) < 1e-6)) {
                return call;
            }
        }
        return null;
    }
}
