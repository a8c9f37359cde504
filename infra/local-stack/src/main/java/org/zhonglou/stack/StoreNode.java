package org.zhonglou.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local MongoDB-protocol store as its own process. Usage: {@code StoreNode <dataDir>}. */
public final class StoreNode {

    private static final Logger log = LoggerFactory.getLogger(StoreNode.class);

    private StoreNode() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath().resolve("mongo").resolve("store.mv");
        LocalStore store = LocalStore.start(file, Ports.HOST, Ports.STORE);
        log.info("Store listening on {} with data in {}", store.connectionString(), file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the store");
            store.close();
            log.info("Store closed cleanly");
            stopped.countDown();
        }, "store-shutdown"));
        stopped.await();
    }
}
