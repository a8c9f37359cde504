package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void writersArrivingDuringACommitShareTheNextOne() throws Exception {
        CountDownLatch firstCommitMayFinish = new CountDownLatch(1);
        AtomicInteger commitCalls = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(() -> {
            if (commitCalls.incrementAndGet() == 1) {
                awaitUninterruptibly(firstCommitMayFinish);
            }
        });

        Thread leader = new Thread(() -> write(groupCommit));
        leader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> commitCalls.get() == 1);
        List<Thread> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread follower = new Thread(() -> write(groupCommit));
            follower.start();
            followers.add(follower);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> groupCommit.waitingWriters() == 5);

        firstCommitMayFinish.countDown();
        leader.join(5_000);
        for (Thread follower : followers) {
            follower.join(5_000);
            assertThat(follower.isAlive()).isFalse();
        }

        assertThat(commitCalls.get()).isEqualTo(2);
        assertThat(groupCommit.commits()).isEqualTo(2);
    }

    @Test
    void aFailedCommitIsReportedAndTheNextWriterCommitsAgain() {
        AtomicInteger commitCalls = new AtomicInteger();
        GroupCommit groupCommit = new GroupCommit(() -> {
            if (commitCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(() -> write(groupCommit)).hasMessage("disk full");
        write(groupCommit);

        assertThat(commitCalls.get()).isEqualTo(2);
        assertThat(groupCommit.commits()).isEqualTo(1);
    }

    private static void write(GroupCommit groupCommit) {
        groupCommit.beginWrite();
        groupCommit.awaitDurable();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
