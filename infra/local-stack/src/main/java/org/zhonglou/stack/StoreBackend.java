package org.zhonglou.stack;

import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with what the local stack needs on top of it: with
 * {@code durableAcks}, every command that may change data is committed to the file before its reply
 * leaves (so a {@code kill -9} loses no acknowledged write), with commits grouped across writers.
 */
class StoreBackend extends H2Backend {

    /**
     * Commands known not to change data. Anything else is treated as a write: an unknown command costs
     * at most a cheap commit of nothing, a missed write would cost data.
     */
    private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct",
            "listcollections", "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo",
            "serverstatus", "dbstats", "collstats", "whatsmyuri", "getlasterror", "endsessions",
            "killcursors", "connectionstatus", "hostinfo", "getcmdlineopts", "getparameter", "getlog",
            "getfreemonitoringstatus", "currentop", "explain", "dbhash", "saslstart", "saslcontinue");

    private final MVStore mvStore;
    private final GroupCommit groupCommit;

    StoreBackend(MVStore mvStore, boolean durableAcks) {
        super(mvStore);
        this.mvStore = mvStore;
        this.groupCommit = durableAcks ? new GroupCommit(mvStore::commit) : null;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return hello(channel, databaseName, query);
        }
        // Pins the version this command reads, so that the file space of pages it may still load is
        // not reused by commits made meanwhile (the store reuses space at once, see LocalStore).
        MVStore.TxCounter readVersion = mvStore.registerVersionUsage();
        boolean durableWrite = groupCommit != null && mayWrite(command, query);
        if (durableWrite) {
            groupCommit.beginWrite();
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            mvStore.deregisterVersionUsage(readVersion);
            // Also after a failed write: part of a bulk insert may have been applied and reported.
            if (durableWrite) {
                groupCommit.awaitDurable();
            }
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // H2Backend opens existing databases from its constructor, before this class's fields are set.
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    long commits() {
        return groupCommit == null ? 0 : groupCommit.commits();
    }

    static boolean mayWrite(String command, Document query) {
        String name = command.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("aggregate")) {
            // Only $out and $merge stages write; they would appear in the pipeline's text.
            String pipeline = String.valueOf(query.get("pipeline"));
            return pipeline.contains("$out") || pipeline.contains("$merge");
        }
        return !READ_ONLY.contains(name);
    }

    /**
     * Spring Boot 4's Mongo health indicator sends {@code hello}, which mongo-java-server 1.47 only
     * knows by its old name {@code isMaster}; the answers differ only in the name of one field.
     */
    private Document hello(Channel channel, String databaseName, Document query) {
        Document isMaster = super.handleCommand(channel, databaseName, "isMaster", query);
        Document hello = new Document("isWritablePrimary", isMaster.get("ismaster"));
        isMaster.forEach((key, value) -> {
            if (!key.equals("ismaster")) {
                hello.put(key, value);
            }
        });
        return hello;
    }
}
