package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import static org.zhonglou.stack.ComposeFile.APP_SERVICES;
import static org.zhonglou.stack.ComposeFile.ROOT;
import static org.zhonglou.stack.ComposeFile.at;
import static org.zhonglou.stack.ComposeFile.map;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhonglou.contracts.Topics;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure is checked instead: what a
 * reviewer would otherwise only notice on a machine with Docker.
 */
class ComposeFileTest {

    private static final List<String> COMMON_ENV = List.of("SERVER_PORT", "SPRING_PROFILES_ACTIVE", "MONGODB_URI",
            "KAFKA_BROKERS", "KAFKA_REPLICATION_FACTOR", "JWT_ISSUER_URI");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() {
        services = ComposeFile.services();
    }

    @Test
    void hasThreeBrokersAThreeMemberReplicaSetMailAndTheServices() {
        assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3", "kafka-init",
                "mongo-1", "mongo-2", "mongo-3", "mongo-init", "mailpit", "keycloak", "caddy");
        assertThat(services).containsKeys(APP_SERVICES.toArray(String[]::new));
    }

    @Test
    void everyImageIsPinned() {
        services.forEach((name, service) -> assertThat((String) service.get("image")).as(name)
                .contains(":").doesNotEndWith(":latest"));
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndEveryServiceAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(at(service, "deploy", "resources", "limits", "memory")).as(name + " memory").isNotNull();
            if (!"no".equals(service.get("restart"))) {
                assertThat(at(service, "healthcheck", "test")).as(name + " healthcheck").isNotNull();
            }
        });
    }

    @Test
    void servicesWaitForHealthyBrokersAndStoreAndForTheInitJobs() {
        for (String name : APP_SERVICES) {
            Map<String, Object> dependsOn = map(services.get(name).get("depends_on"));
            for (String dependency : List.of("kafka-1", "kafka-2", "kafka-3", "mongo-1", "mongo-2", "mongo-3")) {
                assertThat(at(dependsOn, dependency, "condition")).as(name + " -> " + dependency)
                        .isEqualTo("service_healthy");
            }
            assertThat(at(dependsOn, "kafka-init", "condition")).isEqualTo("service_completed_successfully");
            assertThat(at(dependsOn, "mongo-init", "condition")).isEqualTo("service_completed_successfully");
        }
        services.forEach((name, service) -> {
            if (service.get("depends_on") != null) {
                assertThat(services).as(name + " depends on known services")
                        .containsKeys(map(service.get("depends_on")).keySet().toArray(String[]::new));
            }
        });
    }

    @Test
    void servicesAreBuiltFromThisRepositoryWithTheSharedDockerfile() {
        for (String name : APP_SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(ROOT.resolve((String) build.get("dockerfile"))).isRegularFile();
            assertThat(at(build, "args", "SERVICE")).isEqualTo(name);
        }
    }

    @Test
    void everyServiceGetsTheEnvironmentItReads() {
        for (String name : APP_SERVICES) {
            assertThat(environment(name)).as(name).containsKeys(COMMON_ENV.toArray(String[]::new));
            assertThat(environment(name)).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                    .containsEntry("KAFKA_REPLICATION_FACTOR", 3);
        }
        assertThat(environment("registration-service")).containsKeys("PII_ENCRYPTION_KEY", "PII_HASH_KEY")
                .containsEntry("INTERNAL_PORT", 8181).containsEntry("JWT_AUDIENCE", "registration");
        assertThat(environment("notification-service")).containsKeys("REGISTRATION_INTERNAL_URL",
                "NOTIFICATION_CLIENT_ID", "NOTIFICATION_CLIENT_SECRET", "NOTIFICATION_TOKEN_URI", "NOTIFICATION_SECRET_KEY",
                "SMTP_HOST", "SMTP_PORT").doesNotContainKey("SERVICE_TOKEN_SIGNING_KEY_LOCATION");
        assertThat(environment("registration-service").get("MONGODB_URI")).asString().contains("replicaSet=rs0");
    }

    @Test
    void brokersReplicateThreeTimesAndNeedTwoInSyncReplicas() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(environment(broker)).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        }
        assertThat(List.of("kafka-1", "kafka-2", "kafka-3")).extracting(b -> environment(b).get("KAFKA_NODE_ID"))
                .containsExactly(1, 2, 3);
    }

    @Test
    void theInitJobCreatesEveryTopicTheServicesUse() {
        assertThat(ComposeFile.list(services.get("kafka-init").get("volumes")))
                .contains("./infra/kafka/init-acls.sh:/init/init-acls.sh:ro");
        String script = ComposeFile.read("infra/kafka/init-acls.sh");
        assertThat(script).contains(Topics.ALL.toArray(String[]::new))
                .contains("--replication-factor 3", "--partitions 6", "min.insync.replicas=2");
    }

    private static Map<String, Object> environment(String service) {
        return ComposeFile.environment(services, service);
    }
}
