package org.zhonglou.notification.subscription;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.notification.config.NotificationProperties;

@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    TargetGuard targetGuard(NotificationProperties properties) {
        return TargetGuard.system(properties.webhooks().allowInsecureTargets());
    }
}
