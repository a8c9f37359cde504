package org.zhonglou.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Authorization code with PKCE, run by this backend (a confidential place), never by the page.
 * <p>
 * The provider sends the browser back to {@link ConsoleSettings#redirectUri()} (127.0.0.1 locally), which may
 * be another host than the one the console was opened at (localhost), and cookies are per host. So a login
 * is remembered here by its {@code state}, bound to the browser by a login cookie set where it started; the
 * callback swaps the code for tokens and hands a single-use ticket back to the starting origin, which opens
 * the session only for the browser that holds the matching login cookie.
 */
final class LoginFlow {

    static final String SESSION_COOKIE = "zh_console";
    static final String LOGIN_COOKIE = "zh_console_login";
    static final String REQUIRED_ROLE = "STAFF";
    private static final Logger LOG = Logger.getLogger(LoginFlow.class.getName());
    private static final int MAX_PENDING = 1_000;

    private record Pending(String verifier, String browserBinding, String origin, Instant expiresAt) {
    }

    private record Ticket(Sessions.Session session, String browserBinding, String origin, Instant expiresAt) {
    }

    private final ConsoleSettings settings;
    private final IdentityProvider provider;
    private final Sessions sessions;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    LoginFlow(ConsoleSettings settings, IdentityProvider provider, Sessions sessions, Clock clock) {
        this.settings = settings;
        this.provider = provider;
        this.sessions = sessions;
        this.clock = clock;
    }

    String callbackPath() {
        return settings.redirectUri().getPath();
    }

    /** GET /login: off to the provider with a fresh state and PKCE challenge. */
    void start(HttpExchange exchange) throws IOException {
        IdentityProvider.Endpoints endpoints;
        try {
            endpoints = provider.endpoints();
        } catch (IdentityProvider.LoginFailed e) {
            failed(exchange, settings.originOf(host(exchange)), e.getMessage());
            return;
        }
        Instant now = clock.instant();
        pending.values().removeIf(p -> now.isAfter(p.expiresAt()));
        tickets.values().removeIf(t -> now.isAfter(t.expiresAt()));
        if (pending.size() >= MAX_PENDING) {
            Exchanges.problem(exchange, 429, "Too many logins", "Too many logins are under way; try again in a minute.");
            return;
        }
        String state = Sessions.randomId();
        String verifier = Sessions.randomId();
        String binding = Sessions.randomId();
        pending.put(state, new Pending(verifier, binding, settings.originOf(host(exchange)), now.plus(settings.loginTimeout())));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        Exchanges.setCookie(exchange, LOGIN_COOKIE, binding, "Lax", settings.loginTimeout().toSeconds(), settings.secureCookies());
        Exchanges.redirect(exchange, endpoints.authorization() + "?" + IdentityProvider.formBody(query));
    }

    /** The provider's redirect: code for tokens, STAFF only, then a ticket for the starting origin. */
    void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = Query.parse(exchange.getRequestURI().getRawQuery());
        Pending login = query.get("state") == null ? null : pending.remove(query.get("state"));
        if (login == null || clock.instant().isAfter(login.expiresAt())) {
            failed(exchange, settings.originOf(host(exchange)), "this login is unknown or took too long; start again");
            return;
        }
        if (query.get("code") == null) {
            failed(exchange, login.origin(), "the identity provider refused: " + query.getOrDefault("error", "no code"));
            return;
        }
        IdentityProvider.Tokens tokens;
        try {
            tokens = provider.exchange(query.get("code"), login.verifier());
        } catch (IdentityProvider.LoginFailed e) {
            failed(exchange, login.origin(), e.getMessage());
            return;
        }
        if (!tokens.roles().contains(REQUIRED_ROLE)) {
            // Parents have their own app; the console is for staff only, and no session is opened.
            LOG.info(() -> "console login refused: subject without role STAFF");
            Exchanges.redirect(exchange, login.origin() + "/#/refused");
            return;
        }
        Instant expiresAt = clock.instant().plusSeconds(Math.max(1, tokens.expiresInSeconds() - 5));
        Sessions.Session session = sessions.open(tokens.accessToken(), tokens.idToken(), expiresAt, tokens.subject(),
                tokens.name(), tokens.roles());
        String ticket = Sessions.randomId();
        tickets.put(ticket, new Ticket(session, login.browserBinding(), login.origin(), clock.instant().plusSeconds(60)));
        Exchanges.redirect(exchange, login.origin() + "/auth/complete?ticket=" + ticket);
    }

    /** GET /auth/complete: the session cookie, on the origin the login started from, for that browser only. */
    void complete(HttpExchange exchange) throws IOException {
        String id = Query.parse(exchange.getRequestURI().getRawQuery()).get("ticket");
        Ticket ticket = id == null ? null : tickets.remove(id);
        Optional<String> binding = Exchanges.cookie(exchange, LOGIN_COOKIE);
        String origin = settings.originOf(host(exchange));
        if (ticket == null || clock.instant().isAfter(ticket.expiresAt()) || binding.isEmpty()
                || !MessageDigest.isEqual(binding.get().getBytes(StandardCharsets.US_ASCII),
                        ticket.browserBinding().getBytes(StandardCharsets.US_ASCII))) {
            if (ticket != null) {
                sessions.close(ticket.session().id());
            }
            failed(exchange, origin, "this login did not start in this browser; start again");
            return;
        }
        long seconds = Math.max(1, ticket.session().expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        Exchanges.setCookie(exchange, LOGIN_COOKIE, "", "Lax", 0, settings.secureCookies());
        Exchanges.setCookie(exchange, SESSION_COOKIE, ticket.session().id(), "Strict", seconds, settings.secureCookies());
        Exchanges.redirect(exchange, origin + "/");
    }

    /** POST /logout: the session is forgotten here, and the page is told where to end the provider's. */
    void logout(HttpExchange exchange) throws IOException {
        Optional<Sessions.Session> closed = sessions.close(Exchanges.cookie(exchange, SESSION_COOKIE).orElse(null));
        Exchanges.setCookie(exchange, SESSION_COOKIE, "", "Strict", 0, settings.secureCookies());
        String next = "/";
        try {
            URI endSession = provider.endpoints().endSession();
            if (endSession != null && closed.isPresent() && closed.get().idToken() != null) {
                Map<String, String> query = new LinkedHashMap<>();
                query.put("id_token_hint", closed.get().idToken());
                query.put("client_id", settings.clientId());
                query.put("post_logout_redirect_uri", settings.redirectUri().resolve("/").toString());
                next = endSession + "?" + IdentityProvider.formBody(query);
            }
        } catch (IdentityProvider.LoginFailed e) {
            // The console's own session is gone, which is what matters here; the provider's ends on its own.
            LOG.warning(() -> "logout without the provider's end of session: " + e.getMessage());
        }
        Exchanges.json(exchange, 200, Map.of("next", next));
    }

    /** GET /api/session: who is signed in, for the page (never the token). */
    void whoAmI(HttpExchange exchange, Sessions.Session session) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", session.subject());
        body.put("name", session.name());
        body.put("roles", session.roles());
        body.put("expiresAt", session.expiresAt().toString());
        Exchanges.json(exchange, 200, body);
    }

    private static void failed(HttpExchange exchange, String origin, String why) throws IOException {
        LOG.info(() -> "console login failed: " + why);
        Exchanges.redirect(exchange, origin + "/#/login-failed?reason=" + IdentityProvider.encode(why));
    }

    private static String host(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Host");
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
