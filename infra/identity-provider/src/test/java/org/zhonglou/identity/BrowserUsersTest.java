package org.zhonglou.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/** The browser users (local only) and the claims a browser login's access token gets. */
class BrowserUsersTest {

    private final PasswordEncoder encoder = new ProviderSecurity().passwordEncoder();
    private final UserDetailsService users = new Users().devUsers(encoder);
    private final ProviderProperties properties = new ProviderProperties("http://localhost:9000",
            List.of("registration", "station-monitoring", "notification"), Path.of("unused"), "n", "d",
            List.of("http://127.0.0.1:8080/login/oauth2/code/console"), Duration.ofMinutes(10), Duration.ofHours(12));

    @Test
    void staffAndParentSignInWithDevAndHoldTheirRole() {
        UserDetails staff = users.loadUserByUsername("staff");
        UserDetails parent = users.loadUserByUsername("parent");

        assertThat(encoder.matches("dev", staff.getPassword())).isTrue();
        assertThat(encoder.matches("dev", parent.getPassword())).isTrue();
        assertThat(staff.getPassword()).startsWith("{bcrypt}");
        assertThat(staff.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        assertThat(parent.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PARENT");
    }

    @Test
    void theConsoleMayReturnToItsOwnPageAfterLogoutAndNowhereElse() {
        RegisteredClientRepository clients = new Clients().registeredClients(properties, encoder);

        assertThat(clients.findByClientId(Clients.CONSOLE).getPostLogoutRedirectUris())
                .containsExactly("http://127.0.0.1:8080/");
    }

    @Test
    void aBrowserLoginsAccessTokenCarriesTheUsersRoleAndEveryAudience() {
        RegisteredClientRepository clients = new Clients().registeredClients(properties, encoder);
        UserDetails staff = users.loadUserByUsername("staff");
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(properties.issuer()).subject("staff")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
        JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
                .registeredClient(clients.findByClientId(Clients.CONSOLE))
                .principal(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .build();

        new AccessTokenClaims(properties).customize(context);

        JwtClaimsSet token = claims.build();
        assertThat(token.getAudience()).containsExactly("registration", "station-monitoring", "notification");
        assertThat(token.<List<String>>getClaim("roles")).containsExactly("STAFF");
    }
}
