package org.zhonglou.stack;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.zhonglou.contracts.Topics;

/**
 * Creates the topics the services exchange events on ({@link Topics#ALL}, the one list of them). The
 * broker does not auto-create topics, so a typo in a service's binding fails loudly instead of silently
 * creating a one-partition topic.
 */
public final class KafkaTopics {

    public static final int PARTITIONS = 6;

    private KafkaTopics() {
    }

    /** Creates the missing topics; safe to call on every start. */
    public static void ensure(Map<String, Object> client, long timeoutMillis) throws Exception {
        try (Admin admin = admin(client, timeoutMillis)) {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** True when every topic exists with its partitions; the broker's health as the services see it. */
    public static boolean ready(Map<String, Object> client, long timeoutMillis) {
        try (Admin admin = admin(client, timeoutMillis)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            return topics.values().stream().allMatch(t -> t.partitions().size() == PARTITIONS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code client}: brokers and the admin's login ({@link KafkaNode#adminClient}). */
    static Admin admin(Map<String, Object> client, long timeoutMillis) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        // One quick attempt per call: the caller decides how long to keep trying.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(props);
    }
}
