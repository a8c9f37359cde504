package org.zhonglou.stack;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged without one commit per write: a writer that
 * finished its change asks for durability; if no commit is running it becomes the leader and commits
 * everything finished so far, otherwise it waits and the next commit covers it. Under load one commit
 * serves every writer that arrived while the previous one was running.
 */
final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** Writes that have asked for durability, numbered in the order they asked. */
    private long requested;
    /** Every write numbered up to this one is on disk. */
    private long durable;
    private boolean committing;
    private long commits;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Returns once a commit that started after this call began has finished; rethrows its failure. */
    void awaitDurable() {
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

    /** Called with the lock held; releases it while the commit itself runs. */
    private void commitAsLeader() {
        committing = true;
        long covered = requested;
        boolean succeeded = false;
        lock.unlock();
        try {
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
