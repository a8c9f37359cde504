package org.zhonglou.identity;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every access token the shape the services check: {@code aud} = all three services, {@code roles}
 * from the user's authorities or the client's setting. The dev token client alone may name the subject
 * and role it wants ({@code subject}, {@code role} form parameters): that is {@code ./run.sh token}, and
 * why this provider is for the local stack only.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final List<String> ROLES = List.of("PARENT", "STAFF", "SERVICE");
    private static final int MAX_SUBJECT_LENGTH = 200;

    private final List<String> audiences;

    AccessTokenClaims(ProviderProperties properties) {
        this.audiences = List.copyOf(properties.audiences());
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(audiences);
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim("roles", userRoles(context.getPrincipal()));
            return;
        }
        if (Clients.DEV_TOKENS.equals(context.getRegisteredClient().getClientId())) {
            Map<String, Object> parameters =
                    ((OAuth2ClientCredentialsAuthenticationToken) context.getAuthorizationGrant()).getAdditionalParameters();
            context.getClaims().subject(subject(parameters.get("subject")));
            context.getClaims().claim("roles", List.of(role(parameters.get("role"))));
            return;
        }
        List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(Clients.ROLES_SETTING);
        context.getClaims().claim("roles", roles == null ? List.of() : roles);
    }

    private static List<String> userRoles(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .filter(ROLES::contains)
                .toList();
    }

    private static String subject(Object value) {
        if (value instanceof String subject && !subject.isBlank() && subject.length() <= MAX_SUBJECT_LENGTH) {
            return subject;
        }
        throw invalid("subject: 1 to " + MAX_SUBJECT_LENGTH + " characters");
    }

    private static String role(Object value) {
        if (value instanceof String role && ROLES.contains(role)) {
            return role;
        }
        throw invalid("role: one of " + ROLES);
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}
