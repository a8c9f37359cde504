package org.zhonglou.stack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged without one commit per write. A writer calls
 * {@link #beginWrite()} before changing data and {@link #awaitDurable()} after. If no commit is
 * running it becomes the leader: it waits a moment for writes already under way, then commits
 * everything finished so far; writers arriving meanwhile wait for that commit or the next one. A
 * commit re-serialises whole pages, so sharing one between writers is where the throughput comes from.
 */
final class GroupCommit {

    /** How long a leader waits for writes under way; a single writer never waits (nothing is under way). */
    private static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final AtomicInteger writesUnderWay = new AtomicInteger();
    /** Writes that have asked for durability, numbered in the order they asked. */
    private long requested;
    /** Every write numbered up to this one is on disk. */
    private long durable;
    private boolean committing;
    private long commits;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    void beginWrite() {
        writesUnderWay.incrementAndGet();
    }

    /** Returns once a commit that started after this write finished is done; rethrows its failure. */
    void awaitDurable() {
        writesUnderWay.decrementAndGet();
        lock.lock();
        try {
            long ticket = ++requested;
            while (durable < ticket) {
                if (committing) {
                    committed.awaitUninterruptibly();
                } else {
                    commitAsLeader();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held; releases it while gathering and while the commit itself runs. */
    private void commitAsLeader() {
        committing = true;
        boolean succeeded = false;
        long covered = 0;
        lock.unlock();
        try {
            gatherWritesUnderWay();
            lock.lock();
            covered = requested;
            lock.unlock();
            commit.run();
            succeeded = true;
        } finally {
            lock.lock();
            committing = false;
            if (succeeded) {
                durable = Math.max(durable, covered);
                commits++;
            }
            committed.signalAll();
        }
    }

    private void gatherWritesUnderWay() {
        long deadline = System.nanoTime() + GATHER_NANOS;
        while (writesUnderWay.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000);
        }
    }

    /** Writers waiting for a commit in progress to finish. */
    int waitingWriters() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(committed);
        } finally {
            lock.unlock();
        }
    }

    /** Commits made so far; with concurrent writers, fewer than the writes they covered. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }
}
