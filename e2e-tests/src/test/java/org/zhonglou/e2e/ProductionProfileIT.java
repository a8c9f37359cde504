package org.zhonglou.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhonglou.httpclient.Http;
import org.zhonglou.httpclient.Reply;
import org.zhonglou.kafkaaccess.KafkaAccess;
import org.zhonglou.kafkaaccess.KafkaCredentials;
import org.zhonglou.kafkaaccess.SecuredBroker;
import org.zhonglou.loadtools.client.Endpoints;
import org.zhonglou.loadtools.client.ProviderTokens;
import org.zhonglou.loadtools.client.RegistrationApi;

/**
 * The sign-up e-mail with the services as deployed: registration and notification started without the
 * local profile, with real (random, non-dev) secrets, against an identity provider that knows those
 * secrets. Notification gets its token by client credentials and asks registration's internal port; no
 * process holds a dev value. The running stack lends its broker, store and mail sink; the two services
 * use their own databases and notification its own consumer groups, so the stack's own instances stay
 * out of the way.
 */
class ProductionProfileIT {

    private final E2eStack stack = E2eStack.get();

    @Test
    void aParentsSignUpIsMailedThroughTheClientCredentialsToken() throws Exception {
        Path root = stack.stack.root();
        String clientSecret = secret();
        String devTokensSecret = secret();
        int providerPort = ProductionProcesses.freePort();
        int registrationPort = ProductionProcesses.freePort();
        int internalPort = ProductionProcesses.freePort();
        int notificationPort = ProductionProcesses.freePort();
        String issuer = "http://localhost:" + providerPort;
        String tag = E2eStack.unique("prod");

        try (ProductionProcesses processes = new ProductionProcesses(root)) {
            processes.start("identity-provider", "infra/identity-provider/target/identity-provider.jar", providerPort,
                    Map.of("SERVER_PORT", String.valueOf(providerPort), "IDP_ISSUER", issuer,
                            "DATA_DIR", Files.createTempDirectory("prod-idp").toString(),
                            "NOTIFICATION_CLIENT_SECRET", clientSecret, "DEV_TOKENS_CLIENT_SECRET", devTokensSecret));

            Map<String, String> common = Map.of("SPRING_PROFILES_ACTIVE", "production", "JWT_ISSUER_URI", issuer,
                    "KAFKA_BROKERS", stack.endpoints.kafkaBrokers(), "KAFKA_SECURITY_PROTOCOL", SecuredBroker.LISTENER,
                    "KAFKA_SASL_MECHANISM", KafkaCredentials.MECHANISM);
            KafkaCredentials kafka = KafkaCredentials.load(KafkaCredentials.file(stack.stack.dataDir()));
            Map<String, String> registration = new HashMap<>(common);
            registration.putAll(Map.of("KAFKA_USERNAME", KafkaAccess.REGISTRATION.user(),
                    "KAFKA_PASSWORD", kafka.password(KafkaAccess.REGISTRATION.user())));
            registration.putAll(Map.of("SERVER_PORT", String.valueOf(registrationPort),
                    "INTERNAL_PORT", String.valueOf(internalPort),
                    "MONGODB_URI", "mongodb://localhost:27017/registration_" + tag.replace('-', '_'),
                    "PII_ENCRYPTION_KEY", secret(), "PII_HASH_KEY", secret()));
            processes.start("registration-service", "services/registration-service/target/registration-service.jar",
                    registrationPort, registration);

            Map<String, String> notification = new HashMap<>(common);
            // As the broker's admin: the ACLs give the notification user only its own consumer groups, and
            // this instance must use others (below). What is under test here is identity, not the ACLs.
            notification.putAll(Map.of("KAFKA_USERNAME", KafkaAccess.ADMIN,
                    "KAFKA_PASSWORD", kafka.password(KafkaAccess.ADMIN)));
            notification.putAll(Map.of("SERVER_PORT", String.valueOf(notificationPort),
                    "MONGODB_URI", "mongodb://localhost:27017/notification_" + tag.replace('-', '_'),
                    "NOTIFICATION_SECRET_KEY", secret(), "NOTIFICATION_CLIENT_SECRET", clientSecret,
                    "REGISTRATION_INTERNAL_URL", "http://localhost:" + internalPort,
                    "SMTP_HOST", "localhost", "SMTP_PORT", "1025",
                    // Its own groups: the stack's notification instance must not take these sign-up events.
                    "SPRING_APPLICATION_JSON", "{\"spring.cloud.stream.bindings.enrollmentEvents-in-0.group\":\""
                            + tag + "\",\"spring.cloud.stream.bindings.alertEvents-in-0.group\":\"" + tag + "\"}"));
            processes.start("notification-service", "services/notification-service/target/notification-service.jar",
                    notificationPort, notification);

            ProviderTokens tokens = new ProviderTokens(issuer, devTokensSecret);
            Endpoints endpoints = new Endpoints("http://localhost:" + registrationPort, stack.endpoints.station(),
                    "http://localhost:" + notificationPort, stack.endpoints.mailSink(), stack.endpoints.kafkaBrokers());
            RegistrationApi api = new RegistrationApi(stack.http, endpoints, tokens.token(tag + "-staff", "STAFF"));
            String programme = api.createProgramme("Production-profile class " + tag, 5, 5);
            String email = tag + "@example.test";
            Reply signUp = api.enrol(programme, tokens.token(tag + "-parent", "PARENT"), tag + "-key",
                    RegistrationApi.enrollment("王小明", "王芳", email, 1)).join();
            assertThat(signUp.status()).as(signUp.body()).isEqualTo(201);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(stack.mails()).anySatisfy(mail -> assertThat(mail.to()).contains(email)));
            // The internal port is not the public one: the contact look-up is refused there.
            assertThat(stack.http.post("http://localhost:" + registrationPort + "/internal/enrollments/contacts",
                    Http.bearer(tokens.token(tag + "-service", "SERVICE")), Map.of("enrollmentIds", java.util.List.of()))
                    .status()).isEqualTo(404);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
