package org.zhonglou.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.zhonglou.support.messaging.CloudEventPublisher;

/**
 * Publishes the events waiting in aggregates' {@code outbox} arrays, then removes each one it sent.
 * Two paths: {@link #relaySoon} right after a change (so events go out within milliseconds), and a
 * periodic sweep that catches whatever a crash or a broker outage left behind. At-least-once: an event
 * may go out twice (two instances, or a crash between publishing and removing), never zero times;
 * consumers deduplicate by event id. Within one instance the two paths take turns, so they do not
 * both publish the same pending event.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 200;

    private final MongoTemplate mongo;
    private final CloudEventPublisher publisher;
    private final List<String> collections;
    private final ThreadPoolExecutor executor;
    private final ReentrantLock turn = new ReentrantLock();
    /** Aggregates with a fast-path relay queued and not yet started: one is enough for any number of changes. */
    private final Set<List<Object>> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public OutboxRelay(MongoTemplate mongo, CloudEventPublisher publisher, List<String> collections) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        // Bounded: under a burst the excess is simply left to the sweep rather than queued without limit.
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "outbox-relay");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Publishes the aggregate's pending events in the background; never blocks the caller. */
    public void relaySoon(String collection, Object aggregateId) {
        List<Object> aggregate = List.of(collection, aggregateId);
        if (!queued.add(aggregate)) {
            return;
        }
        try {
            executor.execute(() -> {
                // Before reading: a change committed from here on is either read now or queues a new relay.
                queued.remove(aggregate);
                try {
                    relay(collection, aggregateId);
                } catch (RuntimeException e) {
                    log.warn("Outbox of {} {} not relayed now (the sweep retries): {}", collection, aggregateId,
                            e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(aggregate);
            log.debug("Relay queue full; the sweep will publish {} {}", collection, aggregateId);
        }
    }

    /** Publishes the aggregate's pending events now, in order; returns how many went out. */
    public int relay(String collection, Object aggregateId) {
        if (closed) {
            return 0;
        }
        turn.lock();
        try {
            return relayPending(collection, aggregateId);
        } finally {
            turn.unlock();
        }
    }

    private int relayPending(String collection, Object aggregateId) {
        Query byId = Query.query(Criteria.where("_id").is(aggregateId));
        byId.fields().include(OutboxEvent.FIELD);
        Document document = mongo.findOne(byId, Document.class, collection);
        if (document == null) {
            return 0;
        }
        List<Document> pending = document.getList(OutboxEvent.FIELD, Document.class, List.of());
        List<String> sent = new ArrayList<>();
        try {
            for (Document raw : pending) {
                OutboxEvent event = toEvent(raw);
                try {
                    publisher.publish(event.topic(), event.toCloudEvent(publisher.source()));
                } catch (RuntimeException e) {
                    log.warn("Outbox event {} of {} {} not published yet: {}", event.id(), collection, aggregateId,
                            e.getMessage());
                    break;
                }
                log.debug("Published {} {} for {} {}", event.type(), event.id(), collection, aggregateId);
                sent.add(event.id());
            }
        } finally {
            // One write for all that went out: the aggregate is often the busiest document there is.
            if (!sent.isEmpty()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)), new Update().pull(
                        OutboxEvent.FIELD, new Document("id", new Document("$in", sent))), collection);
            }
        }
        return sent.size();
    }

    /** Catches up on whatever the fast path missed; runs on every instance, harmlessly overlapping. */
    @Scheduled(fixedDelayString = "${zhonglou.outbox.sweep-interval:PT2S}",
            initialDelayString = "${zhonglou.outbox.sweep-interval:PT2S}")
    public void sweep() {
        if (closed) {
            return;
        }
        for (String collection : collections) {
            try {
                Query withPending = Query.query(Criteria.where(OutboxEvent.FIELD + ".0").exists(true)).limit(SWEEP_BATCH);
                withPending.fields().include("_id");
                for (Document document : mongo.find(withPending, Document.class, collection)) {
                    relay(collection, document.get("_id"));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox sweep of {} failed: {}", collection, e.getMessage());
            }
        }
    }

    /** Stops both paths; whatever is still pending stays in the documents for the next start. */
    public void shutdown() {
        closed = true;
        executor.shutdownNow();
    }

    private static OutboxEvent toEvent(Document raw) {
        Object time = raw.get("time");
        Instant instant = time instanceof java.util.Date date ? date.toInstant() : Instant.parse(String.valueOf(time));
        return new OutboxEvent(raw.getString("id"), raw.getString("topic"), raw.getString("type"),
                raw.getString("key"), instant, raw.getString("data"));
    }
}
