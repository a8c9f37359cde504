package org.zhonglou.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's one origin: the page, the login, and the relayed APIs. A JDK server on purpose: the whole
 * process stays far below the 150 MB the console may add to the stack (docs/console.md).
 */
final class ConsoleServer {

    /** Only a same-origin script can send it: a cross-site form or image cannot, and we answer no CORS. */
    static final String CSRF_HEADER = "X-Console";
    private static final Logger LOG = Logger.getLogger(ConsoleServer.class.getName());
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final ConsoleSettings settings;
    private final Sessions sessions;
    private final LoginFlow login;
    private final ApiRelay relay;
    private final StaticFiles files = new StaticFiles();
    private HttpServer server;

    ConsoleServer(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.sessions = new Sessions(clock);
        this.login = new LoginFlow(settings, new IdentityProvider(settings), sessions, clock);
        this.relay = new ApiRelay(settings.apis());
    }

    ConsoleServer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(settings.port()), 64);
        // One thread per open request; event streams hold theirs for as long as they are open.
        server.setExecutor(new ThreadPoolExecutor(2, 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>()));
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            securityHeaders(exchange.getResponseHeaders());
            route(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "console request failed: " + e.getClass().getSimpleName());
            try {
                Exchanges.problem(exchange, 500, "Internal Server Error", "The console failed; try again.");
            } catch (IOException | RuntimeException ignored) {
                // headers already sent: the connection closes below
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/health")) {
            Exchanges.json(exchange, 200, java.util.Map.of("status", "UP"));
        } else if (path.equals("/login") && method.equals("GET")) {
            login.start(exchange);
        } else if (path.equals(login.callbackPath()) && method.equals("GET")) {
            login.callback(exchange);
        } else if (path.equals("/auth/complete") && method.equals("GET")) {
            login.complete(exchange);
        } else if (path.equals("/logout") || path.startsWith("/api/")) {
            api(exchange, path, method);
        } else if (method.equals("GET") || method.equals("HEAD")) {
            files.serve(exchange);
        } else {
            Exchanges.problem(exchange, 405, "Method Not Allowed", method + " is not allowed here.");
        }
    }

    private void api(HttpExchange exchange, String path, String method) throws IOException {
        boolean safe = method.equals("GET") || method.equals("HEAD");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!safe && (exchange.getRequestHeaders().getFirst(CSRF_HEADER) == null
                || (origin != null && !settings.origins().contains(origin)))) {
            Exchanges.problem(exchange, 403, "Forbidden", "Changes are accepted from the console's own pages only.");
            return;
        }
        if (path.equals("/logout")) {
            login.logout(exchange);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(Exchanges.cookie(exchange, LoginFlow.SESSION_COOKIE).orElse(null));
        if (session.isEmpty()) {
            Exchanges.problem(exchange, 401, "Unauthorized", "Not signed in, or the session has ended; sign in again.");
        } else if (path.equals("/api/session")) {
            login.whoAmI(exchange, session.get());
        } else {
            relay.relay(exchange, session.get());
        }
    }

    private static void securityHeaders(Headers headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // The login ticket is in a URL once; no other site ever sees our addresses.
        headers.set("Referrer-Policy", "no-referrer");
    }
}
