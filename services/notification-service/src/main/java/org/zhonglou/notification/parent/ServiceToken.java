package org.zhonglou.notification.parent;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The notification service's own SERVICE token for calls to registration: the OAuth2 client-credentials
 * grant at the identity provider (client {@code NOTIFICATION_CLIENT_ID}). The authorized-client manager
 * keeps the token and asks for a new one shortly before it expires; the service holds no signing key.
 */
@Component
class ServiceToken {

    static final String REGISTRATION_ID = "service";
    private static final String PRINCIPAL = "notification-service";

    private final OAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizedClientService clients;

    ServiceToken(OAuth2AuthorizedClientManager serviceTokenManager, OAuth2AuthorizedClientService clients) {
        this.manager = serviceTokenManager;
        this.clients = clients;
    }

    String current() {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                    .principal(PRINCIPAL).build());
        } catch (OAuth2AuthorizationException | org.springframework.web.client.RestClientException e) {
            throw new ContactUnavailableException("no service token from the identity provider: "
                    + e.getClass().getSimpleName(), e);
        }
        if (client == null) {
            throw new ContactUnavailableException("no service token from the identity provider", null);
        }
        return client.getAccessToken().getTokenValue();
    }

    /** A token the receiver refused (the provider rotated its key, say): the next call asks for a new one. */
    void forget() {
        clients.removeAuthorizedClient(REGISTRATION_ID, PRINCIPAL);
    }
}
