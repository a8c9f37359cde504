package org.zhonglou.registration.seats;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The gate against a stand-in for the conditional store update (slow, like a committed write), with
 * callers retrying like {@code SeatLedger.place}: re-read, then queue again. The store-backed
 * behaviour (events, several instances) is covered by the rush scenarios.
 */
class WaitlistGateTest {

    private static final String PROGRAMME = "p1";

    @Test
    void concurrentClaimsGetDistinctConsecutivePositionsInFewWrites() throws Exception {
        FakeLedger ledger = new FakeLedger(30);
        List<Integer> positions = runConcurrently(60, i -> new SeatClaim("e" + i, "child" + i, "g" + i), ledger);

        assertThat(positions.stream().filter(p -> p != null)).hasSize(30)
                .containsExactlyInAnyOrderElementsOf(range(1, 30));
        assertThat(ledger.waitlist).hasSize(30).doesNotHaveDuplicates();
        assertThat(ledger.writes.get()).as("placements are combined").isLessThan(30);
    }

    @Test
    void oneChildIsPlacedOnceEvenWhenItsClaimsShareABatch() throws Exception {
        FakeLedger ledger = new FakeLedger(100);
        List<Integer> positions = runConcurrently(40, i -> new SeatClaim("e" + i, "child" + (i % 4), "g" + i),
                ledger);

        assertThat(positions.stream().filter(p -> p != null)).hasSize(4)
                .containsExactlyInAnyOrderElementsOf(range(1, 4));
        assertThat(ledger.children).hasSize(4);
    }

    @Test
    void moreClaimsThanOneBatchAreAllDecidedAndNoneIsLeftQueued() throws Exception {
        FakeLedger ledger = new FakeLedger(1_000);
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

    /** Like SeatLedger.place: re-read after every unplaced attempt; null = full or child already placed. */
    private static Integer placeWithRetries(WaitlistGate gate, FakeLedger ledger, SeatClaim claim) {
        for (int round = 0; round < 64; round++) {
            int length;
            synchronized (ledger) {
                if (ledger.children.containsKey(claim.childKey()) || ledger.waitlist.size() >= ledger.capacity) {
                    return null;
                }
                length = ledger.waitlist.size();
            }
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

    /** The conditional update: length unchanged, no child already there; slow like a committed write. */
    private static final class FakeLedger {
        final int capacity;
        final List<String> waitlist = new ArrayList<>();
        final Map<String, String> children = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        FakeLedger(int capacity) {
            this.capacity = capacity;
        }

        boolean place(int length, List<SeatClaim> claims) {
            writes.incrementAndGet();
            sleepMillis(5);
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

        private static void sleepMillis(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
