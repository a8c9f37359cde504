package org.zhonglou.support.keys;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhonglou.support.security.ApiSecurityCustomizer;

/** Present in a service that declares at least one {@link RekeyJob} bean. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(RekeyJob.class)
public class KeyRotationConfiguration {

    @Bean(destroyMethod = "shutdown")
    KeyRotation keyRotation(List<RekeyJob> jobs) {
        return new KeyRotation(jobs);
    }

    @Bean
    KeyRotationController keyRotationController(KeyRotation rotation) {
        return new KeyRotationController(rotation);
    }

    /** Whatever else a service's own rules say about {@code /api/admin/**}: this one is for staff. */
    @Bean
    ApiSecurityCustomizer keyRotationForStaff() {
        return http -> http.authorizeHttpRequests(rules -> rules
                .requestMatchers(KeyRotationController.PATH).hasRole("STAFF"));
    }
}
