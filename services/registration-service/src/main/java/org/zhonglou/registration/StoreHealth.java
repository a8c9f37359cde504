package org.zhonglou.registration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code mongo} health component as a {@code ping} on this service's own database. Boot's default
 * runs {@code hello} on every database the server lists, which the local MongoDB-protocol store
 * refuses for any database but {@code admin}: health went DOWN as soon as this service wrote data.
 */
@Component("mongoHealthIndicator")
class StoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    StoreHealth(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand("{ ping: 1 }");
        builder.up();
    }
}
