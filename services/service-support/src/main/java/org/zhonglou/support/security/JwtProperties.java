package org.zhonglou.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where tokens come from. Locally: the dev public key the launcher writes
 * ({@code JWT_PUBLIC_KEY_LOCATION}). In production: the city identity provider's {@code issuer-uri}
 * ({@code JWT_ISSUER_URI}), which wins when set and also pins the {@code iss} claim.
 */
@ConfigurationProperties("zhonglou.security.jwt")
public record JwtProperties(Resource publicKeyLocation, String issuerUri) {
}
