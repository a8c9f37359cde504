package org.zhonglou.console;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything environment-specific, from environment variables with the local stack's values as defaults.
 *
 * @param redirectUri     where the identity provider sends the browser back; the local provider refuses
 *                        {@code localhost} in redirect URIs (OAuth 2.1), hence 127.0.0.1 while the console is
 *                        opened at localhost, see {@link LoginFlow}
 * @param origins         the origins the console is opened at; a login returns only to one of these
 * @param clientSecret    empty for the local provider's public client (PKCE alone); Keycloak's confidential one
 * @param secureCookies   true behind TLS (compose), so cookies never travel in clear
 */
record ConsoleSettings(int port, URI issuer, String clientId, String clientSecret, URI redirectUri,
                       List<String> origins, Map<String, URI> apis, boolean secureCookies, Duration loginTimeout) {

    static ConsoleSettings fromEnvironment(Map<String, String> env) {
        return new ConsoleSettings(
                Integer.parseInt(env.getOrDefault("SERVER_PORT", "8080")),
                URI.create(env.getOrDefault("CONSOLE_ISSUER_URI", "http://localhost:9000")),
                env.getOrDefault("CONSOLE_CLIENT_ID", "console"),
                env.getOrDefault("CONSOLE_CLIENT_SECRET", ""),
                URI.create(env.getOrDefault("CONSOLE_REDIRECT_URI", "http://127.0.0.1:8080/login/oauth2/code/console")),
                Arrays.stream(env.getOrDefault("CONSOLE_ORIGINS", "http://localhost:8080,http://127.0.0.1:8080").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Map.of("registration", URI.create(env.getOrDefault("REGISTRATION_URL", "http://localhost:8081")),
                        "station", URI.create(env.getOrDefault("STATION_MONITORING_URL", "http://localhost:8082")),
                        "notification", URI.create(env.getOrDefault("NOTIFICATION_URL", "http://localhost:8083"))),
                Boolean.parseBoolean(env.getOrDefault("CONSOLE_SECURE_COOKIES", "false")),
                Duration.ofMinutes(10));
    }

    /** The origin a request came to, if it is one of ours (the Host header alone is not trusted). */
    String originOf(String host) {
        return origins.stream().filter(o -> URI.create(o).getAuthority().equalsIgnoreCase(host == null ? "" : host))
                .findFirst().orElse(origins.get(0));
    }
}
