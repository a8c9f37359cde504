package org.zhonglou.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.zhonglou.support.StartRefused;

class TokenValidationTest {

    private static final String ISSUER = "http://localhost:9000";
    private final OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(ISSUER, "registration");

    @Test
    void acceptsTheProvidersShape() {
        assertThat(validator.validate(token(claims -> { })).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherAudienceOrNone() {
        assertThat(validator.validate(token(claims -> claims.audience(List.of("notification")))).hasErrors()).isTrue();
        assertThat(validator.validate(token(claims -> claims.claims(map -> map.remove("aud")))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutExpiryOrExpired() {
        assertThat(validator.validate(token(claims -> claims.claims(map -> map.remove("exp")))).hasErrors()).isTrue();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertThat(validator.validate(token(claims -> claims.issuedAt(past.minusSeconds(60)).expiresAt(past)))
                .hasErrors()).isTrue();
    }

    @Test
    void refusesAnotherIssuerOrNone() {
        assertThat(validator.validate(token(claims -> claims.issuer("http://localhost:9001"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(claims -> claims.claims(map -> map.remove("iss")))).hasErrors()).isTrue();
    }

    @Test
    void refusesToStartWithoutIssuerOrAudienceNamingTheVariable() {
        assertThatThrownBy(() -> TokenValidation.decoder(new JwtProperties(" ", "registration")))
                .isInstanceOf(StartRefused.class).hasMessageContaining("JWT_ISSUER_URI");
        assertThatThrownBy(() -> TokenValidation.decoder(new JwtProperties(ISSUER, null)))
                .isInstanceOf(StartRefused.class).hasMessageContaining("JWT_AUDIENCE");
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).subject("someone")
                .audience(List.of("registration", "station-monitoring", "notification"))
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).claim("roles", List.of("STAFF"));
        change.accept(builder);
        return builder.build();
    }
}
