package org.zhonglou.registration.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) that let the service compare personal data without storing it in clear:
 * the same child is recognised across parents, yet a dump without the key cannot be tested against a
 * list of names and birth dates.
 */
public final class PiiHasher {

    private final SecretKeySpec key;

    public PiiHasher(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The child's identity within the system: normalised full name and date of birth. */
    public String childKey(String fullName, LocalDate dateOfBirth) {
        return hex("child\n" + Names.normalise(fullName) + "\n" + dateOfBirth, 16);
    }

    /** A deterministic enrollment id per guardian and idempotency key, so a retry finds its first attempt. */
    public String enrollmentId(String guardianId, String idempotencyKey) {
        return "enr-" + hex("enrollment\n" + guardianId + "\n" + idempotencyKey, 12);
    }

    /** Fingerprint of a request body, to tell an idempotent replay from a reused key. */
    public String fingerprint(String canonicalRequest) {
        return hex("request\n" + canonicalRequest, 32);
    }

    private String hex(String input, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }
}
