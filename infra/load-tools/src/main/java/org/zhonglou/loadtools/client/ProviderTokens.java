package org.zhonglou.loadtools.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.zhonglou.httpclient.Json;

/**
 * Tokens for any subject and role from the local identity provider, as {@code ./run.sh token} gets them
 * (its {@code dev-tokens} client, LOCAL ONLY), without starting a JVM per token.
 */
public final class ProviderTokens {

    private static final String DEV_SECRET = "dev-only-dev-tokens-client-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final String secret;

    public ProviderTokens(String issuer, String secret) {
        this.issuer = issuer.replaceAll("/+$", "");
        this.secret = secret == null || secret.isBlank() ? DEV_SECRET : secret;
    }

    /** Issuer from {@code JWT_ISSUER_URI} (default the local provider), secret from {@code DEV_TOKENS_CLIENT_SECRET}. */
    static ProviderTokens fromEnvironment() {
        return new ProviderTokens(System.getenv().getOrDefault("JWT_ISSUER_URI", "http://localhost:9000"),
                System.getenv("DEV_TOKENS_CLIENT_SECRET"));
    }

    public String token(String subject, String role) {
        // Form-encoded before base64, as RFC 6749 (2.3.1) asks and the provider decodes: a secret may hold '+'.
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode("dev-tokens", StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&role=" + URLEncoder.encode(role, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the identity provider at " + issuer + " answered HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.read(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider at " + issuer + " is not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
