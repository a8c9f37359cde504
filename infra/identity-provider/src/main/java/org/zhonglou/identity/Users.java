package org.zhonglou.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The dev users for browser logins. LOCAL ONLY: their password is published (README, "Identity"). */
@Configuration(proxyBeanMethods = false)
class Users {

    @Bean
    UserDetailsService devUsers(PasswordEncoder encoder) {
        String password = encoder.encode("dev");
        return new InMemoryUserDetailsManager(
                User.withUsername("staff").password(password).roles("STAFF").build(),
                User.withUsername("parent").password(password).roles("PARENT").build());
    }
}
