package org.zhonglou.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend-for-frontend over real sockets: the provider and a service API are local HTTP servers, the
 * browser is an HTTP client that keeps cookies by hand (so the test sees exactly which cookie goes where).
 */
class ConsoleServerTest {

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FakeProvider provider;
    private FakeApi api;
    private ConsoleServer console;
    private String origin;

    @BeforeEach
    void start() throws IOException {
        provider = new FakeProvider();
        api = new FakeApi();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        origin = "http://127.0.0.1:" + port;
        ConsoleSettings settings = new ConsoleSettings(port, URI.create(provider.base()), "console", "",
                URI.create(origin + "/login/oauth2/code/console"), List.of(origin),
                Map.of("station", URI.create(api.base()), "notification", URI.create(api.base())), false, Duration.ofMinutes(10));
        console = new ConsoleServer(settings, Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() {
        console.stop();
        api.close();
        provider.close();
    }

    @Test
    void staffLogInWithPkceAndGetAnHttpOnlySessionCookieButNeverTheToken() throws Exception {
        String session = logIn("STAFF").orElseThrow();

        HttpResponse<String> me = get("/api/session", session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"subject\":\"staff-1\"").contains("STAFF").doesNotContain(FakeProvider.jwt("STAFF"));
    }

    @Test
    void aParentAccountIsRefusedAndGetsNoSession() throws Exception {
        HttpResponse<String> callback = callbackFor("PARENT", startLogin());

        assertThat(callback.headers().firstValue("Location")).contains(origin + "/#/refused");
        assertThat(callback.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theLoginTicketOpensASessionOnlyInTheBrowserThatStartedTheLogin() throws Exception {
        HttpResponse<String> login = startLogin();
        HttpResponse<String> callback = callbackFor("STAFF", login);
        String complete = callback.headers().firstValue("Location").orElseThrow();

        // Another browser (no login cookie of this login) follows the same link: refused, and the ticket is spent.
        HttpResponse<String> stolen = browser.send(HttpRequest.newBuilder(URI.create(complete)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stolen.headers().firstValue("Location").orElseThrow()).contains("#/login-failed");
        assertThat(sessionCookie(stolen)).isEmpty();
        HttpResponse<String> late = browser.send(HttpRequest.newBuilder(URI.create(complete))
                .header("Cookie", cookie(login, LoginFlow.LOGIN_COOKIE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(late)).isEmpty();
    }

    @Test
    void apisAreRelayedWithTheSessionsBearerTokenAndWithoutTheBrowsersCookies() throws Exception {
        String session = logIn("STAFF").orElseThrow();

        HttpResponse<String> read = get("/api/station/stations/longjiang-road/status?x=1", session);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).startsWith("GET /api/stations/longjiang-road/status?x=1 auth=Bearer " + FakeProvider.jwt("STAFF"))
                .contains("cookie=null");

        HttpResponse<String> write = send("PUT", "/api/station/stations/s/rules", session, "[]", Map.of("X-Console", "1"));
        assertThat(write.body()).startsWith("PUT /api/stations/s/rules").endsWith("body=[]");

        HttpResponse<String> problem = get("/api/station/missing", session);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void withoutASessionEveryApiIs401AsProblemJson() throws Exception {
        for (String path : new String[] {"/api/session", "/api/station/stations"}) {
            HttpResponse<String> answer = get(path, "forged-session-id");
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.body()).contains("\"detail\"");
        }
    }

    @Test
    void changesNeedTheConsolesOwnHeaderAndNoForeignOrigin() throws Exception {
        String session = logIn("STAFF").orElseThrow();

        assertThat(send("POST", "/api/station/alerts/a1/acknowledge", session, "", Map.of()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/station/alerts/a1/acknowledge", session, "",
                Map.of("X-Console", "1", "Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/station/alerts/a1/acknowledge", session, "", Map.of("X-Console", "1", "Origin", origin))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theAlertStreamReachesThePageEventByEventWhileItIsStillOpen() throws Exception {
        String session = logIn("STAFF").orElseThrow();

        HttpResponse<InputStream> stream = browser.send(HttpRequest.newBuilder(URI.create(origin + "/api/notification/alerts/stream"))
                .header("Cookie", LoginFlow.SESSION_COOKIE + "=" + session).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(stream.headers().firstValue("Content-Type")).contains("text/event-stream");
        // The upstream holds the connection open after its first event: only a relay that flushes gets it here
        // (a relay that buffers would hand it over when the upstream gives up, a minute later).
        byte[] first = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> stream.body().readNBytes("event: AlertRaised\n".length()));
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("event: AlertRaised\n");
        api.releaseStream.countDown();
        stream.body().close();
    }

    @Test
    void logoutForgetsTheSessionAndSendsThePageToTheProvidersEndOfSession() throws Exception {
        String session = logIn("STAFF").orElseThrow();

        HttpResponse<String> logout = send("POST", "/logout", session, "", Map.of("X-Console", "1"));

        assertThat(logout.body()).contains(provider.base() + "/connect/logout?id_token_hint=id-token-1")
                .contains("post_logout_redirect_uri=" + IdentityProvider.encode(origin + "/"));
        assertThat(logout.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(LoginFlow.SESSION_COOKIE + "=;") && c.contains("Max-Age=0"));
        assertThat(get("/api/session", session).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageIsServedWithHeadersThatKeepOtherSitesOut() throws Exception {
        HttpResponse<String> page = get("/", null);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(get("/../../etc/passwd", null).statusCode()).isEqualTo(404);
        assertThat(send("HEAD", "/", null, "", Map.of()).statusCode()).isIn(200, 503);
    }

    private Optional<String> logIn(String role) throws Exception {
        HttpResponse<String> login = startLogin();
        HttpResponse<String> callback = callbackFor(role, login);
        HttpResponse<String> complete = browser.send(HttpRequest.newBuilder(URI.create(callback.headers().firstValue("Location").orElseThrow()))
                .header("Cookie", cookie(login, LoginFlow.LOGIN_COOKIE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(complete.headers().firstValue("Location")).contains(origin + "/");
        return sessionCookie(complete);
    }

    private HttpResponse<String> startLogin() throws Exception {
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> authorize = Query.parse(URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
        assertThat(authorize).containsEntry("code_challenge_method", "S256").containsEntry("client_id", "console")
                .containsEntry("response_type", "code").containsKey("state");
        return login;
    }

    private HttpResponse<String> callbackFor(String role, HttpResponse<String> login) throws Exception {
        Map<String, String> authorize = Query.parse(URI.create(login.headers().firstValue("Location").orElseThrow()).getRawQuery());
        String code = provider.authorize(authorize.get("code_challenge"), role);
        return get("/login/oauth2/code/console?code=" + code + "&state=" + authorize.get("state"), null);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        Optional<String> header = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LoginFlow.SESSION_COOKIE + "=")).findFirst();
        header.ifPresent(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict"));
        return header.map(c -> c.substring(LoginFlow.SESSION_COOKIE.length() + 1, c.indexOf(';')));
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        return send("GET", path, session, "", Map.of());
    }

    private HttpResponse<String> send(String method, String path, String session, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", LoginFlow.SESSION_COOKIE + "=" + session);
        }
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
