package org.zhonglou.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ServiceJar;
import org.zhonglou.testsupport.TestKeys;

/** The real jar, started as {@code java -jar} without the local profile: the published key never runs. */
class DevKeyRefusedIT {

    private static ServiceJar.Exit start(Map<String, String> env) throws Exception {
        return ServiceJar.startAlone("notification-service", env);
    }

    @Test
    void withoutTheKeyItExitsNamingTheVariable() throws Exception {
        ServiceJar.Exit exit = start(Map.of());

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("NOTIFICATION_SECRET_KEY is not set", "NOTIFICATION_CLIENT_SECRET is not set",
                "APPLICATION FAILED TO START").doesNotContain("\tat org.springframework");
    }

    @Test
    void thePublishedDevClientSecretIsRefusedWithoutTheLocalProfile() throws Exception {
        ServiceJar.Exit exit = start(Map.of("NOTIFICATION_SECRET_KEY", TestKeys.random(),
                "NOTIFICATION_CLIENT_SECRET", "dev-only-notification-client-secret"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("NOTIFICATION_CLIENT_SECRET is the published dev-only value")
                .doesNotContain("NOTIFICATION_SECRET_KEY is");
    }

    @Test
    void thePublishedDevKeyIsRefusedInProduction() throws Exception {
        ServiceJar.Exit exit = start(Map.of("NOTIFICATION_SECRET_KEY", "ZGV2LW9ubHktbm90aWZpY2F0aW9uLWtleS0zMmJ5dGU=",
                "SPRING_PROFILES_ACTIVE", "production"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("NOTIFICATION_SECRET_KEY is the published dev-only value");
    }
}
