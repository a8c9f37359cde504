package org.zhonglou.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhonglou.testsupport.ServiceJar;
import org.zhonglou.testsupport.TestKeys;

/** The real jar, started as {@code java -jar} without the local profile: the published keys never run. */
class DevKeysRefusedIT {

    private static final String DEV_HASH_KEY = "ZGV2LW9ubHktcGlpLWhtYWMta2V5LW5vdC1wcm9kISE=";

    private static ServiceJar.Exit start(Map<String, String> env) throws Exception {
        return ServiceJar.startAlone("registration-service", env);
    }

    @Test
    void withoutKeysAndWithoutTheLocalProfileItExitsNamingBothVariables() throws Exception {
        ServiceJar.Exit exit = start(Map.of());

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("PII_ENCRYPTION_KEY is not set", "PII_HASH_KEY is not set",
                "APPLICATION FAILED TO START").doesNotContain("\tat org.springframework");
    }

    @Test
    void thePublishedDevKeyIsRefusedEvenWhenSetExplicitlyAndInProduction() throws Exception {
        ServiceJar.Exit exit = start(Map.of("PII_ENCRYPTION_KEY", TestKeys.random(), "PII_HASH_KEY", DEV_HASH_KEY,
                "SPRING_PROFILES_ACTIVE", "production"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("PII_HASH_KEY is the published dev-only value")
                .doesNotContain("PII_ENCRYPTION_KEY is");
    }
}
