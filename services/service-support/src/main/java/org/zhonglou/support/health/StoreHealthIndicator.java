package org.zhonglou.support.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health component as a {@code ping} on this service's own database. Boot's default
 * runs {@code hello} on every database the server lists, which the local MongoDB-protocol store refuses
 * for any database but {@code admin}: health went DOWN as soon as a service had written data.
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public StoreHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand("{ ping: 1 }");
        builder.up();
    }
}
