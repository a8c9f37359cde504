package org.zhonglou.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An identity provider on a real local port, standing in for the outside system: discovery and a token
 * endpoint that checks the PKCE verifier against the challenge of the authorization request, as a real one does.
 */
final class FakeProvider implements AutoCloseable {

    private final HttpServer server;
    /** code to [challenge, roles] as the authorize step would have recorded them. */
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            String base = base();
            byte[] body = ("{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/oauth2/authorize\","
                    + "\"token_endpoint\":\"" + base + "/oauth2/token\",\"end_session_endpoint\":\"" + base + "/connect/logout\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/oauth2/token", exchange -> {
            Map<String, String> form = Query.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] issued = codes.remove(form.getOrDefault("code", ""));
            boolean ok = issued != null && "authorization_code".equals(form.get("grant_type"))
                    && LoginFlow.challenge(form.getOrDefault("code_verifier", "")).equals(issued[0]);
            byte[] body = ok ? ("{\"access_token\":\"" + jwt(issued[1]) + "\",\"id_token\":\"id-token-1\","
                    + "\"token_type\":\"Bearer\",\"expires_in\":600}").getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the provider's login page does: the user signed in, a code for this challenge. */
    String authorize(String challenge, String role) {
        String code = "code-" + codes.size() + "-" + role;
        codes.put(code, new String[] {challenge, role});
        return code;
    }

    static String jwt(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"" + role.toLowerCase() + "-1\",\"roles\":" + (role.isEmpty() ? "[]" : List.of("\"" + role + "\""))
                + ",\"aud\":[\"registration\",\"station-monitoring\",\"notification\"]}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
