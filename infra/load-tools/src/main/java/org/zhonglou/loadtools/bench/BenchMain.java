package org.zhonglou.loadtools.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.zhonglou.httpclient.Http;
import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.LocalStack;
import org.zhonglou.loadtools.client.RegistrationApi;
import org.zhonglou.loadtools.client.StationApi;

/**
 * {@code ./run.sh bench}: every figure of issue 7 from one run against the local stack (started if it is
 * not up), written to {@code target/bench/bench-results.json} and {@code docs/benchmarks.md}. A figure
 * that could not be measured is reported as missing with its reason; timings never fail the command.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        LocalStack stack = LocalStack.fromEnvironment();
        Endpoints endpoints = Endpoints.fromSystemProperties();
        Http http = new Http(Duration.ofSeconds(30));
        if (StackHealth.noneAnswering(http, endpoints)) {
            out.println("the stack is not up: ./run.sh start (DATA_DIR=" + stack.dataDir() + ") ...");
            stack.runSh(Duration.ofMinutes(10), "start");
        }
        String runTag = UUID.randomUUID().toString().substring(0, 6);
        String staff = stack.token("bench-staff", "STAFF");
        StationApi stations = new StationApi(http, endpoints, staff);
        RegistrationApi registration = new RegistrationApi(http, endpoints, staff);
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        Instant started = Instant.now();

        Phase.run(out, options.runs("kafka"), "raw Kafka producer", details, () -> {
            KafkaRawBench.Result raw = KafkaRawBench.run(stack.kafkaClient(endpoints.kafkaBrokers()), options.batchSize(),
                    Duration.ofSeconds(options.kafkaSeconds()));
            figures.put("kafkaRawRecordsPerSecond", Math.round(raw.recordsPerSecond()));
            figures.put("kafkaRawReadingsPerSecond", Math.round(raw.readingsPerSecond()));
            details.put("kafkaRecordBytes", raw.recordBytes());
            details.put("kafkaRecords", raw.records());
        });

        Phase.run(out, options.runs("ingest"), "ingest at " + Math.round(options.ingestRate()) + " readings/s", details, () -> {
            IngestBench ingest = IngestBench.prepare(stations, runTag, "ingest", 4,
                    options.devicesPerStation(options.ingestRate(), 4));
            IngestBench.Result result = ingest.run(options.ingestRate(), options.batchSize(), options.ingestDuration(),
                    true, Duration.ofSeconds(30));
            figures.put("ingestReadingsPerSecond", Math.round(result.storedPerSecond()));
            figures.put("ingestHttpP50Ms", round(result.http().p50Ms()));
            figures.put("ingestHttpP99Ms", round(result.http().p99Ms()));
            details.put("ingestOfferedPerSecond", Math.round(result.offeredPerSecond()));
            details.put("ingestAcceptedPerSecond", Math.round(result.acceptedPerSecond()));
            details.put("ingestAccepted", result.accepted());
            details.put("ingestStored", result.stored());
            details.put("ingestRequests", Map.of("scheduled", result.http().scheduled(), "ok", result.http().ok(),
                    "failed", result.http().failed(), "dropped", result.http().dropped(),
                    "maxMs", round(result.http().maxMs())));
            details.put("ingestStoredTimeline", result.storedTimeline());
        });

        Phase.run(out, options.runs("webhook"), "reading-to-webhook under half-rate ingest", details, () -> {
            IngestBench background = IngestBench.prepare(stations, runTag, "background", 2,
                    options.devicesPerStation(options.ingestRate() / 2, 2));
            CompletableFuture<IngestBench.Result> load = new CompletableFuture<>();
            WebhookLatencyBench.Result probe = WebhookLatencyBench.run(stations, runTag,
                    Duration.ofSeconds(options.probeSeconds()), () -> CompletableFuture.supplyAsync(() -> background.run(
                            options.ingestRate() / 2, options.batchSize(),
                            Duration.ofSeconds(options.probeSeconds() + 5), true, Duration.ofSeconds(60)))
                            .whenComplete((result, error) -> {
                                if (error == null) {
                                    load.complete(result);
                                } else {
                                    load.completeExceptionally(error);
                                }
                            }));
            IngestBench.Result backgroundResult = load.join();
            figures.put("readingToWebhookP50Ms", round(probe.latencyMicros().getValueAtPercentile(50) / 1000.0));
            figures.put("readingToWebhookP99Ms", round(probe.latencyMicros().getValueAtPercentile(99) / 1000.0));
            details.put("webhookProbes", probe.probes());
            details.put("webhookMissed", probe.missed());
            details.put("webhookBadSignatures", probe.badSignatures());
            details.put("backgroundAcceptedPerSecond", Math.round(backgroundResult.acceptedPerSecond()));
            // The phase ends once the background readings are stored, so the rush starts on a quiet stack.
            details.put("backgroundStored", backgroundResult.stored());
        });

        Phase.run(out, options.runs("rush"), options.rushParents() + " parents for " + options.rushSeats() + " seats", details, () -> {
            RushBench.Result rush = RushBench.run(registration, stack, runTag, options.rushParents(),
                    options.rushSeats(), Duration.ofSeconds(options.rushSeconds()));
            figures.put("rushP50Ms", round(rush.http().p50Ms()));
            figures.put("rushP99Ms", round(rush.http().p99Ms()));
            figures.put("rushOverbooked", Math.max(rush.overbooked(), rush.first().overbooked()));
            details.put("rushStatuses", rush.statuses());
            details.put("rushConfirmed", rush.confirmed());
            details.put("rushWaitlisted", rush.waitlisted());
            details.put("rushWaitlistConsistent", rush.waitlistConsistent());
            details.put("rushDropped", rush.http().dropped());
            details.put("rushBySecond", rush.http().timeline());
            figures.put("rushFirstP50Ms", round(rush.first().http().p50Ms()));
            figures.put("rushFirstP99Ms", round(rush.first().http().p99Ms()));
            details.put("rushFirstBySecond", rush.first().http().timeline());
            details.put("rushFirstStatuses", rush.first().statuses());
        });

        Map<String, Long> rss = StackMemory.residentMb(stack.dataDir().resolve("run"));
        figures.put("stackRssMb", rss.values().stream().mapToLong(Long::longValue).sum());
        details.put("rssMbByComponent", rss);

        BenchReport report = new BenchReport(started, Machine.describe(), options, figures, details);
        report.writeJson(stack.root().resolve("target/bench/bench-results.json"));
        if (options.writeDocs()) {
            report.updateMarkdown(stack.root().resolve("docs/benchmarks.md"));
        }
        out.println(report.table());
        out.println(report.memoryTable());
        out.println("written: target/bench/bench-results.json" + (options.writeDocs() ? ", docs/benchmarks.md" : ""));
        System.exit(0);
    }

    private static Object round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }

    /**
     * Whether the stack is down: no service answers at all. A service that answers but is unhealthy is left
     * alone (its figures will show it); restarting would rebuild jars under processes still running.
     */
    static final class StackHealth {
        private StackHealth() {
        }

        static boolean noneAnswering(Http http, Endpoints endpoints) {
            return List.of(endpoints.registration(), endpoints.station(), endpoints.notification()).stream()
                    .allMatch(base -> http.get(base + "/actuator/health", Map.of()).status() == 0);
        }
    }
}
