package org.zhonglou.registration.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gate against a stand-in for the conditional store update, with callers retrying like
 * {@code Seats.place}: re-read, then queue again. The stand-in holds its first write until every
 * caller has arrived at the gate, as a slow commit does in a rush. The store-backed
 * behaviour (events, several instances) is covered by the rush scenarios.
 */
class WaitlistGateTest {

    private static final String PROGRAMME = "p1";

    @Test
    void concurrentClaimsGetDistinctConsecutivePositionsInFewWrites() throws Exception {
        FakeLedger ledger = new FakeLedger(30, 60);
        List<Integer> positions = runConcurrently(60, i -> new SeatClaim("e" + i, "child" + i, "g" + i), ledger);

        assertThat(positions.stream().filter(p -> p != null)).hasSize(30)
                .containsExactlyInAnyOrderElementsOf(range(1, 30));
        assertThat(ledger.waitlist).hasSize(30).doesNotHaveDuplicates();
        assertThat(ledger.writes.get()).as("placements are combined").isLessThan(30);
    }

    @Test
    void oneChildIsPlacedOnceEvenWhenItsClaimsShareABatch() throws Exception {
        FakeLedger ledger = new FakeLedger(100, 40);
        List<Integer> positions = runConcurrently(40, i -> new SeatClaim("e" + i, "child" + (i % 4), "g" + i),
                ledger);

        assertThat(positions.stream().filter(p -> p != null)).hasSize(4)
                .containsExactlyInAnyOrderElementsOf(range(1, 4));
        assertThat(ledger.children).hasSize(4);
    }

    @Test
    void moreClaimsThanOneBatchAreAllDecidedAndNoneIsLeftQueued() throws Exception {
        FakeLedger ledger = new FakeLedger(1_000, 3 * WaitlistGate.MAX_BATCH);
        List<Integer> positions = runConcurrently(3 * WaitlistGate.MAX_BATCH,
                i -> new SeatClaim("e" + i, "child" + i, "g" + i), ledger);

        assertThat(positions).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ledger.waitlist).hasSize(3 * WaitlistGate.MAX_BATCH).doesNotHaveDuplicates();
    }

    @Test
    void aFailedWriteLeavesEveryClaimOfTheBatchUnplaced() {
        WaitlistGate gate = new WaitlistGate();
        Integer position = gate.tryAt(PROGRAMME, 0, 10, new SeatClaim("e1", "c1", "g1"), (length, claims) -> false);
        assertThat(position).isNull();

        Integer next = gate.tryAt(PROGRAMME, 3, 10, new SeatClaim("e2", "c2", "g2"), (length, claims) -> length == 3);
        assertThat(next).as("after a failure the observed length is used again").isEqualTo(4);
    }

    private static List<Integer> runConcurrently(int callers, java.util.function.IntFunction<SeatClaim> claims,
                                                 FakeLedger ledger) throws Exception {
        WaitlistGate gate = new WaitlistGate();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                SeatClaim claim = claims.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return placeWithRetries(gate, ledger, claim);
                }));
            }
            start.countDown();
            List<Integer> positions = new ArrayList<>();
            for (Future<Integer> result : results) {
                positions.add(result.get());
            }
            return positions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Like Seats.place: re-read after every unplaced attempt; null = full or child already placed. */
    private static Integer placeWithRetries(WaitlistGate gate, FakeLedger ledger, SeatClaim claim) {
        for (int round = 0; round < 64; round++) {
            int length;
            synchronized (ledger) {
                if (ledger.children.containsKey(claim.childKey()) || ledger.waitlist.size() >= ledger.capacity) {
                    return null;
                }
                length = ledger.waitlist.size();
            }
            ledger.arrived.incrementAndGet();
            Integer position = gate.tryAt(PROGRAMME, length, ledger.capacity, claim, ledger::place);
            if (position != null) {
                return position;
            }
        }
        throw new AssertionError("claim " + claim + " never settled");
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** The conditional update: length unchanged, no child already there. */
    private static final class FakeLedger {
        final int capacity;
        final int callers;
        final List<String> waitlist = new ArrayList<>();
        final Map<String, String> children = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger arrived = new AtomicInteger();

        FakeLedger(int capacity, int callers) {
            this.capacity = capacity;
            this.callers = callers;
        }

        boolean place(int length, List<SeatClaim> claims) {
            if (writes.incrementAndGet() == 1) {
                await().atMost(Duration.ofSeconds(10)).until(() -> arrived.get() >= callers);
            }
            synchronized (this) {
                if (waitlist.size() != length || length + claims.size() > capacity
                        || claims.stream().anyMatch(claim -> children.containsKey(claim.childKey()))) {
                    return false;
                }
                claims.forEach(claim -> {
                    waitlist.add(claim.enrollmentId());
                    children.put(claim.childKey(), claim.enrollmentId());
                });
                return true;
            }
        }
    }
}
