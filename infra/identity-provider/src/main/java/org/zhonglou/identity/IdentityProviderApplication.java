package org.zhonglou.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OAuth2/OIDC provider (Spring Authorization Server). LOCAL ONLY: its users, client
 * secrets and dev token client are published in this repository; production uses the city's provider
 * (Keycloak in docker-compose.yml) with the same token shape.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
