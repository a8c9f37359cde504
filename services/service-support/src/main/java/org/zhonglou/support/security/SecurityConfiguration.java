package org.zhonglou.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Stateless bearer-token security shared by every service; roles come from the {@code roles} claim. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtProperties properties) {
        return TokenValidation.decoder(properties);
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
        return new ProblemSecurityHandlers(jsonMapper);
    }

    /**
     * The firewall's refusals (such as an encoded CR or LF in the path) as problem+json 400; by
     * default they fell through to the container's error page as plain JSON (found by RegistrationFuzzIT).
     * Spring Security picks this bean up for its filter chain proxy.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemSecurityHandlers handlers) {
        return handlers.requestRejectedHandler();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtAuthenticationConverter converter,
            ProblemSecurityHandlers handlers, ObjectProvider<ApiSecurityCustomizer> customizers) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler()))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(handlers.entryPoint())
                        .accessDeniedHandler(handlers.accessDeniedHandler()));
        for (ApiSecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        // Deny by default: what no rule names is refused (401 without a token, else 403), so a new
        // endpoint is closed until a service's rules open it to a role.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(Reads.of("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
                .requestMatchers(Reads.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"))
                .permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/internal/**").hasRole("SERVICE")
                .anyRequest().denyAll());
        return http.build();
    }

}
