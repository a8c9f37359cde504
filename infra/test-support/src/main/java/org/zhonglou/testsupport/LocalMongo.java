package org.zhonglou.testsupport;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The MongoDB-protocol store ({@code mongo-java-server}) on a loopback TCP port: in memory for ordinary
 * tests, or on an H2 file ({@link #onFile}) for tests that take the store away and bring it back on the
 * same port with its data, as a restarted store process would.
 */
public final class LocalMongo {

    private static LocalMongo shared;

    private final Supplier<MongoBackend> backends;
    private final int port;
    private MongoServer server;

    public LocalMongo() {
        MemoryBackend memory = new MemoryBackend();
        this.backends = () -> memory;
        this.port = freePort();
    }

    private LocalMongo(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.port = port;
    }

    /** A store whose data lives in an H2 file, so it survives {@link #stop()} and {@link #start()}. */
    public static LocalMongo onFile(Path file) {
        return new LocalMongo(() -> new H2Backend(file.toString()), freePort());
    }

    /** One store per test JVM, started on first use and stopped at exit. */
    public static synchronized LocalMongo shared() {
        if (shared == null) {
            shared = new LocalMongo().start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "local-mongo-stop"));
        }
        return shared;
    }

    public synchronized LocalMongo start() {
        if (server == null) {
            server = new MongoServer(backends.get());
            server.bind(new InetSocketAddress("127.0.0.1", port));
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
