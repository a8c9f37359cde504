package org.zhonglou.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local MongoDB-protocol store as its own process. Usage: {@code StoreNode <dataDir> [port]}; the
 * port defaults to 27017 (the durability test picks a free one).
 */
public final class StoreNode {

    private static final Logger log = LoggerFactory.getLogger(StoreNode.class);

    private StoreNode() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath().resolve("mongo").resolve("store.mv");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : Ports.STORE;
        LocalStore store = LocalStore.start(file, Ports.HOST, port);
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
