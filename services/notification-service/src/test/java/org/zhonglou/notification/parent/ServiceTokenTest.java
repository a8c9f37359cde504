package org.zhonglou.notification.parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The manager as configured, against a token endpoint that counts its grants. */
class ServiceTokenTest {

    private final AtomicInteger grants = new AtomicInteger();
    private volatile int expiresIn = 600;
    private volatile int status = 200;
    private final HttpServer provider = start();

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void oneGrantServesManyCallsUntilTheTokenIsForgotten() {
        ServiceToken token = serviceToken();

        String first = token.current();
        assertThat(token.current()).isEqualTo(first);
        assertThat(grants).hasValue(1);

        token.forget();
        assertThat(token.current()).isNotEqualTo(first);
        assertThat(grants).hasValue(2);
    }

    @Test
    void aTokenAboutToExpireIsRenewed() {
        expiresIn = 30;
        ServiceToken token = serviceToken();

        String first = token.current();

        assertThat(token.current()).isNotEqualTo(first);
        assertThat(grants).hasValue(2);
    }

    @Test
    void aRefusedGrantIsAContactLookUpThatCannotBeMadeNow() {
        status = 401;

        assertThatThrownBy(() -> serviceToken().current()).isInstanceOf(ContactUnavailableException.class)
                .hasMessageContaining("identity provider");
    }

    private ServiceToken serviceToken() {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceToken.REGISTRATION_ID)
                .clientId("notification-service").clientSecret("s3cret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri("http://127.0.0.1:" + provider.getAddress().getPort() + "/oauth2/token").build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        OAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        return new ServiceToken(new ServiceTokenConfiguration().serviceTokenManager(registrations, clients), clients);
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/token", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String body = status == 200
                        ? "{\"access_token\":\"token-" + grants.incrementAndGet() + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":" + expiresIn + "}"
                        : "{\"error\":\"invalid_client\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
