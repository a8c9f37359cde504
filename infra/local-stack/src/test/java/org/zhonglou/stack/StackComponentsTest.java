package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.ServiceAccess;

/** The environment variables are the contract with the services' application.yml: names must not drift. */
class StackComponentsTest {

    private final StackPaths paths = new StackPaths(Path.of("/srv/stack-data"), Path.of("/repo"));
    private final KafkaCredentials kafka = KafkaCredentials.random();
    private final Map<String, Component> byName = new StackComponents(paths, "-Dfoo=bar -Xmx300m", () -> kafka)
            .all().stream().collect(Collectors.toMap(Component::name, c -> c));

    @Test
    void everyServiceLogsInToTheBrokerAsItsOwnUser() {
        for (ServiceAccess service : KafkaAccess.SERVICES) {
            assertThat(byName.get(service.user()).environment()).as(service.user()).containsAllEntriesOf(Map.of(
                    "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                    "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                    "KAFKA_USERNAME", service.user(),
                    "KAFKA_PASSWORD", kafka.password(service.user())));
        }
    }

    @Test
    void everyServiceGetsItsPortDatabaseBrokerIssuerAndAudience() {
        assertThat(byName.get("registration-service").environment()).containsAllEntriesOf(Map.of(
                "SERVER_PORT", "8081",
                "INTERNAL_PORT", "8181",
                "MONGODB_URI", "mongodb://localhost:27017/registration",
                "KAFKA_BROKERS", "localhost:9092",
                "JWT_ISSUER_URI", "http://localhost:9000",
                "JWT_AUDIENCE", "registration",
                "SPRING_PROFILES_ACTIVE", "local"));
        assertThat(byName.get("registration-service").ports()).containsExactly(8081, 8181);
        assertThat(byName.get("station-monitoring-service").environment())
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("JWT_AUDIENCE", "station-monitoring")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017/station_monitoring");
    }

    @Test
    void notificationAlsoGetsRegistrationsInternalPortAndSmtpButNoKey() {
        assertThat(byName.get("notification-service").environment()).containsAllEntriesOf(Map.of(
                "SERVER_PORT", "8083",
                "MONGODB_URI", "mongodb://localhost:27017/notification",
                "REGISTRATION_INTERNAL_URL", "http://localhost:8181",
                "JWT_AUDIENCE", "notification",
                "SMTP_HOST", "localhost",
                "SMTP_PORT", "1025"));
        assertThat(byName.get("notification-service").environment().keySet()).noneMatch(name -> name.contains("KEY"));
    }

    @Test
    void theIdentityProviderRunsOnNineThousandWithItsKeyInTheDataDir() {
        Component provider = byName.get("identity-provider");
        assertThat(provider.ports()).containsExactly(9000);
        assertThat(provider.environment()).containsEntry("DATA_DIR", "/srv/stack-data")
                .containsEntry("IDP_ISSUER", "http://localhost:9000");
        assertThat(provider.jar()).contains(Path.of("/repo/infra/identity-provider/target/identity-provider.jar"));
    }

    @Test
    void theConsoleRunsOnEightyEightyInFrontOfTheServicesWithASmallJvm() {
        Component console = byName.get("console");
        assertThat(console.ports()).containsExactly(8080);
        assertThat(console.environment()).containsAllEntriesOf(Map.of(
                "SERVER_PORT", "8080",
                "CONSOLE_ISSUER_URI", "http://localhost:9000",
                "REGISTRATION_URL", "http://localhost:8081",
                "STATION_MONITORING_URL", "http://localhost:8082",
                "NOTIFICATION_URL", "http://localhost:8083"));
        assertThat(console.command()).contains("-Xmx48m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=48m")
                .containsSubsequence("-jar", "/repo/console/target/console.jar");
    }

    @Test
    void stackProfileStartsTheServicesAsDeployed() {
        assertThat(new StackComponents(paths, "", "production").services()).allSatisfy(service ->
                assertThat(service.environment()).containsEntry("SPRING_PROFILES_ACTIVE", "production"));
    }

    @Test
    void servicesRunTheirBootJarWithSmallHeapsAndTheUsersJavaOptsLast() {
        assertThat(byName.get("notification-service").command()).containsSubsequence(
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m", "-Dfoo=bar",
                "-Xmx300m",
                "-jar", "/repo/services/notification-service/target/notification-service.jar");
        assertThat(byName.get("notification-service").jar())
                .contains(Path.of("/repo/services/notification-service/target/notification-service.jar"));
    }

    @Test
    void everyCommandCarriesTheMarkersThatIdentifyOurProcesses() {
        assertThat(byName.values()).allSatisfy(component -> assertThat(component.command()).contains(
                "-Dzhonglou.stack.component=" + component.name(), "-Dzhonglou.stack.data=/srv/stack-data"));
    }

    @Test
    void infrastructureListensOnTheDocumentedPorts() {
        assertThat(byName.get("kafka").ports()).containsExactly(9092, 9093);
        assertThat(byName.get("store").ports()).containsExactly(27017);
        assertThat(byName.get("mail").ports()).containsExactly(1025, 8025);
    }

    @Test
    void brokerIsCombinedKraftWithSixPartitionsAndNoAutoCreation() {
        var config = KafkaNode.brokerConfig(Path.of("/srv/stack-data/kafka/data"), null);

        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("num.partitions")).isEqualTo("6");
        assertThat(config.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("log.dirs")).isEqualTo("/srv/stack-data/kafka/data");
    }
}
