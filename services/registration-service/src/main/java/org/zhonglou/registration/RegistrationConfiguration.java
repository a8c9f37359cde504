package org.zhonglou.registration;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.zhonglou.registration.programme.ProgrammeFields;
import org.zhonglou.support.outbox.OutboxCollections;
import org.zhonglou.support.security.ApiSecurityCustomizer;
import org.zhonglou.support.security.Reads;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationProperties.class)
class RegistrationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Enrollment events ride in the programme document whose ledger they describe. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(ProgrammeFields.COLLECTION);
    }

    /**
     * Reading programmes is public; who may do what else is decided per path and role here (reads
     * include HEAD and OPTIONS); anything not named is denied by the shared rules.
     */
    @Bean
    ApiSecurityCustomizer registrationAccessRules() {
        return http -> http.authorizeHttpRequests(rules -> rules
                .requestMatchers(Reads.of("/api/programmes", "/api/programmes/*")).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/programmes").hasRole("STAFF")
                .requestMatchers(Reads.of("/api/programmes/*/roster")).hasRole("STAFF")
                .requestMatchers(HttpMethod.POST, "/api/programmes/*/enrollments").hasRole("PARENT")
                .requestMatchers(Reads.of("/api/enrollments")).hasRole("PARENT")
                .requestMatchers(Reads.of("/api/enrollments/*/contact")).hasRole("STAFF")
                .requestMatchers("/api/enrollments/**").hasAnyRole("PARENT", "STAFF")
                .requestMatchers("/api/admin/**").hasRole("STAFF"));
    }
}
