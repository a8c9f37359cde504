package org.zhonglou.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the provider issues and to whom.
 *
 * @param issuer             the {@code iss} of every token and the base of discovery
 * @param audiences          the {@code aud} of every access token: all three services
 * @param dataDir            where the signing key lives (the stack's DATA_DIR)
 * @param notificationSecret the notification service's client secret (client credentials, role SERVICE)
 * @param devTokensSecret    the secret of the dev token client behind {@code ./run.sh token}
 * @param consoleRedirectUris where the browser client (the staff console) may be sent back to
 * @param accessTokenTtl     validity of service and browser tokens
 * @param devTokenTtl        validity of dev tokens (a working day, like the first round's)
 */
@ConfigurationProperties("identity")
public record ProviderProperties(String issuer, List<String> audiences, Path dataDir, String notificationSecret,
                                 String devTokensSecret, List<String> consoleRedirectUris, Duration accessTokenTtl,
                                 Duration devTokenTtl) {
}
