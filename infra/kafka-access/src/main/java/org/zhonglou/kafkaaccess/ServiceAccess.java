package org.zhonglou.kafkaaccess;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What one service's broker user may do: write the topics it owns, read the topics it consumes with
 * its own consumer groups only, and keep its dead letters ({@code <topic>.<group>.dlq}, created on
 * demand, replayed with the group {@code <dead-letter topic>.replay}).
 *
 * @param user      the SCRAM user, named after the service
 * @param owns      topics the service publishes
 * @param consumes  the service's consumers: a topic and the group it reads it with
 */
public record ServiceAccess(String user, List<String> owns, List<Consumer> consumes) {

    public record Consumer(String topic, String group) {

        public String deadLetterTopic() {
            return topic + "." + group + ".dlq";
        }

        public String replayGroup() {
            return deadLetterTopic() + ".replay";
        }
    }

    public ServiceAccess {
        owns = List.copyOf(owns);
        consumes = List.copyOf(consumes);
    }

    /** Exact (literal) names only: a prefix would also grant topics and groups that do not exist yet. */
    public List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : owns) {
            allow(bindings, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        for (Consumer consumer : consumes) {
            allow(bindings, ResourceType.TOPIC, consumer.topic(), AclOperation.READ, AclOperation.DESCRIBE);
            allow(bindings, ResourceType.GROUP, consumer.group(), AclOperation.READ, AclOperation.DESCRIBE);
            allow(bindings, ResourceType.TOPIC, consumer.deadLetterTopic(), AclOperation.CREATE,
                    AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
            allow(bindings, ResourceType.GROUP, consumer.replayGroup(), AclOperation.READ, AclOperation.DESCRIBE);
        }
        return List.copyOf(bindings);
    }

    private void allow(List<AclBinding> bindings, ResourceType type, String name, AclOperation... operations) {
        ResourcePattern resource = new ResourcePattern(type, name, PatternType.LITERAL);
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
