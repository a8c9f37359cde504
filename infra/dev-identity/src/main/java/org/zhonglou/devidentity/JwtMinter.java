package org.zhonglou.devidentity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mints RS256 JWTs the services accept: {@code sub}, {@code roles}, {@code name}, {@code iss},
 * {@code iat}, {@code exp}. Plain JDK so the launcher, tests and the local service-token source share
 * one implementation without pulling a JOSE library into the local stack.
 */
public final class JwtMinter {

    public static final String LOCAL_ISSUER = "zhonglou-local-dev";
    public static final Set<String> ROLES = Set.of("PARENT", "STAFF", "SERVICE");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateKey signingKey;
    private final Clock clock;

    public JwtMinter(RSAPrivateKey signingKey) {
        this(signingKey, Clock.systemUTC());
    }

    public JwtMinter(RSAPrivateKey signingKey, Clock clock) {
        this.signingKey = signingKey;
        this.clock = clock;
    }

    public String mint(String subject, List<String> roles, String name, Duration validFor) {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; expected one of " + ROLES);
            }
        }
        long now = clock.instant().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(LOCAL_ISSUER)
                + ",\"sub\":" + json(subject)
                + ",\"name\":" + json(name == null ? subject : name)
                + ",\"roles\":[" + roles.stream().map(JwtMinter::json).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + validFor.toSeconds()) + "}";
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Minimal JSON string literal: escapes what a subject or display name can contain. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
