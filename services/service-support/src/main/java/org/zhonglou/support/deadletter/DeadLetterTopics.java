package org.zhonglou.support.deadletter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.zhonglou.support.messaging.TransientFailureException;

/**
 * The dead-letter topics, named {@code <topic>.<consumer-group>.dlq} (api.md). Brokers here do not
 * create topics on first use, so each is created before its first record: one partition (dead letters
 * are rare and a replay keeps their order), the binder's replication factor.
 */
final class DeadLetterTopics implements AutoCloseable {

    private final KafkaClientSettings settings;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    DeadLetterTopics(KafkaClientSettings settings) {
        this.settings = settings;
    }

    static String nameFor(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Creates the topic unless this instance knows it exists; a broker that is away is a transient failure. */
    void ensure(String name) {
        if (known.contains(name)) {
            return;
        }
        try {
            admin().createTopics(List.of(new NewTopic(name, 1, settings.replicationFactor()))).all()
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new TransientFailureException("Cannot create dead-letter topic " + name, e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TransientFailureException("Cannot create dead-letter topic " + name + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("Interrupted creating " + name, e);
        }
        known.add(name);
    }

    /** At start-up: the topic is there before anyone looks for it, if the broker is up. */
    void tryEnsure(String name) {
        try {
            ensure(name);
        } catch (TransientFailureException e) {
            // Created on first use instead.
        }
    }

    Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(settings.admin());
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
