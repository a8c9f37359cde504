package org.zhonglou.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Acknowledged writes per second against the local store, with mongo-java-server's periodic commit
 * and with the commit-before-acknowledge the stack uses. Not a test: it prints a Markdown table for
 * docs/benchmarks.md. The store runs in this JVM but is reached over TCP with the real driver.
 * Each case runs {@code repetitions} times, the two modes alternating, and the median is shown: on a
 * shared 2-core machine single runs vary a lot. Usage: {@code StoreBenchmark [secondsPerRun] [repetitions]}.
 */
public final class StoreBenchmark {

    private record Case(String name, int clients, int docsPerWrite,
                        BiFunction<MongoCollection<Document>, Long, Integer> write) {
    }

    private static final List<Case> CASES = List.of(
            new Case("insertOne, 1 client", 1, 1, StoreBenchmark::insertOne),
            new Case("insertOne, 8 clients", 8, 1, StoreBenchmark::insertOne),
            new Case("upsert $inc on 200 ids, 8 clients", 8, 1, StoreBenchmark::upsert),
            new Case("upsert $inc on 200 ids, 32 clients", 32, 1, StoreBenchmark::upsert),
            new Case("insertMany of 100, 1 client (docs)", 1, 100, StoreBenchmark::insertMany));

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("| workload | periodic commit: writes/s | commit before ack: writes/s | writes per commit"
                + " | file after the run: periodic / before ack |%n");
        System.out.printf("|---|---|---|---|---|%n");
        for (Case c : CASES) {
            List<Result> periodicRuns = new ArrayList<>();
            List<Result> acknowledgedRuns = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                periodicRuns.add(run(c, LocalStore.Durability.PERIODIC, seconds));
                acknowledgedRuns.add(run(c, LocalStore.Durability.ACKNOWLEDGED, seconds));
            }
            Result periodic = median(periodicRuns);
            Result acknowledged = median(acknowledgedRuns);
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f MB / %.1f MB |%n", c.name(),
                    periodic.perSecond(), acknowledged.perSecond(),
                    (double) acknowledged.writes() / Math.max(1, acknowledged.commits()),
                    periodic.fileBytes() / 1e6, acknowledged.fileBytes() / 1e6);
        }
    }

    private record Result(double perSecond, long writes, long commits, long fileBytes) {
    }

    private static Result median(List<Result> runs) {
        List<Result> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparingDouble(Result::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static Result run(Case c, LocalStore.Durability durability, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("store-bench");
        try (LocalStore store = LocalStore.start(dir.resolve("store.mv"), Ports.HOST, 0, durability);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("readings");
            runFor(c, collection, 1);
            long commitsBefore = store.commits();
            long started = System.nanoTime();
            long writes = runFor(c, collection, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            return new Result(writes * c.docsPerWrite() / elapsed, writes, store.commits() - commitsBefore,
                    store.fileSizeBytes());
        } finally {
            deleteRecursively(dir);
        }
    }

    /** Every client writes in a loop until the time is up; returns the acknowledged write calls. */
    private static long runFor(Case c, MongoCollection<Document> collection, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(c.clients());
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < c.clients(); i++) {
            counts.add(clients.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    c.write().apply(collection, ThreadLocalRandom.current().nextLong());
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        clients.shutdown();
        return total;
    }

    private static Integer insertOne(MongoCollection<Document> collection, long id) {
        collection.insertOne(reading(id));
        return 1;
    }

    private static Integer upsert(MongoCollection<Document> collection, long id) {
        collection.updateOne(Filters.eq("_id", "bucket-" + Math.floorMod(id, 200)),
                Updates.combine(Updates.inc("count", 1), Updates.inc("sum", 1.5)), new UpdateOptions().upsert(true));
        return 1;
    }

    private static Integer insertMany(MongoCollection<Document> collection, long id) {
        List<Document> batch = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            batch.add(reading(id + i));
        }
        collection.insertMany(batch);
        return 100;
    }

    private static Document reading(long id) {
        return new Document("_id", Long.toHexString(id) + "-" + System.nanoTime())
                .append("stationId", "longjiang-road").append("metric", "fill_level_pct").append("value", 72.5);
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
