package org.zhonglou.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

/** mongo-java-server on an H2 MVStore file: a MongoDB wire-protocol server whose data survives restarts. */
public final class LocalStore implements AutoCloseable {

    private final MVStore mvStore;
    private final StoreBackend backend;
    private final MongoServer server;

    private LocalStore(MVStore mvStore, StoreBackend backend, MongoServer server) {
        this.mvStore = mvStore;
        this.backend = backend;
        this.server = server;
    }

    /** Opens (or creates) the store file and listens on {@code host:port}; port 0 picks a free one. */
    public static LocalStore start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).open();
        StoreBackend backend = new StoreBackend(mvStore);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new LocalStore(mvStore, backend, server);
    }

    public InetSocketAddress address() {
        return server.getLocalAddress();
    }

    public String connectionString() {
        InetSocketAddress address = address();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops accepting clients, then closes the MVStore, which writes everything still in memory. */
    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
        if (!mvStore.isClosed()) {
            mvStore.close();
        }
    }
}
