package org.zhonglou.registration.privacy;

import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PiiProperties.class)
class PiiConfiguration {

    @Bean
    PiiCipher piiCipher(PiiProperties properties, Environment environment) {
        return new PiiCipher(PiiKeys.decode("PII_ENCRYPTION_KEY", properties.encryptionKey(), production(environment)));
    }

    @Bean
    PiiHasher piiHasher(PiiProperties properties, Environment environment) {
        return new PiiHasher(PiiKeys.decode("PII_HASH_KEY", properties.hashKey(), production(environment)));
    }

    private static boolean production(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("production"))
                || Arrays.asList(environment.getActiveProfiles()).contains("prod");
    }
}
