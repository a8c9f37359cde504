package org.zhonglou.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The back channel to the identity provider: its discovery document and the code-for-token exchange.
 * The access token comes straight from the provider's token endpoint over this channel, so its claims are
 * read without checking the signature here; every API checks it in full on each call anyway.
 */
final class IdentityProvider {

    record Endpoints(URI authorization, URI token, URI endSession) {
    }

    record Tokens(String accessToken, String idToken, long expiresInSeconds, String subject, String name,
                  List<String> roles) {
    }

    static final class LoginFailed extends Exception {
        LoginFailed(String message) {
            super(message);
        }
    }

    private final ConsoleSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Endpoints endpoints;

    IdentityProvider(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** Fetched on first use, so the console starts even while the provider is still coming up. */
    Endpoints endpoints() throws LoginFailed {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        String base = settings.issuer().toString().replaceAll("/$", "");
        JsonNode discovery = call(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        JsonNode endSession = discovery.get("end_session_endpoint");
        endpoints = new Endpoints(URI.create(discovery.required("authorization_endpoint").asString()),
                URI.create(discovery.required("token_endpoint").asString()),
                endSession == null ? null : URI.create(endSession.asString()));
        return endpoints;
    }

    Tokens exchange(String code, String verifier) throws LoginFailed {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri().toString());
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints().token()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (settings.clientSecret().isEmpty()) {
            form.put("client_id", settings.clientId());
        } else {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(settings.clientId()) + ":" + encode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode answer = call(request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build());
        String accessToken = answer.required("access_token").asString();
        JsonNode claims = claims(accessToken);
        List<String> roles = new ArrayList<>();
        JsonNode roleClaim = claims.get("roles");
        if (roleClaim != null && roleClaim.isArray()) {
            roleClaim.forEach(role -> roles.add(role.asString()));
        }
        String subject = claims.path("sub").asString("");
        String name = claims.hasNonNull("name") ? claims.get("name").asString()
                : claims.hasNonNull("preferred_username") ? claims.get("preferred_username").asString() : subject;
        JsonNode idToken = answer.get("id_token");
        return new Tokens(accessToken, idToken == null ? null : idToken.asString(),
                answer.path("expires_in").asLong(300), subject, name, List.copyOf(roles));
    }

    /** The payload of a JWT as JSON; the caller got it from the token endpoint itself. */
    static JsonNode claims(String jwt) throws LoginFailed {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new LoginFailed("the access token is not a JWT");
        }
        try {
            return Exchanges.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException e) {
            throw new LoginFailed("the access token's claims cannot be read");
        }
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode call(HttpRequest request) throws LoginFailed {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new LoginFailed("the identity provider answered " + response.statusCode() + " at " + request.uri().getPath());
            }
            return Exchanges.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LoginFailed("the identity provider cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailed("interrupted");
        } catch (RuntimeException e) {
            throw new LoginFailed("the identity provider's answer cannot be read");
        }
    }
}
