package org.zhonglou.registration.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.support.keys.KeyRing;

/** The published dev keys are refused outside the local profile by service-support's DevOnlyGuard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PiiProperties.class)
class PiiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiConfiguration.class);

    @Bean
    PiiCipher piiCipher(PiiProperties properties) {
        KeyRing keys = KeyRing.of("PII_ENCRYPTION_KEY", properties.encryptionKey(),
                "PII_ENCRYPTION_OLD_KEYS", properties.encryptionOldKeys());
        log.info("Personal data encryption: {}", keys.describe());
        return new PiiCipher(keys);
    }

    @Bean
    PiiHasher piiHasher(PiiProperties properties) {
        KeyRing keys = KeyRing.of("PII_HASH_KEY", properties.hashKey(), "PII_HASH_OLD_KEYS", properties.hashOldKeys());
        log.info("Personal data hashing: {}", keys.describe());
        return new PiiHasher(keys);
    }
}
