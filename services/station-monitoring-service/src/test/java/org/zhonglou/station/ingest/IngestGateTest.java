package org.zhonglou.station.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.zhonglou.support.refusal.Refusal;
import org.zhonglou.support.web.Problems;

/** The door's limits with batches held in flight on purpose (latches, no timing). */
class IngestGateTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseAll() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void oneDeviceHoldsAtMostItsShareOfTheSlotsInFlightAndOthersStillGetIn() throws Exception {
        IngestGate gate = new IngestGate(new IngestProperties(100, 6000, 64, 16));
        List<CompletableFuture<String>> flooding = hold(gate, "flooder", 16);

        assertThatThrownBy(() -> gate.inFlight("st", "flooder", () -> "17th"))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(Problems.statusOf(problem.kind())).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        assertThat(gate.inFlight("st", "neighbour", () -> "in")).isEqualTo("in");

        release.countDown();
        for (CompletableFuture<String> batch : flooding) {
            assertThat(batch.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(gate.inFlight("st", "flooder", () -> "again")).as("slots given back").isEqualTo("again");
    }

    @Test
    void whenEverySlotIsTakenTheNextBatchGetsA503() throws Exception {
        IngestGate gate = new IngestGate(new IngestProperties(100, 6000, 4, 2));
        hold(gate, "a", 2);
        hold(gate, "b", 2);

        assertThatThrownBy(() -> gate.inFlight("st", "c", () -> "x"))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(Problems.statusOf(problem.kind())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.retryAfter()).isPositive();
                });
        assertThatThrownBy(() -> gate.inFlight("st", "c", () -> "x")).as("a refused batch gives its share back")
                .isInstanceOfSatisfying(Refusal.class,
                        problem -> assertThat(Problems.statusOf(problem.kind())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void aDeviceGetsItsBacklogOfAMinuteThenA429WithRetryAfter() {
        IngestGate gate = new IngestGate(new IngestProperties(100, 6000, 64, 16));
        for (int batch = 0; batch < 6; batch++) {
            gate.checkRate("st", "sensor", 1000);
        }

        assertThatThrownBy(() -> gate.checkRate("st", "sensor", 1000))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(Problems.statusOf(problem.kind())).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
                });
        gate.checkRate("st", "other-sensor", 1000);
    }

    /** {@code count} batches of one device, each holding its slot until the test releases them. */
    private List<CompletableFuture<String>> hold(IngestGate gate, String device, int count) throws Exception {
        CountDownLatch holding = new CountDownLatch(count);
        List<CompletableFuture<String>> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(CompletableFuture.supplyAsync(() -> gate.inFlight("st", device, () -> {
                holding.countDown();
                await(release);
                return "done";
            }), threads));
        }
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return batches;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
