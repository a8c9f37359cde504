package org.zhonglou.kafkaaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.zhonglou.contracts.Topics;

/** The table of who may do what, against the services' own bindings and the rule "write only what you own". */
class KafkaAccessTest {

    private static final Path SERVICES = Path.of("../../services").toAbsolutePath().normalize();

    @Test
    void everyConsumerBindingOfAServiceIsInItsTableWithTheSameGroupAndNothingElse() throws IOException {
        for (ServiceAccess service : KafkaAccess.SERVICES) {
            assertThat(Set.copyOf(service.consumes())).as(service.user()).isEqualTo(bindings(service.user()));
        }
    }

    @Test
    void everyTopicHasExactlyOneOwnerAndOnlyItsOwnerMayWriteIt() {
        for (String topic : Topics.ALL) {
            List<String> writers = KafkaAccess.SERVICES.stream()
                    .filter(service -> allowed(service, ResourceType.TOPIC, topic).contains(AclOperation.WRITE))
                    .map(ServiceAccess::user).toList();
            assertThat(writers).as(topic).hasSize(1);
        }
    }

    @Test
    void aConsumerReadsItsTopicWithItsGroupAndKeepsItsOwnDeadLetters() {
        ServiceAccess.Consumer alerts = KafkaAccess.NOTIFICATION.consumes().get(0);
        assertThat(alerts.deadLetterTopic()).isEqualTo("station.alerts.v1.notification-service.dlq");
        assertThat(alerts.replayGroup()).isEqualTo("station.alerts.v1.notification-service.dlq.replay");

        assertThat(allowed(KafkaAccess.NOTIFICATION, ResourceType.TOPIC, Topics.STATION_ALERTS))
                .containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(allowed(KafkaAccess.NOTIFICATION, ResourceType.GROUP, "notification-service"))
                .containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(allowed(KafkaAccess.NOTIFICATION, ResourceType.TOPIC, alerts.deadLetterTopic()))
                .containsExactlyInAnyOrder(AclOperation.CREATE, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(allowed(KafkaAccess.NOTIFICATION, ResourceType.GROUP, alerts.replayGroup()))
                .containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(allowed(KafkaAccess.NOTIFICATION, ResourceType.GROUP, "station-monitoring-service")).isEmpty();
    }

    @Test
    void noPrefixesNoWildcardsNoDenyAndOnlyTheServicesOwnPrincipal() {
        for (ServiceAccess service : KafkaAccess.SERVICES) {
            assertThat(service.bindings()).allSatisfy(binding -> {
                assertThat(binding.pattern().patternType()).isEqualTo(PatternType.LITERAL);
                assertThat(binding.pattern().name()).isNotEqualTo("*");
                assertThat(binding.entry().principal()).isEqualTo("User:" + service.user());
            });
        }
    }

    private static Set<AclOperation> allowed(ServiceAccess service, ResourceType type, String name) {
        return service.bindings().stream()
                .filter(b -> b.pattern().resourceType() == type && b.pattern().name().equals(name))
                .map(AclBinding::entry).map(e -> e.operation()).collect(Collectors.toSet());
    }

    /** The {@code destination} and {@code group} of every input binding in the service's application.yml. */
    @SuppressWarnings("unchecked")
    private static Set<ServiceAccess.Consumer> bindings(String service) throws IOException {
        Set<ServiceAccess.Consumer> consumers = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(SERVICES.resolve(service + "/src/main/resources/application.yml"))) {
            for (Object document : new Yaml().loadAll(reader)) {
                Map<String, Object> bindings = (Map<String, Object>) at(document, "spring", "cloud", "stream", "bindings");
                if (bindings == null) {
                    continue;
                }
                bindings.forEach((name, binding) -> {
                    if (name.contains("-in-")) {
                        Map<String, Object> b = (Map<String, Object>) binding;
                        consumers.add(new ServiceAccess.Consumer((String) b.get("destination"), (String) b.get("group")));
                    }
                });
            }
        }
        return consumers;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}
