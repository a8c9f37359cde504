package org.zhonglou.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens for any subject and role from the local identity provider: the client-credentials grant of its
 * {@code dev-tokens} client, with {@code subject} and {@code role} form parameters that only the local
 * provider honours. The client's secret is published (LOCAL ONLY); {@code DEV_TOKENS_CLIENT_SECRET}
 * overrides it for a provider started with another.
 */
final class DevTokens {

    static final Set<String> ROLES = Set.of("PARENT", "STAFF", "SERVICE");
    static final String CLIENT_ID = "dev-tokens";
    static final String DEV_SECRET = "dev-only-dev-tokens-client-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final String secret;

    DevTokens(String issuer, Map<String, String> env) {
        this.issuer = issuer;
        this.secret = env.getOrDefault("DEV_TOKENS_CLIENT_SECRET", DEV_SECRET);
    }

    String token(String subject, String role) throws IOException, InterruptedException {
        // Form-encoded before base64, as RFC 6749 (2.3.1) asks and the provider decodes: a secret may hold '+'.
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&role=" + URLEncoder.encode(role, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("the identity provider at " + issuer + " is not running: ./run.sh start", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the identity provider answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).path("access_token");
        if (!token.isTextual()) {
            throw new IOException("the identity provider's answer has no access_token");
        }
        return token.asText();
    }
}
