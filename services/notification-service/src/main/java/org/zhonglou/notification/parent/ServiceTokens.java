package org.zhonglou.notification.parent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.zhonglou.devidentity.DevKeys;
import org.zhonglou.devidentity.JwtMinter;
import org.zhonglou.notification.config.NotificationProperties;

/**
 * The bearer token for calls to other services. Locally the service mints its own short-lived
 * SERVICE-role token with the dev key (loaded on first use, so the service starts before the key
 * exists). In production this would be an OAuth2 client-credentials token from the city's identity
 * provider; that is not implemented here.
 */
@Component
class ServiceTokens {

    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final NotificationProperties.ServiceToken config;
    private JwtMinter minter;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    ServiceTokens(NotificationProperties properties) {
        this.config = properties.serviceToken();
    }

    /** Real time, not the injectable clock: the receiver checks {@code exp} against its own. */
    synchronized String current() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
            token = minter().mint("notification-service", List.of("SERVICE"), "notification-service", VALIDITY);
            expiresAt = now.plus(VALIDITY);
        }
        return token;
    }

    private JwtMinter minter() {
        if (minter == null) {
            try {
                minter = new JwtMinter(DevKeys.readPrivateKey(config.signingKeyLocation().getFile().toPath()));
            } catch (IOException | RuntimeException e) {
                throw new ContactUnavailableException("no service token signing key at "
                        + config.signingKeyLocation(), e);
            }
        }
        return minter;
    }
}
