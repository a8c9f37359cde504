package org.zhonglou.registration.seats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Combines this instance's concurrent waitlist placements per programme into few store writes. A
 * waitlist event must carry its position, so the store update is conditioned on the exact current
 * length, and placements on one programme are therefore one at a time. Writing them one by one made
 * each wait for every earlier commit (in a rush, seconds); instead, whoever holds the programme's
 * turn places everyone queued behind it in ONE conditional update, positions in arrival order.
 * Correctness still comes from the store: the update checks the length, every child and every
 * cancellation at the moment of writing, which also covers other instances (they just cause a retry).
 */
class WaitlistGate {

    /** Bounds the size of one update (one outbox event and three ledger entries per claim). */
    static final int MAX_BATCH = 50;

    /** The store write: place {@code claims} at positions {@code length + 1 ...} if the length is still {@code length}. */
    @FunctionalInterface
    interface BatchPlacement {
        boolean place(int length, List<SeatClaim> claims);
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * Queues {@code claim} and, when its turn comes, places it together with the claims queued meanwhile.
     * Returns the position taken, or null when it was not placed (the write failed, the waitlist looks
     * full, or another claim in the same batch is for the same child or guardian, whose limit is checked
     * per claim): the caller re-reads and decides.
     */
    Integer tryAt(String programmeId, int observedLength, int waitlistCapacity, SeatClaim claim,
                  BatchPlacement placement) {
        Slot slot = slots.computeIfAbsent(programmeId, id -> new Slot());
        Waiter me = new Waiter(claim);
        slot.queue.add(me);
        slot.turn.lock();
        try {
            // More than a batch may be queued ahead: keep going until this claim is decided, so that no
            // claim is left in the queue after its caller has given up on it.
            while (!me.decided) {
                placeQueued(slot, observedLength, waitlistCapacity, placement);
            }
            return me.position;
        } finally {
            slot.turn.unlock();
        }
    }

    /** After a change this gate did not make (a cancellation), the cached length is no longer trusted. */
    void forget(String programmeId) {
        Slot slot = slots.get(programmeId);
        if (slot != null) {
            slot.turn.lock();
            try {
                slot.knownLength = -1;
            } finally {
                slot.turn.unlock();
            }
        }
    }

    /** Runs under the slot's turn; decides every waiter it takes from the queue. */
    private static void placeQueued(Slot slot, int observedLength, int waitlistCapacity, BatchPlacement placement) {
        int length = slot.knownLength >= 0 ? slot.knownLength : observedLength;
        List<Waiter> batch = new ArrayList<>();
        Set<String> children = new HashSet<>();
        Set<String> guardians = new HashSet<>();
        List<Waiter> undecided = new ArrayList<>();
        for (Waiter next; batch.size() < MAX_BATCH && (next = slot.queue.poll()) != null; ) {
            if (length + batch.size() < waitlistCapacity && Collections.disjoint(children, next.claim.allChildKeys())
                    && !guardians.contains(next.claim.guardianId())) {
                children.addAll(next.claim.allChildKeys());
                guardians.add(next.claim.guardianId());
                batch.add(next);
            } else {
                undecided.add(next);
            }
        }
        undecided.forEach(waiter -> waiter.decide(null));
        if (batch.isEmpty()) {
            return;
        }
        if (!placement.place(length, batch.stream().map(waiter -> waiter.claim).toList())) {
            // The length (or a child) changed elsewhere: everyone queued re-reads rather than try a stale length.
            slot.knownLength = -1;
            batch.forEach(waiter -> waiter.decide(null));
            for (Waiter queued; (queued = slot.queue.poll()) != null; ) {
                queued.decide(null);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).decide(length + i + 1);
        }
        slot.knownLength = length + batch.size();
    }

    private static final class Slot {
        private final ReentrantLock turn = new ReentrantLock();
        private final Queue<Waiter> queue = new ConcurrentLinkedQueue<>();
        private int knownLength = -1;
    }

    /** Written and read only under the slot's turn. */
    private static final class Waiter {
        private final SeatClaim claim;
        private boolean decided;
        private Integer position;

        private Waiter(SeatClaim claim) {
            this.claim = claim;
        }

        private void decide(Integer position) {
            this.decided = true;
            this.position = position;
        }
    }
}
