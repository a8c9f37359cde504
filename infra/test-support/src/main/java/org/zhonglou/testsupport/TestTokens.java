package org.zhonglou.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Bearer tokens for tests, shaped like the identity provider's ({@code iss}, {@code sub}, {@code aud} of
 * all three services, {@code exp}, {@code iat}, {@code roles}) and signed by {@link TestIssuer}'s key.
 * {@link #claims} and the signing methods make the broken ones the security tests need.
 */
public final class TestTokens {

    public static final List<String> AUDIENCES = List.of("registration", "station-monitoring", "notification");

    private static final RSAKey OTHER_KEY = TestIssuer.newKey();

    private TestTokens() {
    }

    public static String parent(String subject) {
        return token(subject, "PARENT");
    }

    public static String staff(String subject) {
        return token(subject, "STAFF");
    }

    public static String service() {
        return token("notification-service", "SERVICE");
    }

    public static String token(String subject, String role) {
        return signed(claims(subject, role).build());
    }

    /** A token that expires {@code validity} from now (for what must end with the token). */
    public static String token(String subject, String role, Duration validity) {
        return signed(claims(subject, role).expirationTime(Date.from(Instant.now().plus(validity))).build());
    }

    /** A valid token's claims, to change one before signing. */
    public static JWTClaimsSet.Builder claims(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.shared().url())
                .subject(subject)
                .audience(AUDIENCES)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(role));
    }

    /** Signed with the test issuer's key (RS256, with its key id). */
    public static String signed(JWTClaimsSet claims) {
        return sign(claims, TestIssuer.shared().key(), TestIssuer.shared().key().getKeyID());
    }

    /** Signed by a key the issuer never published, under the id of the key it did publish. */
    public static String signedByAnotherKey(JWTClaimsSet claims) {
        return sign(claims, OTHER_KEY, TestIssuer.shared().key().getKeyID());
    }

    /** {@code alg: none}. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The value of an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }
}
