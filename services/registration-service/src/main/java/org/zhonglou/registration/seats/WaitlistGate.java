package org.zhonglou.registration.seats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

/**
 * Queues this instance's waitlist placements per programme. A waitlist event must carry its position,
 * so the store update is conditioned on the exact current length; without queueing, a rush of N
 * requests would retry O(N^2) times. The lock is only a throughput aid: correctness comes from the
 * conditional update in the store, which also covers other instances (they just cause a retry).
 */
class WaitlistGate {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * Tries {@code attempt} with the best-known current waitlist length; returns the position taken,
     * or null when the attempt failed or the waitlist looks full (the caller re-reads and decides).
     */
    Integer tryAt(String programmeId, int observedLength, int waitlistCapacity, IntPredicate attempt) {
        Slot slot = slots.computeIfAbsent(programmeId, id -> new Slot());
        slot.lock.lock();
        try {
            int length = slot.knownLength >= 0 ? slot.knownLength : observedLength;
            if (length >= waitlistCapacity || !attempt.test(length)) {
                slot.knownLength = -1;
                return null;
            }
            slot.knownLength = length + 1;
            return length + 1;
        } finally {
            slot.lock.unlock();
        }
    }

    /** After a change this gate did not make (a cancellation), the cached length is no longer trusted. */
    void forget(String programmeId) {
        Slot slot = slots.get(programmeId);
        if (slot != null) {
            slot.lock.lock();
            try {
                slot.knownLength = -1;
            } finally {
                slot.lock.unlock();
            }
        }
    }

    private static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private int knownLength = -1;
    }
}
