package org.zhonglou.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhonglou.stack.ComposeFile.APP_SERVICES;
import static org.zhonglou.stack.ComposeFile.at;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhonglou.kafkaaccess.KafkaAccess;

/**
 * The production rules of docker-compose.yml (issue 13): only the TLS proxy is published, every secret
 * comes from the environment, Kafka authenticates and authorizes per service, MongoDB per database,
 * Mailpit is current and private. The realm is checked in {@link KeycloakRealmTest}.
 */
class ComposeSecurityTest {

    private static final Map<String, String> AUDIENCES = Map.of("registration-service", "registration",
            "station-monitoring-service", "station-monitoring", "notification-service", "notification");
    private static final Map<String, String> DATABASES = Map.of("registration-service", "registration",
            "station-monitoring-service", "station_monitoring", "notification-service", "notification");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() {
        services = ComposeFile.services();
    }

    @Test
    void onlyTheTlsProxyPublishesPortsAndItRoutesNoInternalPath() {
        services.forEach((name, service) -> {
            if (!name.equals("caddy")) {
                assertThat(service.get("ports")).as(name + " publishes nothing").isNull();
            }
        });
        assertThat(ComposeFile.list(services.get("caddy").get("ports"))).containsExactlyInAnyOrder("80:80", "443:443");
        String caddyfile = ComposeFile.read("infra/caddy/Caddyfile");
        assertThat(caddyfile).contains("reverse_proxy registration-service:8081",
                "reverse_proxy station-monitoring-service:8082", "reverse_proxy notification-service:8083",
                "reverse_proxy keycloak:8080", "path /internal/* /actuator/*", "respond @notPublic 404")
                .doesNotContain("8181", "mailpit", "kafka", "mongo", "tls off", "http://");
    }

    @Test
    void theConsoleIsServedOnlyThroughTheProxyWithSecureCookiesAndTheRealmsPkceClient() {
        assertThat(services.get("console").get("ports")).isNull();
        assertThat(ComposeFile.read("infra/caddy/Caddyfile")).contains("console.{$ZHONGLOU_DOMAIN} {\n\timport public\n\treverse_proxy console:8080");
        assertThat(environment("console")).containsEntry("CONSOLE_SECURE_COOKIES", "true")
                .containsEntry("CONSOLE_CLIENT_ID", "console")
                .containsEntry("CONSOLE_ISSUER_URI", "https://auth.${ZHONGLOU_DOMAIN:?set ZHONGLOU_DOMAIN}/realms/zhonglou")
                .containsEntry("CONSOLE_REDIRECT_URI", "https://console.${ZHONGLOU_DOMAIN:?set ZHONGLOU_DOMAIN}/login/oauth2/code/console")
                .containsEntry("NOTIFICATION_URL", "http://notification-service:8083")
                .doesNotContainKey("CONSOLE_CLIENT_SECRET");
        assertThat(ComposeFile.read("infra/keycloak/zhonglou-realm.json"))
                .contains("\"clientId\": \"console\"", "\"pkce.code.challenge.method\": \"S256\"",
                        "\"redirectUris\": [\n        \"https://console.${ZHONGLOU_DOMAIN}/*\"");
    }

    @Test
    void servicesTrustTheRealmWithTheirOwnAudienceAndRegistrationsInternalPortStaysInside() {
        for (String name : APP_SERVICES) {
            assertThat(environment(name)).as(name)
                    .containsEntry("JWT_ISSUER_URI", "https://auth.${ZHONGLOU_DOMAIN:?set ZHONGLOU_DOMAIN}/realms/zhonglou")
                    .containsEntry("JWT_AUDIENCE", AUDIENCES.get(name));
        }
        Object internalPort = environment("registration-service").get("INTERNAL_PORT");
        assertThat(internalPort).isNotNull().isNotEqualTo(environment("registration-service").get("SERVER_PORT"));
        assertThat(environment("notification-service"))
                .containsEntry("REGISTRATION_INTERNAL_URL", "http://registration-service:" + internalPort)
                .containsEntry("NOTIFICATION_CLIENT_ID", "notification-service")
                .containsEntry("NOTIFICATION_CLIENT_SECRET", "${NOTIFICATION_CLIENT_SECRET:?set NOTIFICATION_CLIENT_SECRET}");
    }

    @Test
    void everySecretIsAVariableFromTheEnvironmentListedInTheExampleAndTheRealEnvIsNeverCommitted() {
        // The client listener's JAAS line holds no password: SCRAM credentials live in the cluster metadata.
        Pattern secretName = Pattern.compile("^(?!KAFKA_LISTENER_NAME_CLIENT_).*(PASSWORD|SECRET|_KEY|JAAS_CONFIG)$");
        services.forEach((name, service) -> {
            Object environment = service.get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.forEach((key, value) -> {
                    if (secretName.matcher(key.toString()).matches()) {
                        assertThat(value.toString()).as(name + " " + key).contains("${").doesNotContain(":-");
                    }
                });
            }
        });
        String example = ComposeFile.read(".env.example");
        Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(ComposeFile.read("docker-compose.yml"));
        Set<String> variables = new HashSet<>();
        while (required.find()) {
            variables.add(required.group(1));
        }
        assertThat(variables).contains("PII_ENCRYPTION_KEY", "PII_HASH_KEY", "NOTIFICATION_SECRET_KEY",
                "NOTIFICATION_CLIENT_SECRET", "KAFKA_REGISTRATION_PASSWORD", "MONGO_NOTIFICATION_PASSWORD");
        for (String variable : variables) {
            assertThat(example).as(variable + " in .env.example").containsPattern("(?m)^" + variable + "=replace-me");
        }
        assertThat(ComposeFile.read(".gitignore")).containsPattern("(?m)^\\.env$").containsPattern("(?m)^secrets/$");
    }

    @Test
    void kafkaAuthenticatesEveryListenerAndAuthorizesWithAclsOnly() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = environment(broker);
            assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString().split(","))
                    .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
            assertThat(env).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                            "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                    .containsEntry("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        }
        for (String name : APP_SERVICES) {
            String variable = "KAFKA_" + name.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT)
                    + "_PASSWORD";
            assertThat(environment(name)).as(name).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_USERNAME", name)
                    .containsEntry("KAFKA_PASSWORD", "${" + variable + ":?set " + variable + "}");
        }
    }

    @Test
    void theInitJobGrantsExactlyTheAclsOfKafkaAccessToUsersItCreates() {
        String script = ComposeFile.read("infra/kafka/init-acls.sh");
        String table = script.substring(script.indexOf("<<'ACLS'\n") + 8, script.lastIndexOf("\nACLS\n"));
        Set<String> granted = new HashSet<>();
        for (String line : table.strip().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            for (String operation : fields[3].split(",")) {
                granted.add(String.join(" ", fields[0], fields[1], fields[2], operation.toUpperCase(Locale.ROOT)));
            }
        }
        Set<String> expected = new HashSet<>();
        KafkaAccess.SERVICES.forEach(service -> service.bindings().forEach(binding -> expected.add(String.join(" ",
                service.user(), binding.pattern().resourceType().name().toLowerCase(Locale.ROOT),
                binding.pattern().name(), binding.entry().operation().name()))));
        assertThat(granted).isEqualTo(expected);
        assertThat(script).contains("--resource-pattern-type literal", "SCRAM-SHA-512=[iterations=8192,password=")
                .contains(KafkaAccess.SERVICES.stream().map(s -> s.user() + ")").toArray(String[]::new));
    }

    @Test
    void mongoNeedsAKeyFileAndALoginAndEachServiceLogsInToItsOwnDatabaseOnly() {
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat(ComposeFile.list(services.get(member).get("command"))).contains("--keyFile", "--replSet");
            assertThat(environment(member)).containsEntry("MONGO_INITDB_ROOT_PASSWORD",
                    "${MONGO_ROOT_PASSWORD:?set MONGO_ROOT_PASSWORD}");
        }
        String init = ComposeFile.read("infra/mongo/init-replica-set.js");
        for (String name : APP_SERVICES) {
            String database = DATABASES.get(name);
            assertThat(environment(name).get("MONGODB_URI").toString()).as(name)
                    .startsWith("mongodb://" + name + ":${MONGO_")
                    .contains("/" + database + "?replicaSet=rs0&authSource=" + database);
            assertThat(init).contains("{user: '" + name + "', db: '" + database + "'");
        }
        assertThat(init).contains("[{role: 'readWrite', db: service.db}]").doesNotContain("readWriteAnyDatabase", "root'");
    }

    @Test
    void mailpitIsCurrentAndUnpublished() {
        String image = (String) services.get("mailpit").get("image");
        String[] version = image.substring(image.indexOf(":v") + 2).split("\\.");
        assertThat(Integer.parseInt(version[0]) * 1000 + Integer.parseInt(version[1]))
                .as("v1.34.0 fixes GHSA-v887-64wg-qqc9; v1.27.0 predates several published fixes")
                .isGreaterThanOrEqualTo(1034);
        assertThat(services.get("mailpit").get("ports")).isNull();
    }

    @Test
    void keycloakImportsTheRealmFromInfraAndGetsItsPlaceholdersFromTheEnvironment() {
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat(ComposeFile.list(keycloak.get("command"))).contains("--import-realm");
        assertThat(ComposeFile.list(keycloak.get("volumes")))
                .contains("./infra/keycloak/zhonglou-realm.json:/opt/keycloak/data/import/zhonglou-realm.json:ro");
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(ComposeFile.read("infra/keycloak/zhonglou-realm.json"));
        while (placeholder.find()) {
            assertThat(environment("keycloak")).as("realm placeholder " + placeholder.group(1))
                    .containsKey(placeholder.group(1));
        }
        assertThat(at(environment("keycloak"), "KC_PROXY_HEADERS")).isEqualTo("xforwarded");
    }

    private static Map<String, Object> environment(String service) {
        return ComposeFile.environment(services, service);
    }
}
