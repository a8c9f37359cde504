package org.zhonglou.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whose tokens a service accepts, the same way in every profile: the identity provider at
 * {@code issuerUri} ({@code JWT_ISSUER_URI}; locally {@code http://localhost:9000}, in production the
 * city's provider), whose discovery document names the signing keys, and tokens whose {@code aud}
 * names this service ({@code JWT_AUDIENCE}).
 */
@ConfigurationProperties("zhonglou.security.jwt")
public record JwtProperties(String issuerUri, String audience) {
}
