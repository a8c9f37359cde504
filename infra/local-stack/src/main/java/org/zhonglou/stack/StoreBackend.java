package org.zhonglou.stack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend with what the services need on top of it. */
class StoreBackend extends H2Backend {

    StoreBackend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return hello(channel, databaseName, query);
        }
        return super.handleCommand(channel, databaseName, command, query);
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
