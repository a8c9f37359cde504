package org.zhonglou.notification.subscription;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Subscriptions are few (staff members times channels), so matching reads them all and filters in
 * memory rather than relying on secondary indexes the local store ignores.
 */
@Component
public class Subscriptions {

    private final MongoTemplate mongo;

    public Subscriptions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Subscription insert(Subscription subscription) {
        return mongo.insert(subscription);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    public Optional<Subscription> findOwn(String id, String owner) {
        return find(id).filter(subscription -> subscription.owner().equals(owner));
    }

    public List<Subscription> findByOwner(String owner) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner)).with(Sort.by("createdAt")),
                Subscription.class);
    }

    public long countByOwner(String owner) {
        return mongo.count(Query.query(Criteria.where("owner").is(owner)), Subscription.class);
    }

    public List<Subscription> all() {
        return mongo.findAll(Subscription.class);
    }

    public boolean deleteOwn(String id, String owner) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)), Subscription.class)
                .getDeletedCount() > 0;
    }
}
