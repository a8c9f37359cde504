package org.zhonglou.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * What every service must do before it has features: start healthy against the real broker and store,
 * refuse calls without a valid token as problem+json, and fail cleanly on malformed requests. A
 * service's test extends this with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and a stack
 * annotation, and names one of its authenticated {@code POST} paths.
 */
public abstract class FoundationScenarios {

    @Value("${local.server.port}")
    protected int port;

    /** The service's own audience: tokens must name it in {@code aud}. */
    @Value("${zhonglou.security.jwt.audience}")
    protected String audience;

    /** A POST endpoint of the service that needs a token and takes a JSON object. */
    protected abstract String protectedPostPath();

    /** A body that {@link #protectedPostPath()} accepts, as a JSON object. */
    protected abstract String validBody();

    /** A role that may call {@link #protectedPostPath()}. */
    protected abstract String allowedRole();

    protected ApiClient api() {
        return ApiClient.localhost(port);
    }

    @Test
    void healthIsUpAndIncludesTheStoreAndTheBroker() {
        ApiClient.Answer health = api().get("/actuator/health").send();

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(health.json().path("components").path("mongo").path("status").asString()).as(health.body())
                .isEqualTo("UP");
        assertThat(health.json().path("components").path("kafka").path("status").asString()).as(health.body())
                .isEqualTo("UP");
    }

    @Test
    void apiDocsArePublic() {
        assertThat(api().get("/v3/api-docs").send().status()).isEqualTo(200);
    }

    @Test
    void aCallWithoutTokenIs401ProblemJson() {
        ApiClient.Answer answer = api().post(protectedPostPath(), "{}").send();

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void aTokenForThisServiceAloneIsAccepted() {
        String token = TestTokens.signed(TestTokens.claims("someone", allowedRole()).audience(audience).build());

        assertThat(api().post(protectedPostPath(), "{\"broken\": ").bearer(token).send().status()).isEqualTo(400);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        List<String> others = TestTokens.AUDIENCES.stream().filter(other -> !other.equals(audience)).toList();

        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole()).audience(others).build()));
        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole()).audience(List.of()).build()));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole())
                .issueTime(Date.from(anHourAgo.minus(Duration.ofHours(1)))).expirationTime(Date.from(anHourAgo)).build()));
    }

    @Test
    void aTokenWithoutExpiryIs401() {
        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole()).expirationTime(null).build()));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole())
                .issuer("https://issuer.example").build()));
        assertRefused(TestTokens.signed(TestTokens.claims("mallory", allowedRole()).issuer(null).build()));
    }

    @Test
    void anUnsignedTokenIs401() {
        assertRefused(TestTokens.unsigned(TestTokens.claims("mallory", allowedRole()).build()));
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = TestTokens.token("mallory", "PARENT").split("\\.");
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(TestTokens.claims("mallory", allowedRole())
                .build().toString().getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + claims + "." + parts[2]);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertRefused(TestTokens.signedByAnotherKey(TestTokens.claims("mallory", allowedRole()).build()));
    }

    private void assertRefused(String token) {
        ApiClient.Answer answer = api().post(protectedPostPath(), validBody()).bearer(token).send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        ApiClient.Answer answer = api().post(protectedPostPath(), "{\"broken\": ")
                .bearer(TestTokens.token("someone", allowedRole())).send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void unknownFieldsAre400AndNamed() {
        String withUnknownField = validBody().strip().replaceFirst("^\\{", "{\"isAdmin\": true, ");
        ApiClient.Answer answer = api().post(protectedPostPath(), withUnknownField)
                .bearer(TestTokens.token("someone", allowedRole())).send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("isAdmin");
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String big = "{\"padding\": \"" + "x".repeat(1024 * 1024) + "\"}";
        ApiClient.Answer answer = api().post(protectedPostPath(), big)
                .bearer(TestTokens.token("someone", allowedRole())).send();

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    /**
     * What an unknown {@code /api} path answers to {@link #allowedRole()}: 404 where the service's rules
     * end with "the rest of /api for this role", 403 where nothing unnamed is allowed at all.
     */
    protected int unknownApiPathStatus() {
        return 404;
    }

    @Test
    void unknownPathsAreAProblemJsonRefusal() {
        ApiClient.Answer answer = api().get("/api/no-such-thing").bearer(TestTokens.token("someone", allowedRole()))
                .send();

        assertThat(answer.status()).isEqualTo(unknownApiPathStatus());
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownPathsWithoutATokenAre401AndWithATokenOutsideTheApiAre403() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "POST", "DELETE"}) {
            for (String path : new String[] {"/api/no-such-thing", "/no-such-thing", "/actuator/env"}) {
                assertThat(api().method(method, path).send().status()).as(method + " " + path).isEqualTo(401);
            }
            assertThat(api().method(method, "/actuator/env").bearer(TestTokens.token("someone", allowedRole())).send()
                    .status()).as(method).isEqualTo(403);
        }
    }
}
