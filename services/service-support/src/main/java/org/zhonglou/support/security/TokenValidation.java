package org.zhonglou.support.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.zhonglou.support.StartRefused;

/**
 * The one way a service checks a bearer token: signed by a key the issuer publishes (its discovery
 * document's JWKS; unsigned and {@code alg: none} tokens never pass), {@code iss} equal to the issuer,
 * {@code exp} present and not past (Spring's own timestamp check lets a token without {@code exp} live
 * for ever), {@code aud} containing this service.
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    /**
     * Looks the issuer up on the first token, not at start-up: a service must start (and report its health)
     * while the provider is still starting or briefly away.
     */
    public static JwtDecoder decoder(JwtProperties properties) {
        String issuer = required(properties.issuerUri(), "JWT_ISSUER_URI",
                "the identity provider's issuer URI, e.g. http://localhost:9000 locally");
        OAuth2TokenValidator<Jwt> validator = validator(issuer, required(properties.audience(), "JWT_AUDIENCE",
                "this service's audience: registration, station-monitoring or notification"));
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience))));
    }

    private static String required(String value, String variable, String expected) {
        if (value == null || value.isBlank()) {
            throw new StartRefused("Refusing to start: " + variable + " is not set (expected: " + expected + ").",
                    "Set " + variable + " in the service's environment; see README, 'Identity'.");
        }
        return value.strip();
    }
}
