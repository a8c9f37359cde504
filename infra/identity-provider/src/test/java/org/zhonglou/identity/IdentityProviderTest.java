package org.zhonglou.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provider as the services and ./run.sh use it, over HTTP, on a random port. */
class IdentityProviderTest {

    private static final String ISSUER = "http://issuer.test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void discoveryJwksAndTokensForServicesAndDevSubjects() throws Exception {
        Path data = Files.createTempDirectory("idp");
        try (ConfigurableApplicationContext provider = start(data)) {
            String base = base(provider);
            JsonNode discovery = get(base + "/.well-known/openid-configuration");
            assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
            assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");

            HttpResponse<String> service = token(base, "notification-service", "s3cret-notification", "");
            assertThat(service.statusCode()).isEqualTo(200);
            JWTClaimsSet claims = claims(service);
            assertThat(claims.getIssuer()).isEqualTo(ISSUER);
            assertThat(claims.getSubject()).isEqualTo("notification-service");
            assertThat(claims.getAudience()).containsExactlyInAnyOrder("registration", "station-monitoring", "notification");
            assertThat(claims.getStringListClaim("roles")).containsExactly("SERVICE");
            assertThat(claims.getExpirationTime()).isNotNull();
            assertThat(claims.getIssueTime()).isNotNull();

            JWTClaimsSet parent = claims(token(base, "dev-tokens", "s3cret-dev", "&subject=parent-7&role=PARENT"));
            assertThat(parent.getSubject()).isEqualTo("parent-7");
            assertThat(parent.getStringListClaim("roles")).isEqualTo(List.of("PARENT"));
        }
    }

    @Test
    void refusesWrongSecretsUnknownRolesAndSubjectsForOtherClients() throws Exception {
        Path data = Files.createTempDirectory("idp");
        try (ConfigurableApplicationContext provider = start(data)) {
            String base = base(provider);
            assertThat(token(base, "notification-service", "wrong", "").statusCode()).isEqualTo(401);
            assertThat(token(base, "dev-tokens", "s3cret-dev", "&subject=x&role=ADMIN").statusCode()).isEqualTo(400);
            assertThat(token(base, "dev-tokens", "s3cret-dev", "&role=STAFF").statusCode()).isEqualTo(400);
            // Only the dev token client may choose a subject and role.
            JWTClaimsSet service = claims(token(base, "notification-service", "s3cret-notification",
                    "&subject=staff-1&role=STAFF"));
            assertThat(service.getSubject()).isEqualTo("notification-service");
            assertThat(service.getStringListClaim("roles")).containsExactly("SERVICE");
        }
    }

    @Test
    void signingKeySurvivesARestart() throws Exception {
        Path data = Files.createTempDirectory("idp");
        String firstJwks;
        try (ConfigurableApplicationContext provider = start(data)) {
            firstJwks = get(base(provider) + "/oauth2/jwks").toString();
        }
        try (ConfigurableApplicationContext provider = start(data)) {
            assertThat(get(base(provider) + "/oauth2/jwks").toString()).isEqualTo(firstJwks);
        }
        assertThat(Files.getPosixFilePermissions(data.resolve(SigningKey.FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private static ConfigurableApplicationContext start(Path data) {
        return SpringApplication.run(IdentityProviderApplication.class, "--server.port=0", "--identity.issuer=" + ISSUER,
                "--identity.data-dir=" + data, "--identity.notification-secret=s3cret-notification",
                "--identity.dev-tokens-secret=s3cret-dev");
    }

    private static String base(ConfigurableApplicationContext provider) {
        return "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> token(String base, String client, String secret, String extra) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials" + extra)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet claims(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SignedJWT.parse(JSON.readTree(response.body()).path("access_token").asString()).getJWTClaimsSet();
    }
}
