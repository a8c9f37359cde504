package org.zhonglou.stack;

import java.util.concurrent.CountDownLatch;

/** A stand-in component process for {@link SupervisorTest}: lives until it is signalled. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
