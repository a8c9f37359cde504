package org.zhonglou.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** mongo-java-server on an H2 MVStore file: a MongoDB wire-protocol server whose data survives restarts. */
public final class LocalStore implements AutoCloseable {

    /**
     * Netty worker threads. A writer waiting for its group commit holds its worker, so the number of
     * workers bounds how many writers one commit can serve; the default (2 per core) would be 4 here.
     */
    private static final int WORKER_THREADS = 32;

    public enum Durability {
        /** Every write is in the file before it is acknowledged: survives {@code kill -9}. */
        ACKNOWLEDGED,
        /** mongo-java-server's default: H2 writes changes about once a second; a kill loses the rest. */
        PERIODIC
    }

    private static final String META_MAP = "zhonglou.store";
    /**
     * H2 rewrites live pages out of sparse chunks once the file is less than this full (its default is
     * 90 %). After a benchmark's ingest that background rewriting took 45 % of the store's CPU during the
     * next sign-up rush; at 50 % the file stays within about twice its live data.
     */
    private static final int COMPACT_BELOW_FILL_RATE = 50;
    /** The file's layout: index order of IndexKeyType, documents as BSON (BsonDocumentType). */
    private static final String FORMAT = "typed-index-bson-documents-v2";

    private final MVStore mvStore;
    private final StoreBackend backend;
    private final MongoServer server;

    private LocalStore(MVStore mvStore, StoreBackend backend, MongoServer server) {
        this.mvStore = mvStore;
        this.backend = backend;
        this.server = server;
    }

    public static LocalStore start(Path file, String host, int port) throws IOException {
        return start(file, host, port, Durability.ACKNOWLEDGED);
    }

    /** Opens (or creates) the store file and listens on {@code host:port}; port 0 picks a free one. */
    public static LocalStore start(Path file, String host, int port, Durability durability) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(COMPACT_BELOW_FILL_RATE)
                .open();
        if (durability == Durability.ACKNOWLEDGED) {
            // Each commit writes a new chunk; with H2's default 45 s before the space of dead chunks is
            // reused, a commit per write grows the file by hundreds of MB a minute. Reusing it at once
            // is safe against a killed process (the kernel still writes what was written) and against
            // concurrent readers (each command pins its version, see StoreBackend); it is not meant to
            // survive a power cut with the page cache unwritten.
            mvStore.setRetentionTime(0);
        }
        checkFormat(mvStore, file);
        StoreBackend backend = new StoreBackend(mvStore, durability == Durability.ACKNOWLEDGED);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new LocalStore(mvStore, backend, server);
    }

    /**
     * Index B-trees are ordered by {@link IndexKeyType} and documents are BSON; a file written another
     * way would give wrong lookups or unreadable pages, so it is refused with a way out instead of being read.
     */
    private static void checkFormat(MVStore mvStore, Path file) {
        MVMap<String, String> meta = mvStore.openMap(META_MAP);
        if (!FORMAT.equals(meta.get("format"))) {
            boolean hasData = mvStore.getMapNames().stream().anyMatch(name -> !name.equals(META_MAP));
            if (hasData) {
                mvStore.close();
                throw new IllegalStateException("The store file " + file + " was written by an older version of "
                        + "the local stack in another format; move it away (or start with a fresh DATA_DIR).");
            }
            meta.put("format", FORMAT);
            mvStore.commit();
        }
    }

    public InetSocketAddress address() {
        return server.getLocalAddress();
    }

    public String connectionString() {
        InetSocketAddress address = address();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Commits made for acknowledged writes; fewer than the writes when group commit works. */
    public long commits() {
        return backend.commits();
    }

    public long fileSizeBytes() throws IOException {
        return mvStore.getFileStore().size();
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
