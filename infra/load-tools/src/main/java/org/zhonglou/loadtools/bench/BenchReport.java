package org.zhonglou.loadtools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.zhonglou.httpclient.Json;

/** The figures of one run as JSON and as the generated section of {@code docs/benchmarks.md}. */
final class BenchReport {

    static final String BEGIN = "<!-- bench:results:begin (written by ./run.sh bench; edits inside are replaced) -->";
    static final String END = "<!-- bench:results:end -->";

    private final Instant started;
    private final Map<String, Object> machine;
    private final BenchOptions options;
    private final Map<String, Object> figures;
    private final Map<String, Object> details;

    BenchReport(Instant started, Map<String, Object> machine, BenchOptions options, Map<String, Object> figures,
                Map<String, Object> details) {
        this.started = started;
        this.machine = machine;
        this.options = options;
        this.figures = figures;
        this.details = details;
    }

    void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("machine", machine);
        json.put("options", options);
        json.put("figures", figures);
        json.put("details", details);
        write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /** Replaces the generated section of the file (or appends it), leaving every other section alone. */
    void updateMarkdown(Path file) {
        String section = BEGIN + "\n" + markdown() + END;
        String current = Files.exists(file) ? read(file) : "# Benchmarks\n";
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? current.substring(0, begin) + section + current.substring(end + END.length())
                : current.stripTrailing() + "\n\n" + section + "\n";
        write(file, updated);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Last run: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Machine.oneLine(machine)).append(", everything co-located.\n");
        md.append(String.format(Locale.ROOT, "Options: ingest %.0f readings/s offered for %d s in batches of %d,"
                        + " %.0f readings/s per device; webhook probes for %d s under half-rate ingest;"
                        + " %d parents for %d seats in %d s.%n%n",
                options.ingestRate(), options.ingestSeconds(), options.batchSize(), options.deviceRate(),
                options.probeSeconds(),
                options.rushParents(), options.rushSeats(), options.rushSeconds()));
        md.append(table()).append('\n');
        md.append("Resident memory by component at the end (MB):\n\n").append(memoryTable()).append('\n');
        md.append("Details (requests dropped by the generator, missed probes, per-component memory) are in ")
                .append("`target/bench/bench-results.json`.\n");
        if (details.containsKey("errors")) {
            md.append("\nNot measured in this run: ").append(details.get("errors")).append('\n');
        }
        return md.toString();
    }

    String table() {
        StringBuilder table = new StringBuilder("| figure | this run | goal | met |\n|---|---:|---|---|\n");
        Object raw = figures.get("kafkaRawReadingsPerSecond");
        Object ingest = figures.get("ingestReadingsPerSecond");
        Double share = raw instanceof Number r && ingest instanceof Number i && r.doubleValue() > 0
                ? i.doubleValue() / r.doubleValue() : null;
        row(table, "kafkaRawRecordsPerSecond (records of " + options.batchSize() + " readings)",
                figures.get("kafkaRawRecordsPerSecond"), "baseline", null);
        row(table, "kafkaRawReadingsPerSecond (records x readings per record)", raw, "baseline", null);
        row(table, "ingestReadingsPerSecond (stored)", ingest, ">= 20,000", atLeast(ingest, 20_000));
        row(table, "ingest share of raw Kafka", share == null ? null : String.format(Locale.ROOT, "%.2f", share),
                ">= 0.25", share == null ? null : share >= 0.25);
        row(table, "ingestHttpP50Ms / ingestHttpP99Ms", pair("ingestHttpP50Ms", "ingestHttpP99Ms"), "-", null);
        row(table, "readingToWebhookP50Ms / P99Ms", pair("readingToWebhookP50Ms", "readingToWebhookP99Ms"),
                "p99 <= 500", atMost(figures.get("readingToWebhookP99Ms"), 500));
        row(table, "rushP50Ms / rushP99Ms", pair("rushP50Ms", "rushP99Ms"), "p99 <= 300",
                atMost(figures.get("rushP99Ms"), 300));
        row(table, "rushFirstP50Ms / rushFirstP99Ms (the same rush just before, first after a start)",
                pair("rushFirstP50Ms", "rushFirstP99Ms"), "-", null);
        row(table, "rushOverbooked", figures.get("rushOverbooked"), "0", atMost(figures.get("rushOverbooked"), 0));
        row(table, "stackRssMb", figures.get("stackRssMb"), "< 2,500", atMost(figures.get("stackRssMb"), 2_499));
        Object console = memory().get("console");
        row(table, "consoleRssMb (the staff console)", console, "< 150", atMost(console, 149));
        return table.toString();
    }

    /** One column per component of the stack, so that what each part costs is seen side by side. */
    String memoryTable() {
        Map<String, ?> rss = memory();
        if (rss.isEmpty()) {
            return "(no component's memory was read)\n";
        }
        return "| " + String.join(" | ", rss.keySet()) + " |\n|" + "---:|".repeat(rss.size()) + "\n| "
                + rss.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" | ")) + " |\n";
    }

    private Map<String, ?> memory() {
        return details.get("rssMbByComponent") instanceof Map<?, ?> rss
                ? new java.util.TreeMap<>(rss.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> String.valueOf(e.getKey()), Map.Entry::getValue)))
                : Map.of();
    }

    private String pair(String first, String second) {
        Object a = figures.get(first);
        Object b = figures.get(second);
        return a == null && b == null ? null : a + " / " + b;
    }

    private static void row(StringBuilder table, String name, Object value, String goal, Boolean met) {
        String shown = value instanceof Number number && !(value instanceof Double)
                ? String.format(Locale.ROOT, "%,d", number.longValue()) : String.valueOf(value == null ? "n/a" : value);
        table.append("| ").append(name).append(" | ").append(shown).append(" | ").append(goal).append(" | ")
                .append(met == null ? "" : met ? "yes" : "no").append(" |\n");
    }

    private static Boolean atLeast(Object value, double goal) {
        return value instanceof Number number ? number.doubleValue() >= goal : null;
    }

    private static Boolean atMost(Object value, double goal) {
        return value instanceof Number number ? number.doubleValue() <= goal : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
