package org.zhonglou.identity;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients: the notification service (client credentials, role SERVICE), the dev token
 * client behind {@code ./run.sh token}, and the staff console (browser login, authorization code with PKCE).
 */
@Configuration(proxyBeanMethods = false)
class Clients {

    static final String NOTIFICATION = "notification-service";
    static final String DEV_TOKENS = "dev-tokens";
    static final String CONSOLE = "console";
    /** Client setting holding the roles a client-credentials token of that client carries. */
    static final String ROLES_SETTING = "zhonglou.roles";

    @Bean
    RegisteredClientRepository registeredClients(ProviderProperties properties, PasswordEncoder encoder) {
        RegisteredClient notification = confidential(NOTIFICATION, encoder.encode(properties.notificationSecret()))
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.of("SERVICE")).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
        RegisteredClient devTokens = confidential(DEV_TOKENS, encoder.encode(properties.devTokensSecret()))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.devTokenTtl()).build())
                .build();
        RegisteredClient console = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CONSOLE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.consoleRedirectUris()))
                // Logging out of the console ends the provider's session too, then returns to the console's page.
                .postLogoutRedirectUris(uris -> properties.consoleRedirectUris()
                        .forEach(uri -> uris.add(URI.create(uri).resolve("/").toString())))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
                .build();
        return new InMemoryRegisteredClientRepository(notification, devTokens, console);
    }

    private static RegisteredClient.Builder confidential(String clientId, String secretHash) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
    }
}
