package org.zhonglou.notification.subscription;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.zhonglou.notification.config.NotificationProperties;
import org.zhonglou.support.keys.RekeyJob;

@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    TargetGuard targetGuard(NotificationProperties properties) {
        return TargetGuard.system(properties.webhooks().allowInsecureTargets());
    }

    /** Signing secrets under an older NOTIFICATION_SECRET_KEY move to the current one (service-support runs it). */
    @Bean
    RekeyJob signingSecretRekeying(SecretCipher cipher, MongoTemplate mongo, Clock clock) {
        return new RekeyJob("subscriptions", Subscription.COLLECTION, List.of(cipher.keys()),
                new SecretRekeying(cipher, mongo)::rekey, mongo, clock);
    }
}
