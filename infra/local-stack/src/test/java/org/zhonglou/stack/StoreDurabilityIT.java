package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store as the local stack runs it (its own JVM, the file on disk) is killed with SIGKILL while
 * several clients write; after each restart every acknowledged insert and increment must be there.
 */
class StoreDurabilityIT {

    private static final int WRITERS = 6;
    private static final List<Integer> KILL_AFTER_ACKS = List.of(300, 700, 1200, 1800);

    @TempDir
    Path dataDir;

    private final int port = freePort();
    private Process store;

    @AfterEach
    void killStore() {
        if (store != null) {
            store.destroyForcibly();
        }
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheStoreIsKilled() throws Exception {
        Set<String> acknowledgedInserts = ConcurrentHashMap.newKeySet();
        Map<String, AtomicLong> acknowledgedIncrements = new ConcurrentHashMap<>();
        AtomicLong acknowledged = new AtomicLong();

        for (int round = 0; round < KILL_AFTER_ACKS.size(); round++) {
            store = startStore();
            try (MongoClient client = MongoClients.create(connectionString())) {
                MongoCollection<Document> readings = client.getDatabase("durability").getCollection("readings");
                verify(readings, acknowledgedInserts, acknowledgedIncrements);

                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "r" + round + "-w" + w;
                    writers.submit(() -> write(readings, writer, acknowledgedInserts, acknowledgedIncrements,
                            acknowledged));
                }
                long killAt = KILL_AFTER_ACKS.get(round);
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= killAt);
                store.destroyForcibly().waitFor();
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        store = startStore();
        try (MongoClient client = MongoClients.create(connectionString())) {
            verify(client.getDatabase("durability").getCollection("readings"), acknowledgedInserts,
                    acknowledgedIncrements);
        }
        assertThat(acknowledgedInserts.size()).isGreaterThan(KILL_AFTER_ACKS.get(KILL_AFTER_ACKS.size() - 1) / 3);
    }

    /**
     * Alternates an insert and an upserted increment until the store goes away; only what the store
     * answered counts as acknowledged.
     */
    private static void write(MongoCollection<Document> readings, String writer, Set<String> inserts,
                              Map<String, AtomicLong> increments, AtomicLong acknowledged) {
        String counterId = writer + "-counter";
        AtomicLong counter = increments.computeIfAbsent(counterId, id -> new AtomicLong());
        try {
            for (int i = 0; ; i++) {
                String id = writer + "-" + i;
                readings.insertOne(new Document("_id", id).append("value", i));
                inserts.add(id);
                acknowledged.incrementAndGet();
                readings.updateOne(Filters.eq("_id", counterId), Updates.inc("n", 1),
                        new UpdateOptions().upsert(true));
                counter.incrementAndGet();
                acknowledged.incrementAndGet();
            }
        } catch (RuntimeException storeGone) {
            // Expected: the store was killed; the write in flight may or may not have been applied.
        }
    }

    private static void verify(MongoCollection<Document> readings, Set<String> inserts,
                               Map<String, AtomicLong> increments) {
        List<String> ids = new ArrayList<>(inserts);
        assertThat(readings.countDocuments(Filters.in("_id", ids))).as("acknowledged inserts present")
                .isEqualTo(ids.size());
        increments.forEach((counterId, count) -> {
            Document counter = readings.find(Filters.eq("_id", counterId)).first();
            long stored = counter == null ? 0 : counter.getInteger("n");
            // One increment may have been applied without its answer reaching the client.
            assertThat(stored).as(counterId).isBetween(count.get(), count.get() + 1);
        });
    }

    private Process startStore() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), StoreNode.class.getName(), dataDir.toString(),
                String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("store.log").toFile()))
                .start();
        await().atMost(Duration.ofSeconds(30)).until(() -> HealthChecks.ping(connectionString()));
        return process;
    }

    private String connectionString() {
        // No retries: a write to a killed store must fail at once, not be replayed after the restart.
        return "mongodb://127.0.0.1:" + port + "/?retryWrites=false&serverSelectionTimeoutMS=2000"
                + "&connectTimeoutMS=1000";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
