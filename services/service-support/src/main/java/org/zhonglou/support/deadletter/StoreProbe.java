package org.zhonglou.support.deadletter;

import java.util.function.BooleanSupplier;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Whether the store answers a ping. A consumer failure nobody classified while the store is away is
 * treated as part of the outage, never as a reason to dead-letter the record.
 */
final class StoreProbe implements BooleanSupplier {

    private final MongoTemplate mongo;

    StoreProbe(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean getAsBoolean() {
        try {
            mongo.executeCommand("{ ping: 1 }");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
