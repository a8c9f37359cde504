package org.zhonglou.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token issuer for tests, one per test JVM: OIDC discovery and a JWKS over HTTP on a free loopback
 * port, so the services validate test tokens by issuer URI exactly as they validate the provider's
 * (no test-only decoder). Its key is made here and never leaves the JVM.
 */
public final class TestIssuer {

    public static final String NOTIFICATION_CLIENT = "notification-service";
    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    private static final TestIssuer SHARED = start();

    private final RSAKey key;
    private final String url;

    private TestIssuer(RSAKey key, String url) {
        this.key = key;
        this.url = url;
    }

    public static TestIssuer shared() {
        return SHARED;
    }

    /** The {@code iss} of its tokens and the services' {@code JWT_ISSUER_URI}. */
    public String url() {
        return url;
    }

    RSAKey key() {
        return key;
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static TestIssuer start() {
        RSAKey key = newKey();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String discovery = "{\"issuer\":\"" + url + "\",\"jwks_uri\":\"" + url + "/jwks\","
                    + "\"token_endpoint\":\"" + url + "/token\",\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, discovery));
            server.createContext("/jwks", exchange -> json(exchange, jwks));
            server.createContext("/oauth2/token", TestIssuer::clientCredentials);
            server.setExecutor(null);
            server.start();
            return new TestIssuer(key, url);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test issuer", e);
        }
    }

    /**
     * The client-credentials grant for the notification service's client, as the provider answers it: a
     * SERVICE token for the client's id, 401 for another secret.
     */
    private static void clientCredentials(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String expected = NOTIFICATION_CLIENT + ":" + TestKeys.variables().get("NOTIFICATION_CLIENT_SECRET");
        if (!expected.equals(basicCredentials(exchange.getRequestHeaders().getFirst("Authorization")))
                || !form.contains("grant_type=client_credentials")) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        TOKENS_ISSUED.incrementAndGet();
        json(exchange, 200, "{\"access_token\":\"" + TestTokens.token(NOTIFICATION_CLIENT, "SERVICE")
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    /** {@code id:secret}, each form-decoded as RFC 6749 (2.3.1) has clients encode them. */
    private static String basicCredentials(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String[] pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        return pair.length < 2 ? null : URLDecoder.decode(pair[0], StandardCharsets.UTF_8) + ":"
                + URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
    }

    /** How many client-credentials tokens it has issued in this JVM. */
    public static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        json(exchange, 200, body);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
